/** What `check` and `template` share in reading their command lines. */

import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed arguments, or the sentence that says why they cannot be read (an unknown option, a missing value). */
export type Arguments<T extends Options> =
  | { ok: true; values: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>>['values']; positionals: string[] }
  | { ok: false; message: string };

export function readArguments<T extends Options>(argv: string[], options: T): Arguments<T> {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options });
    return { ok: true, values, positionals };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** A sentence for each workbook named more than once (check's files, template's --from): each is read once. */
export function filesNamedTwice(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const file of files) {
    if (seen.has(file)) errors.push(`${file} is named twice; each workbook is read once.`);
    seen.add(file);
  }
  return errors;
}
