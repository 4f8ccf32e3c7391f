/** The manifest as `npm run build` rewrites it for the host named by ADDIN_URL. */

import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { child, descendants, parseXml } from './xml-tree';

// webpack.config.js is CommonJS and exports its helpers beside the config function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as {
  rewriteManifest(xml: string, baseUrl: string): string;
  productionUrl(value?: string): string;
};

const xml = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');

describe('the production manifest', () => {
  test('every localhost URL moves to the production URL, and AppDomains to its origin', () => {
    const rewritten = config.rewriteManifest(xml, 'https://addins.contoso.com/kpi-align/');
    expect(rewritten).not.toContain('localhost');
    const manifest = parseXml(rewritten);
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe('https://addins.contoso.com/kpi-align/taskpane.html');
    expect(child(manifest, 'AppDomains').children.map((domain) => domain.text)).toEqual(['https://addins.contoso.com']);
    const urls = descendants(manifest).flatMap((element) => (element.attributes.DefaultValue?.startsWith('https://') ? [element.attributes.DefaultValue] : []));
    for (const url of urls) expect(url.startsWith('https://addins.contoso.com/kpi-align/')).toBe(true);
  });

  test('ADDIN_URL must be an https URL; a missing final slash is added', () => {
    expect(config.productionUrl('https://kpi.example.org')).toBe('https://kpi.example.org/');
    expect(config.productionUrl('https://kpi.example.org/app')).toBe('https://kpi.example.org/app/');
    expect(() => config.productionUrl('http://kpi.example.org/')).toThrow(/must use https/);
    expect(() => config.productionUrl('kpi')).toThrow(/is not a URL/);
  });
});
