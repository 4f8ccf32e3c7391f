import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { COMPUTED_HEADERS } from '../../src/core';
import { readWorkbook } from '../../src/xlsx';
import { AS_OF, EXAMPLE, runChecker } from './run';

const folder = mkdtempSync(join(tmpdir(), 'kpi-align-xlsm-'));
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const XLSM_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
/** Stand-in bytes for the macros: the checker never reads them, and --write must copy them as they are. */
const VBA = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256));

/** The example saved as a macro-enabled workbook, as Excel does: another main content type, and the macro part. */
function macroWorkbook(): Uint8Array {
  const parts = unzipSync(readFileSync(EXAMPLE));
  const types = strFromU8(parts['[Content_Types].xml']);
  expect(types).toContain(XLSX_MAIN);
  parts['[Content_Types].xml'] = strToU8(
    types.replace(XLSX_MAIN, XLSM_MAIN).replace(/(<Types[^>]*>)/, '$1<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'),
  );
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(
    rels.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
  );
  parts['xl/vbaProject.bin'] = VBA;
  return zipSync(parts);
}

const input = join(folder, 'scorecard.xlsm');
beforeAll(() => writeFileSync(input, macroWorkbook()));

test('an .xlsm workbook is checked exactly like the .xlsx it was saved from', async () => {
  const macro = await runChecker(['check', input, ...AS_OF, '--json']);
  const plain = await runChecker(['check', EXAMPLE, ...AS_OF, '--json']);
  expect(macro.code).toBe(plain.code);
  expect(macro.err).toBe('');
  const { summary, issues } = JSON.parse(macro.out);
  const expected = JSON.parse(plain.out);
  expect(summary).toEqual(expected.summary);
  const where = (list: { code: string; cell: string | null }[]) => list.map((issue) => `${issue.code} ${issue.cell}`);
  expect(where(issues)).toEqual(where(expected.issues));
});

test('--write of an .xlsm to an .xlsm keeps the macros byte for byte and the macro-enabled kind', async () => {
  const output = join(folder, 'scorecard-results.xlsm');
  const run = await runChecker(['check', input, ...AS_OF, '--write', output]);
  expect(run.code).toBe(1);
  expect(run.out).toContain(`Wrote ${output}.`);
  const parts = unzipSync(readFileSync(output));
  expect(parts['xl/vbaProject.bin']).toEqual(VBA);
  const types = strFromU8(parts['[Content_Types].xml']);
  expect(types).toContain(XLSM_MAIN);
  expect(types).not.toContain(XLSX_MAIN);
  expect(strFromU8(parts['xl/_rels/workbook.xml.rels'])).toContain('Target="vbaProject.bin"');
  const dept = readWorkbook(readFileSync(output), 'out').find((table) => table.table === 'DeptKPIs')!;
  expect(dept.header.slice(-COMPUTED_HEADERS.length)).toEqual(COMPUTED_HEADERS);
});
