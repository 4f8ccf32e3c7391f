/** Which Fluent theme follows the Office theme. Pure, so that it is tested without Office. */

import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The parts of `Office.context.officeTheme` we read; absent where the host gives no theme (some browsers). */
export interface OfficeThemeColors {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/**
 * Dark when Office says so, else when the pane's background is dark (hosts that predate
 * `isDarkTheme` give only colours), else when there is no Office theme and the browser prefers dark.
 */
export function isDarkOfficeTheme(theme: OfficeThemeColors | undefined, browserPrefersDark = false): boolean {
  if (theme?.isDarkTheme !== undefined) return theme.isDarkTheme;
  const luminance = theme?.bodyBackgroundColor ? relativeLuminance(theme.bodyBackgroundColor) : null;
  if (luminance !== null) return luminance < 0.5;
  return browserPrefersDark;
}

export function fluentTheme(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}

/** "#1F1F1F" → 0.0137; null when the text is not a hex colour. */
function relativeLuminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}
