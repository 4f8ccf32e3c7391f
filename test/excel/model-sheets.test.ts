/** What the model adds for team sheets, marks and reports behaves as Excel does: validation, visibility, deleting sheets. */

import { createWorkbookModel, type WorkbookModel } from '../../src/preview/excel-model';

const run = (model: WorkbookModel, batch: (context: Excel.RequestContext) => Promise<unknown>) => model.host.run(batch);
const code = (promise: Promise<unknown>) => promise.then(() => null, (error: { code?: string }) => error.code);

test('data validation: a list needs its name to exist, limits are Excel\'s, mixed cells load as MixedCriteria, clear removes it', async () => {
  const model = createWorkbookModel({ sheets: [{ name: 'S' }], names: [{ name: 'Choices', formula: '=S!$A$1:$A$3' }] });
  const sheet = () => (context: Excel.RequestContext) => context.workbook.worksheets.getItem('S');
  expect(await code(run(model, async (context) => {
    sheet()(context).getRange('B1').dataValidation.rule = { list: { source: '=Missing', inCellDropDown: true } };
    await context.sync();
  }))).toBe('InvalidArgument');
  expect(await code(run(model, async (context) => {
    sheet()(context).getRange('B1').dataValidation.prompt = { showPrompt: true, title: 'x'.repeat(33), message: '' };
    await context.sync();
  }))).toBe('InvalidArgument');
  const loaded = await run(model, async (context) => {
    sheet()(context).getRange('B1:B2').dataValidation.rule = { list: { source: '=Choices', inCellDropDown: true } };
    sheet()(context).getRange('B2').dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: 'T', message: 'M' };
    const both = sheet()(context).getRange('B1:B2').dataValidation.load('type');
    const one = sheet()(context).getRange('B2').dataValidation.load('type,rule,errorAlert');
    const mixed = sheet()(context).getRange('B2:C2').dataValidation.load('type');
    await context.sync();
    return [both.type, one.type, one.rule.list?.source, one.errorAlert.style, mixed.type];
  });
  expect(loaded).toEqual(['MixedCriteria', 'List', '=Choices', 'Warning', 'Inconsistent']);
  await run(model, async (context) => {
    sheet()(context).getRange('B1:B2').dataValidation.clear();
    await context.sync();
  });
  expect(model.snapshot().sheets[0].validations).toEqual({});
  model.protectSheet('S');
  expect(await code(run(model, async (context) => {
    sheet()(context).getRange('B1').dataValidation.clear();
    await context.sync();
  }))).toBe('AccessDenied');
});

test('visibility and delete keep one sheet visible; deleting takes the tables and formats; names that pointed there give #REF!', async () => {
  const model = createWorkbookModel({
    sheets: [{ name: 'A' }, { name: 'B' }],
    tables: [{ name: 'T', sheet: 'B', origin: 'A1', header: ['ID'], rows: [['x']] }],
    names: [{ name: 'There', formula: '=B!$A$1' }],
    activeSheet: 'B',
  });
  await run(model, async (context) => {
    context.workbook.worksheets.getItem('B').getRange('A2').conditionalFormats.add('Custom').custom.rule.formula = '=TRUE';
    context.workbook.worksheets.getItem('B').visibility = 'Hidden';
    await context.sync();
  });
  expect(model.snapshot()).toMatchObject({ activeSheet: 'A', sheets: [{ visibility: 'Visible' }, { visibility: 'Hidden' }] });
  expect(await code(run(model, async (context) => {
    context.workbook.worksheets.getItem('A').visibility = 'Hidden';
    await context.sync();
  }))).toBe('InvalidOperation');
  expect(await code(run(model, async (context) => {
    context.workbook.worksheets.getItem('A').delete();
    await context.sync();
  }))).toBe('InvalidOperation');
  await run(model, async (context) => {
    context.workbook.worksheets.getItem('B').delete();
    await context.sync();
  });
  const snapshot = model.snapshot();
  expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(['A']);
  expect(snapshot.tables).toEqual([]);
  expect(snapshot.conditionalFormats).toEqual([]);
  expect(snapshot.names).toEqual([{ name: 'There', formula: '=#REF!$A$1', visible: true }]);
});

test('a custom rule: customOrNullObject is null for other rules, delete takes one rule away', async () => {
  const model = createWorkbookModel({ sheets: [{ name: 'S', cells: { A1: 'x' } }] });
  const found = await run(model, async (context) => {
    const range = context.workbook.worksheets.getItem('S').getRange('A1');
    range.conditionalFormats.add('CellValue').cellValue.rule = { formula1: '="x"', operator: 'EqualTo' };
    range.conditionalFormats.add('Custom').custom.rule.formula = 'N("tag")=0';
    const formats = range.conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
    await context.sync();
    const custom = formats.items.find((format) => !format.customOrNullObject.isNullObject)!;
    custom.delete();
    await context.sync();
    return formats.items.map((format) => (format.customOrNullObject.isNullObject ? format.type : format.customOrNullObject.rule.formula));
  });
  expect(found).toEqual(['CellValue', '=N("tag")=0']);
  expect(model.snapshot().conditionalFormats.map((format) => format.type)).toEqual(['CellValue']);
});
