/** Nothing outside our columns changes: every other part byte for byte, and everything inside the rewritten parts. */
import { strFromU8 } from 'fflate';
import { readWorkbook, writeComputedColumns, type TableWrite } from '../../src/xlsx';
import { entries, fixture } from './build-package';

const CHANGED = ['xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', 'xl/workbook.xml', 'xl/styles.xml'];

describe('writing preserve.xlsx', () => {
  const input = fixture('preserve.xlsx');
  const write: TableWrite = {
    sheet: 'Scorecard',
    table: 'Cascade',
    columns: [
      { header: 'Progress', format: 'percent', values: [0.9, 0.9, 0.4, 0.8] },
      { header: 'Status', format: 'text', values: ['On track', 'On track', 'Off track', 'On track'] },
      { header: 'Path', format: 'text', values: ['O1', 'O1 > K1', 'O1 > K2', 'O1 > K1 > K3'] },
    ],
  };
  const { bytes, notes } = writeComputedColumns(input, [write]);
  const before = entries(input);
  const after = entries(bytes);
  const text = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name]);

  it('writes without notes and changes only the sheet, its table, workbook.xml and styles.xml', () => {
    expect(notes).toEqual([]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(before).filter((name) => !Buffer.from(before[name]).equals(Buffer.from(after[name])));
    expect(changed.sort()).toEqual([...CHANGED].sort());
  });

  it('keeps every other part byte for byte: charts, chart sheet, drawings, comments, theme, rels, content types', () => {
    for (const name of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/chartsheets/sheet1.xml', 'xl/drawings/drawing1.xml', 'xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml', 'xl/worksheets/sheet2.xml', '[Content_Types].xml']) {
      expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
    }
  });

  it('keeps every original cell of the sheet verbatim and in order', () => {
    const cells = (xml: string): string[] => xml.match(/<c r="[A-Z]+\d+"[^>]*?(?:\/>|>.*?<\/c>)/g) ?? [];
    const original = cells(text(before, 'xl/worksheets/sheet1.xml'));
    const rewritten = cells(text(after, 'xl/worksheets/sheet1.xml'));
    expect(rewritten.filter((cell) => original.includes(cell))).toEqual(original);
    expect(rewritten.length - original.length).toBe(3 * 5); // 3 columns x (header + 4 rows)
  });

  it('keeps the frozen pane, conditional formatting, data validation, comments link, formulas and table part; adds only our guard', () => {
    const sheet = text(after, 'xl/worksheets/sheet1.xml');
    const original = text(before, 'xl/worksheets/sheet1.xml');
    const tail = (xml: string) => xml.slice(xml.indexOf('</sheetData>'));
    // The only change after the cells: our guard appended to the person's validations, and their count.
    const guard = /<dataValidation type="custom"[^>]*><formula1>FALSE<\/formula1><\/dataValidation>/.exec(sheet)![0];
    const withGuard = tail(original).replace('<dataValidations count="1">', '<dataValidations count="2">').replace('</dataValidations>', `${guard}</dataValidations>`);
    expect(tail(sheet)).toBe(withGuard);
    expect(sheet).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(sheet).toContain('<conditionalFormatting sqref="F2:F5">');
    expect(sheet).toContain('<dataValidation sqref="C2:C5"');
    expect(sheet).toContain('<legacyDrawing');
    expect(sheet).toContain('<f>E3*0.9</f>');
    expect(sheet).toContain('<f>"K"&amp;"3"</f>');
    expect(sheet).toContain('<f>SUM(TotalTarget)</f>');
  });

  it('keeps the defined names, number formats and conditional-format styles', () => {
    const workbook = text(after, 'xl/workbook.xml');
    expect(workbook).toContain('<definedName name="TotalTarget">Scorecard!$E$2:$E$5</definedName>');
    expect(workbook).toContain('<definedName name="_KPIAlign_Owned_1" hidden="1">');
    const styles = text(after, 'xl/styles.xml');
    const stylesBefore = text(before, 'xl/styles.xml');
    expect(styles.replace(/<cellXfs.*<\/cellXfs>/, '')).toBe(stylesBefore.replace(/<cellXfs.*<\/cellXfs>/, ''));
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>');
  });

  it('still reads back with the original values and ours', () => {
    const [table] = readWorkbook(bytes, 'out.xlsx');
    const [original] = readWorkbook(input, 'in.xlsx');
    expect(table.rows.map((row) => row.slice(0, 9))).toEqual(original.rows);
    expect(table.header.slice(9)).toEqual(['Progress', 'Status (KPI Align)', 'Path']);
    expect(table.rows.map((row) => row[9])).toEqual([0.9, 0.9, 0.4, 0.8]);
  });
});
