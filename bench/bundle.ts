/**
 * The task pane's download: the gzip size of what taskpane.html loads first, against a budget of
 * 300 KB, read from the production build in dist-web/ (`npm run bench` builds it first).
 */

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BenchmarkSection, formats } from './section';

const BUDGET_KB = 300;

interface BundleReport {
  budgetBytes: number;
  firstLoadGzipBytes: number;
  firstLoad: { file: string; bytes: number; gzip: number }[];
  onDemand: { file: string; bytes: number; gzip: number }[];
}

export const bundleBenchmark: BenchmarkSection = {
  name: 'bundle',
  run() {
    const script = join(__dirname, '..', '..', 'scripts', 'bundle-size.js');
    const report = JSON.parse(execFileSync(process.execPath, [script, '--json'], { encoding: 'utf8' })) as BundleReport;
    const kb = (bytes: number) => bytes / 1024;
    const rows = [
      ...report.firstLoad.map((file) => ({ firstLoad: 1, bytes: kb(file.bytes), gzip: kb(file.gzip) })),
      ...report.onDemand.map((file) => ({ firstLoad: 0, bytes: kb(file.bytes), gzip: kb(file.gzip) })),
    ];
    const firstLoad = kb(report.firstLoadGzipBytes);
    return {
      title: 'Task pane bundle (dist-web, production build)',
      columns: [
        { key: 'firstLoad', heading: 'first load', format: (value: number) => (value ? 'yes' : 'on demand') },
        { key: 'bytes', heading: 'KB', format: formats.ms },
        { key: 'gzip', heading: 'gzip KB', format: formats.ms },
      ],
      rows,
      goals: [{ description: `the task pane's first load under ${BUDGET_KB} KB gzip`, met: firstLoad < BUDGET_KB, measured: `${firstLoad.toFixed(1)} KB` }],
      notes: [`files, in order: ${[...report.firstLoad, ...report.onDemand].map((file) => file.file).join(', ')}`],
    };
  },
};
