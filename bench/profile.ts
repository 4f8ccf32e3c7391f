/**
 * Where the engine's time goes: runs `checkTables` on a generated scorecard under V8's sampling
 * profiler (node --cpu-prof, in a child process) and prints each engine stage's share and the
 * functions with the most self time.
 *
 *   npm run build && node dist/bench/profile.js [nodes=100000] [runs=5]
 *
 * The .cpuprofile is kept (path printed) for Chrome DevTools or speedscope.
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTables, settingsOrThrow } from '../src/core';
import { generateCascade, GENERATED_AS_OF } from './generate-cascade';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The engine's stages, as checkTables calls them: their inclusive time adds up to the whole. */
const STAGES = ['analyseTable', 'readNodes', 'linkNodes', 'computeCascade', 'checkCascade', 'sortIssues', 'groupCodesByRow', 'tableReport', 'nodeReport', 'summarise'];

function work(nodes: number, runs: number): void {
  const tables = generateCascade({ nodes, seed: 20261123 });
  const settings = settingsOrThrow({ asOf: GENERATED_AS_OF });
  checkTables(tables, settings); // warm-up, so that the profile shows optimised code
  for (let index = 0; index < runs; index++) checkTables(tables, settings);
}

function profile(nodes: number, runs: number): void {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-align-profile-'));
  const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${directory}`, __filename, '--work', String(nodes), String(runs)], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`the profiled run failed (status ${child.status})`);
  const file = fs.readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${directory}`);
  const location = path.join(directory, file);
  summarise(JSON.parse(fs.readFileSync(location, 'utf8')) as CpuProfile, nodes, runs);
  process.stdout.write(`\nProfile: ${location}\n`);
}

/** Self time per function, and inclusive time per engine stage and for checkTables itself. */
function summarise(cpu: CpuProfile, nodes: number, runs: number): void {
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (node: ProfileNode) => {
    const file = node.callFrame.url.replace(/^.*\/dist\//, '').replace(/^file:\/\//, '');
    return `${node.callFrame.functionName || '(anonymous)'} ${file ? `${file}:${node.callFrame.lineNumber + 1}` : ''}`.trim();
  };

  // Self time is counted for samples inside checkTables only (not the generator); V8 files garbage
  // collection under a root-level "(garbage collector)" node, so it is counted on its own.
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  cpu.samples.forEach((sample, index) => {
    const delta = cpu.timeDeltas[index] ?? 0;
    total += delta;
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const name = (byId.get(id) as ProfileNode).callFrame.functionName;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
    if (seen.has('checkTables')) {
      const leaf = label(byId.get(sample) as ProfileNode);
      self.set(leaf, (self.get(leaf) ?? 0) + delta);
    }
  });

  const engine = inclusive.get('checkTables') ?? 0;
  const ms = (micros: number) => (micros / 1000 / (runs + 1)).toFixed(1).padStart(8);
  const share = (micros: number) => `${((100 * micros) / engine).toFixed(1).padStart(5)}%`;
  const lines = [
    `checkTables on ${nodes.toLocaleString('en-US')} nodes: ${ms(engine).trim()} ms per run (profiled, ${runs + 1} runs), ${((100 * engine) / total).toFixed(0)}% of the process's samples`,
    '',
    'Stage (inclusive)            ms/run   share',
    ...STAGES.map((stage) => `  ${stage.padEnd(24)} ${ms(inclusive.get(stage) ?? 0)}  ${share(inclusive.get(stage) ?? 0)}`),
    `  ${'(garbage collector)'.padEnd(24)} ${ms(inclusive.get('(garbage collector)') ?? 0)}  (whole process, beside checkTables)`,
    '',
    'Top functions by self time   ms/run   share of checkTables',
    ...[...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([name, micros]) => `  ${ms(micros)}  ${share(micros)}  ${name}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const args = process.argv.slice(2);
if (args[0] === '--work') work(Number(args[1]), Number(args[2]));
else profile(Number(args[0] ?? 100_000), Number(args[1] ?? 5));
