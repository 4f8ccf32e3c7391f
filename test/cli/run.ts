/** Runs the checker in-process with a terminal that captures what it prints. */

import { main } from '../../src/cli/main';
import type { Terminal } from '../../src/cli/terminal';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function runChecker(argv: string[], options: { colour?: boolean; progress?: boolean } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const terminal: Terminal = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    colour: options.colour ?? false,
    progress: options.progress ?? false,
  };
  const code = await main(argv, terminal, new Date(Date.UTC(2026, 10, 23)));
  return { code, out, err };
}

export const EXAMPLE = 'examples/scorecard.xlsx';
export const AS_OF = ['--as-of', '2026-09-30'];
