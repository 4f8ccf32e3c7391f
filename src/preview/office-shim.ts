/**
 * The little of office.js the pane reads outside the adapter, for the browser preview (which must
 * not load office.js: it would fetch Microsoft's CDN). Excel itself is the in-memory model, reached
 * through the adapter's OfficeHost.
 */

import type { OfficeHost } from '../excel/types';

/** Office's own colours for its light and dark themes, as `Office.context.officeTheme` reports them. */
const THEMES = {
  light: { isDarkTheme: false, bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000' },
  dark: { isDarkTheme: true, bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#292929', controlForegroundColor: '#FFFFFF' },
};

export function installOfficeShim(host: OfficeHost, theme: 'light' | 'dark'): void {
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const shim = {
    onReady: (callback?: (info: unknown) => void) => Promise.resolve(info).then((ready) => (callback?.(ready), ready)),
    context: {
      requirements: { isSetSupported: (name: string, minVersion?: string) => host.isSetSupported(name, minVersion) },
      officeTheme: THEMES[theme],
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
  };
  (globalThis as unknown as { Office: unknown }).Office = shim;
}
