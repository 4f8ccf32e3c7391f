/**
 * The task pane's entry: nothing renders until Office is ready; then one FluentProvider, themed like
 * Office, around the App, which gets the Excel adapter as a prop.
 */

import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createKpiAlignWorkbook } from '../excel';
import type { KpiAlignWorkbook } from '../excel/types';
import { App } from './App';
import { officeHost, officeReady, officeThemeIsDark, onThemeChange } from './office';
import { fluentTheme } from './theme';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
});

function Root({ workbook }: { workbook: KpiAlignWorkbook }) {
  const styles = useStyles();
  const [dark, setDark] = useState(officeThemeIsDark);
  useEffect(() => onThemeChange(setDark), []);
  return (
    <FluentProvider theme={fluentTheme(dark)} className={styles.provider}>
      <App workbook={workbook} />
    </FluentProvider>
  );
}

void officeReady().then(() => {
  const container = document.getElementById('container') as HTMLElement;
  createRoot(container).render(
    <StrictMode>
      <Root workbook={createKpiAlignWorkbook(officeHost())} />
    </StrictMode>,
  );
});
