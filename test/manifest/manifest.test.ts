/**
 * The add-in's manifest, checked offline the way Office's validator would: element order as the
 * schemas (OfficeAppManifest 1.1, TaskPaneAppVersionOverrides 1.0) demand, every resid resolving to
 * a resource of the right kind, the schemas' length limits, https URLs that exist in the build, and
 * icons of the sizes they claim.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REQUIRED_EXCEL_API } from '../../src/excel/capabilities';
import { pngHeader } from './png';
import { child, descendants, parseXml, sequenceProblem, type Element } from './xml-tree';

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const manifest = parseXml(xml);
const overrides = child(manifest, 'VersionOverrides');
const resources = child(overrides, 'Resources');
const all = descendants(manifest);

// Sequences from the schemas; "How to find the proper order of manifest elements" (Microsoft Learn) lists the same.
const OFFICE_APP = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
];
const SEQUENCES: Record<string, { sequence: string[]; required?: string[] }> = {
  VersionOverrides: { sequence: ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides', 'WebApplicationInfo', 'EquivalentAddins'], required: ['Hosts', 'Resources'] },
  Host: { sequence: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'] },
  DesktopFormFactor: { sequence: ['GetStarted', 'FunctionFile', 'ExtensionPoint'], required: ['ExtensionPoint'] },
  GetStarted: { sequence: ['Title', 'Description', 'LearnMoreUrl'], required: ['Title', 'Description'] },
  ExtensionPoint: { sequence: ['OfficeTab', 'CustomTab', 'OfficeMenu'] },
  OfficeTab: { sequence: ['Group'], required: ['Group'] },
  Group: { sequence: ['Label', 'Icon', 'Control'], required: ['Label', 'Icon'] },
  Control: { sequence: ['Label', 'Supertip', 'Icon', 'Action', 'Enabled'], required: ['Label', 'Supertip', 'Icon', 'Action'] },
  Supertip: { sequence: ['Title', 'Description'], required: ['Title', 'Description'] },
  Action: { sequence: ['TaskpaneId', 'SourceLocation', 'Title'], required: ['SourceLocation'] },
  Resources: { sequence: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'] },
  Icon: { sequence: ['bt:Image'] },
  Requirements: { sequence: ['Sets', 'Methods', 'bt:Sets'] },
  DefaultSettings: { sequence: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'], required: ['SourceLocation'] },
  Script: { sequence: ['SourceLocation'], required: ['SourceLocation'] },
  Page: { sequence: ['SourceLocation'], required: ['SourceLocation'] },
  Metadata: { sequence: ['SourceLocation'], required: ['SourceLocation'] },
};
/** The custom functions' extension point has a sequence of its own (TaskPaneAppVersionOverrides 1.0, CustomFunctions). */
const CUSTOM_FUNCTIONS_POINT = { sequence: ['Script', 'Page', 'Metadata', 'Namespace'], required: ['Script', 'Page', 'Metadata', 'Namespace'] };
const isCustomFunctionsPoint = (element: Element) => element.name === 'ExtensionPoint' && element.attributes['xsi:type'] === 'CustomFunctions';

/** Where each kind of reference must point. */
const RESOURCE_KIND: Record<string, string> = {
  'bt:Image': 'bt:Images',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
  SourceLocation: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  Namespace: 'bt:ShortStrings',
};

function resourcesOf(kind: string): Element[] {
  return resources.children.find((element) => element.name === kind)?.children ?? [];
}

const referencing = all.filter((element) => element.attributes.resid !== undefined);

