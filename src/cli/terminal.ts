/**
 * The one place the checker prints: standard output for the report, standard error for progress and
 * problems. Tests pass their own terminal to capture both.
 */

export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  /** Colour only when the report goes to a terminal, and NO_COLOR is not set. */
  colour: boolean;
  /** Progress only when standard error is a terminal: logs stay clean. */
  progress: boolean;
}

/**
 * A reader that stops early (`kpi-align check … | head`) closes the pipe: the rest of the report has
 * nowhere to go, which is no failure of the check, so EPIPE is dropped quietly (the exit status still
 * says whether the cascade has errors) instead of ending in an unhandled error's stack trace.
 */
export function dropClosedPipe(stream: Pick<NodeJS.WriteStream, 'listenerCount' | 'on'>): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

export function processTerminal(): Terminal {
  dropClosedPipe(process.stdout);
  dropClosedPipe(process.stderr);
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    progress: Boolean(process.stderr.isTTY),
  };
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, grey: 90, bold: 1 } as const;
export type Colour = keyof typeof CODES;

export function paint(terminal: Terminal, colour: Colour, text: string): string {
  return terminal.colour ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}
