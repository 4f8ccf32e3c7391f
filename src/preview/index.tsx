/**
 * The browser preview: the task pane beside a grid of an in-memory Excel workbook holding the
 * example scorecard, for trying the add-in (and testing it end to end) without Excel.
 * `?theme=dark` shows the pane as under Office's dark theme.
 */

import { FluentProvider, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import example from '../../examples/scorecard.json';
import { SETTINGS_NAME, settingsFormula, type SourceTable } from '../core';
import { createKpiAlignWorkbook } from '../excel';
import type { KpiAlignWorkbook } from '../excel/types';
import { App } from '../taskpane/App';
import { officeReady, officeThemeIsDark } from '../taskpane/office';
import { fluentTheme } from '../taskpane/theme';
import { createWorkbookModel, workbookSpecFromTables, type WorkbookModel, type WorkbookSnapshot } from './excel-model';
import { installOfficeShim } from './office-shim';
import { WorkbookGrid } from './WorkbookGrid';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 360px',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  workbook: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 },
  title: { padding: tokens.spacingHorizontalM },
  pane: {
    overflowY: 'auto',
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

function Preview({ model, workbook }: { model: WorkbookModel; workbook: KpiAlignWorkbook }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(officeThemeIsDark())}>
      <div className={styles.layout}>
        <section className={styles.workbook} aria-label="Workbook">
          <Subtitle2 as="h1" className={styles.title}>KPI Align preview: the example scorecard in an in-memory workbook</Subtitle2>
          <WorkbookGrid model={model} />
        </section>
        <aside className={styles.pane} aria-label="KPI Align task pane" data-pane>
          <App workbook={workbook} />
        </aside>
      </div>
    </FluentProvider>
  );
}

// The workbook arrives as if the sample had just been inserted: with its settings, read at its own date.
const spec = workbookSpecFromTables(example.tables as SourceTable[]);
spec.names = [...(spec.names ?? []), { name: SETTINGS_NAME, formula: `=${settingsFormula({ asOf: example.asOf })}`, visible: false }];
// ExcelApi 1.13, as Excel for Microsoft 365 has it: importing team workbooks needs insertWorksheetsFromBase64.
const model = createWorkbookModel(spec, { supportedSets: { ExcelApi: '1.13' } });
installOfficeShim(model.host, new URLSearchParams(window.location.search).get('theme') === 'dark' ? 'dark' : 'light');
// What the grid does not draw (hidden sheets, data validation), as plain data: the end-to-end tests read it here.
(window as { kpiAlignPreview?: { snapshot(): WorkbookSnapshot } }).kpiAlignPreview = { snapshot: () => model.snapshot() };

void officeReady().then(() => {
  createRoot(document.getElementById('preview') as HTMLElement).render(
    <StrictMode>
      <Preview model={model} workbook={createKpiAlignWorkbook(model.host)} />
    </StrictMode>,
  );
});