describe('manifest.xml', () => {
  test('office-addin-manifest reads it as an Excel task pane add-in', () => {
    // Its command line, as `npm run validate` runs it (its module cannot load under Jest: an ES-module dependency).
    const cli = require.resolve('office-addin-manifest/cli.js');
    const run = spawnSync(process.execPath, [cli, 'info', 'manifest.xml'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}Type: TaskPaneApp$/m);
    expect(run.stdout).toMatch(/^ {2}Hosts: Workbook$/m);
    expect(run.stdout).toMatch(/^ {2}Permissions: ReadWriteDocument$/m);
    expect(run.stdout).toMatch(/^ {2}Name: KPI Align$/m);
    expect(run.stdout).toMatch(/^ {4}Source Location: https:\/\/localhost:3000\/taskpane\.html$/m);
  });

  test('is a TaskPaneApp in the schemas\' namespaces', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(manifest.attributes['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
    expect(overrides.attributes.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(overrides.attributes['xsi:type']).toBe('VersionOverridesV1_0');
  });

  test('elements come in the order the schemas demand', () => {
    expect(sequenceProblem(manifest, OFFICE_APP, ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'])).toBeNull();
    const checked = new Set<string>();
    for (const element of all) {
      const rule = isCustomFunctionsPoint(element) ? CUSTOM_FUNCTIONS_POINT : SEQUENCES[element.name];
      if (!rule) continue;
      checked.add(element.name);
      expect(sequenceProblem(element, rule.sequence, rule.required)).toBeNull();
    }
    expect([...checked].sort()).toEqual(Object.keys(SEQUENCES).sort());
  });

  test('the order check catches an element out of place', () => {
    const swapped = parseXml(xml.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, '$2$1'));
    expect(sequenceProblem(swapped, OFFICE_APP)).toBe('<Version> comes after <ProviderName> in <OfficeApp>; the schema wants it before');
  });

  test('identity: a GUID, a four-part version, en-US, Excel, read and write', () => {
    expect(child(manifest, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, 'Version').text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(manifest, 'DefaultLocale').text).toBe('en-US');
    expect(child(child(manifest, 'Hosts'), 'Host').attributes.Name).toBe('Workbook');
    expect(child(manifest, 'Permissions').text).toBe('ReadWriteDocument');
    const host = child(child(overrides, 'Hosts'), 'Host');
    expect(host.attributes['xsi:type']).toBe('Workbook');
  });

  test('declares the ExcelApi version reading the cascade needs; newer features are checked at run time', () => {
    const sets = child(child(manifest, 'Requirements'), 'Sets');
    const excel = sets.children.find((set) => set.attributes.Name === 'ExcelApi');
    // Checking is what the add-in is for: an Excel that cannot read the tables should not offer it.
    expect(excel?.attributes.MinVersion).toBe(REQUIRED_EXCEL_API.read);
  });

  test('a "KPI Align" button on the Home tab opens the task pane', () => {
    const tab = all.find((element) => element.name === 'OfficeTab');
    expect(tab?.attributes.id).toBe('TabHome');
    const control = child(child(tab as Element, 'Group'), 'Control');
    expect(control.attributes['xsi:type']).toBe('Button');
    const action = child(control, 'Action');
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    const label = resourcesOf('bt:ShortStrings').find((string) => string.attributes.id === child(control, 'Label').attributes.resid);
    expect(label?.attributes.DefaultValue).toBe('KPI Align');
    const url = resourcesOf('bt:Urls').find((entry) => entry.attributes.id === child(action, 'SourceLocation').attributes.resid);
    expect(url?.attributes.DefaultValue).toBe(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue);
  });

  test('the custom functions: script, page and metadata from the build, in the KPI namespace, before the ribbon', () => {
    const points = all.filter(isCustomFunctionsPoint);
    expect(points).toHaveLength(1);
    const url = (name: string) => {
      const resid = child(child(points[0], name), 'SourceLocation').attributes.resid;
      return resourcesOf('bt:Urls').find((entry) => entry.attributes.id === resid)?.attributes.DefaultValue;
    };
    expect([url('Script'), url('Page'), url('Metadata')]).toEqual([
      'https://localhost:3000/functions.js', 'https://localhost:3000/functions.html', 'https://localhost:3000/functions.json',
    ]);
    const namespace = resourcesOf('bt:ShortStrings').find((string) => string.attributes.id === child(points[0], 'Namespace').attributes.resid);
    expect(namespace?.attributes.DefaultValue).toBe('KPI');
    // The JavaScript-only runtime (docs/architecture.md): no shared runtime is declared.
    expect(all.some((element) => element.name === 'Runtimes')).toBe(false);
  });

  test('every resid resolves to a resource of the right kind, and every resource is used', () => {
    expect(referencing.length).toBeGreaterThan(0);
    for (const element of referencing) {
      const kind = RESOURCE_KIND[element.name];
      expect([element.name, kind]).toEqual([element.name, expect.any(String)]);
      const ids = resourcesOf(kind).map((resource) => resource.attributes.id);
      expect({ resid: element.attributes.resid, in: kind, found: ids.includes(element.attributes.resid) }).toEqual({
        resid: element.attributes.resid, in: kind, found: true,
      });
    }
    const used = new Set(referencing.map((element) => element.attributes.resid));
    for (const resource of resources.children.flatMap((group) => group.children)) expect([resource.attributes.id, used.has(resource.attributes.id)]).toEqual([resource.attributes.id, true]);
  });

  test('resource ids are unique and at most 32 characters; control ids unique and at most 125', () => {
    const ids = resources.children.flatMap((group) => group.children.map((resource) => resource.attributes.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...ids, ...referencing.map((element) => element.attributes.resid)]) expect(id.length).toBeLessThanOrEqual(32);
    const controlIds = all.filter((element) => ['Group', 'Control', 'CustomTab'].includes(element.name)).map((element) => element.attributes.id);
    expect(new Set(controlIds).size).toBe(controlIds.length);
    for (const id of controlIds) expect(id.length).toBeLessThanOrEqual(125);
  });

  test('strings keep to the schemas\' limits: short 125, long 250', () => {
    for (const string of resourcesOf('bt:ShortStrings')) expect(string.attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const string of resourcesOf('bt:LongStrings')) expect(string.attributes.DefaultValue.length).toBeLessThanOrEqual(250);
    expect(child(manifest, 'DisplayName').attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(manifest, 'ProviderName').text.length).toBeLessThanOrEqual(125);
    expect(child(manifest, 'Description').attributes.DefaultValue.length).toBeLessThanOrEqual(250);
    for (const string of [...resourcesOf('bt:ShortStrings'), ...resourcesOf('bt:LongStrings')]) expect(string.attributes.DefaultValue.trim()).not.toBe('');
  });

  test('every URL is https on the development server and names a page or icon the build produces', () => {
    const urls = all.flatMap((element) => (element.attributes.DefaultValue?.startsWith('http') ? [element.attributes.DefaultValue] : []));
    const appDomains = child(manifest, 'AppDomains').children.map((domain) => domain.text);
    expect(appDomains).toEqual(['https://localhost:3000']);
    expect(urls.length).toBeGreaterThan(5);
    const pages = new Set(['taskpane.html', 'support.html', 'functions.js', 'functions.html', 'functions.json']);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\/localhost:3000\//);
      const path = url.slice('https://localhost:3000/'.length);
      if (path.startsWith('assets/')) expect([path, existsSync(join(root, path))]).toEqual([path, true]);
      else expect([path, pages.has(path)]).toEqual([path, true]);
    }
  });

  test('icons are PNGs of the sizes they are declared at, with transparency', () => {
    const declared: [string, number][] = [
      [child(manifest, 'IconUrl').attributes.DefaultValue, 32],
      [child(manifest, 'HighResolutionIconUrl').attributes.DefaultValue, 64],
    ];
    for (const image of all.filter((element) => element.name === 'bt:Image' && element.attributes.size)) {
      const url = resourcesOf('bt:Images').find((resource) => resource.attributes.id === image.attributes.resid)?.attributes.DefaultValue as string;
      declared.push([url, Number(image.attributes.size)]);
    }
    for (const [url, size] of declared) {
      const header = pngHeader(join(root, url.replace('https://localhost:3000/', '')));
      expect([url, header.width, header.height]).toEqual([url, size, size]);
    }
    for (const size of [16, 32, 64, 80, 128]) {
      const header = pngHeader(join(root, 'assets', `icon-${size}.png`));
      expect(header).toEqual({ width: size, height: size, colourType: 6 });
    }
  });
});
