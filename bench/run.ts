/**
 * `npm run bench`: runs every benchmark section, prints a plain table of numbers per section with
 * PASS or MISS for each goal, then one JSON line with every number (docs are updated from it).
 *
 *   node --expose-gc dist/bench/run.js [--section=engine] [--sizes=1000,10000]
 *
 * Speed is measured here and never asserted by a test (house style): a MISS does not fail the run.
 */

import os from 'node:os';
import { bundleBenchmark } from './bundle';
import { checkerBenchmark } from './checker';
import { engineBenchmark } from './engine';
import { excelBenchmark } from './excel';
import { functionsBenchmark } from './functions';
import { ownersBenchmark } from './owners';
import { BenchContext, BenchmarkSection, SectionResult } from './section';

/** The sections, run in this order. A new benchmark is a file exporting a BenchmarkSection, added here. */
const SECTIONS: BenchmarkSection[] = [engineBenchmark, checkerBenchmark, excelBenchmark, bundleBenchmark, functionsBenchmark, ownersBenchmark];

interface Options {
  section: string | null;
  sizes: number[] | null;
}

function parseOptions(args: string[]): Options {
  const options: Options = { section: null, sizes: null };
  for (const arg of args) {
    const [flag, value = ''] = arg.split('=');
    if (flag === '--section') options.section = value;
    else if (flag === '--sizes') options.sizes = value.split(',').map(Number).filter((size) => Number.isInteger(size) && size > 0);
    else throw new Error(`Unknown option ${arg}; use --section=NAME or --sizes=1000,10000.`);
  }
  return options;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

/** A plain, right-aligned table: no colours, so that it reads the same in a terminal, a log and a doc. */
function printSection(result: SectionResult): void {
  const cells = result.rows.map((row) => result.columns.map((column) => {
    const value = row[column.key];
    return value === null || value === undefined ? '-' : column.format(value);
  }));
  const widths = result.columns.map((column, index) => Math.max(column.heading.length, ...cells.map((line) => line[index].length)));
  const line = (parts: string[]) => parts.map((part, index) => part.padStart(widths[index])).join('  ');
  const lines = [
    result.title,
    '',
    line(result.columns.map((column) => column.heading)),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
    '',
    ...result.notes.map((note) => `  ${note}`),
  ];
  if (result.goals.length > 0) {
    lines.push('', 'Goals:');
    for (const goal of result.goals) lines.push(`  ${goal.met ? 'PASS' : 'MISS'}  ${goal.description} (measured ${goal.measured})`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const gc = typeof global.gc === 'function' ? (global.gc as () => void) : null;
  const context: BenchContext = { gc, sizes: options.sizes };
  const about = machine();
  process.stdout.write(
    `KPI Align benchmark, ${new Date().toISOString()}\n` +
      `Machine: ${about.cpu}, ${about.cores} cores, ${about.memoryGB} GB, Node ${about.node}, ${about.platform}` +
      `${gc ? '' : ' (no --expose-gc: memory is measured without a full collection)'}\n\n`,
  );

  const selected = SECTIONS.filter((section) => options.section === null || section.name === options.section);
  if (selected.length === 0) throw new Error(`No section ${options.section}; sections: ${SECTIONS.map((section) => section.name).join(', ')}.`);
  const results: Record<string, SectionResult> = {};
  for (const section of selected) {
    results[section.name] = await section.run(context);
    printSection(results[section.name]);
  }

  const json = {
    benchmark: 'kpi-align',
    date: new Date().toISOString(),
    machine: about,
    gc: gc !== null,
    sections: Object.fromEntries(Object.entries(results).map(([name, result]) => [name, { rows: result.rows, goals: result.goals }])),
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
