/** The workbook at a glance: org score, alignment coverage, status counts, perspectives and the tables read. */

import {
  createTableColumn, DataGrid, DataGridBody, DataGridCell, DataGridHeader, DataGridHeaderCell, DataGridRow, Field,
  makeStyles, ProgressBar, Subtitle2, Text, tokens, type TableColumnDefinition,
} from '@fluentui/react-components';
import { useId } from 'react';
import { STATUSES, type CascadeReport, type TableReport } from '../../core';
import { count, percent, plural } from '../format';
import { SeverityBadge, StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalM },
  figure: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  figureValue: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  listItem: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  perspective: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export function SummaryPanel({ report }: { report: CascadeReport }) {
  const styles = useStyles();
  const id = useId();
  const { summary, settings } = report;
  const perspectives = Object.entries(summary.byPerspective);
  return (
    <div className={styles.root}>
      <div className={styles.figures}>
        <Figure label="Org score" value={percent(summary.orgScore)} detail={`as of ${report.asOf}`} />
        <Figure
          label="Alignment coverage"
          value={percent(summary.coverage)}
          detail={`${count(summary.aligned)} of ${plural(summary.kpis, 'KPI')} aligned`}
        />
      </div>

      <section className={styles.section} aria-labelledby={`${id}-status`}>
        <Subtitle2 as="h2" id={`${id}-status`}>Status</Subtitle2>
        <ul className={styles.list}>
          {STATUSES.map((status) => (
            <li key={status} className={styles.listItem}>
              <StatusBadge status={status} />
              <Text>{count(summary.status[status])}</Text>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby={`${id}-issues`}>
        <Subtitle2 as="h2" id={`${id}-issues`}>Issues</Subtitle2>
        <ul className={styles.list}>
          <li className={styles.listItem}><SeverityBadge severity="error" count={summary.errors} /><Text>{summary.errors === 1 ? 'error' : 'errors'}</Text></li>
          <li className={styles.listItem}><SeverityBadge severity="warning" count={summary.warnings} /><Text>{summary.warnings === 1 ? 'warning' : 'warnings'}</Text></li>
          <li className={styles.listItem}><SeverityBadge severity="info" count={summary.infos} /><Text>info</Text></li>
        </ul>
      </section>

      <section className={styles.section} aria-labelledby={`${id}-perspectives`}>
        <Subtitle2 as="h2" id={`${id}-perspectives`}>Perspectives</Subtitle2>
        {perspectives.length === 0 && <Text>No objective names a perspective.</Text>}
        {perspectives.map(([name, score]) => (
          <Field key={name} label={`${name}: ${percent(score)}`} className={styles.perspective}>
            <ProgressBar
              value={score === null ? 0 : Math.min(score, settings.scoreCap)}
              max={settings.scoreCap}
              thickness="large"
              color={score === null ? undefined : score >= 1 ? 'success' : 'brand'}
              aria-valuetext={score === null ? 'no data' : percent(score)}
            />
          </Field>
        ))}
      </section>

      <section className={styles.section} aria-labelledby={`${id}-tables`}>
        <Subtitle2 as="h2" id={`${id}-tables`}>Tables read</Subtitle2>
        <TablesGrid tables={report.tables} />
      </section>
    </div>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  const styles = useStyles();
  return (
    <div className={styles.figure} role="group" aria-label={`${label}: ${value}, ${detail}`}>
      <Text weight="semibold">{label}</Text>
      <Text className={styles.figureValue}>{value}</Text>
      <Text size={200}>{detail}</Text>
    </div>
  );
}

const ROLE_NAMES: Record<TableReport['role'], string> = { objectives: 'Objectives', kpis: 'KPIs', mixed: 'Objectives and KPIs', skipped: 'Skipped' };

const TABLE_COLUMNS: TableColumnDefinition<TableReport>[] = [
  createTableColumn<TableReport>({ columnId: 'sheet', renderHeaderCell: () => 'Sheet', renderCell: (table) => table.sheet }),
  createTableColumn<TableReport>({ columnId: 'table', renderHeaderCell: () => 'Table', renderCell: (table) => table.table ?? '(sheet)' }),
  createTableColumn<TableReport>({ columnId: 'rows', renderHeaderCell: () => 'Rows', renderCell: (table) => count(table.rows) }),
  createTableColumn<TableReport>({ columnId: 'role', renderHeaderCell: () => 'Role', renderCell: (table) => ROLE_NAMES[table.role] }),
];

function TablesGrid({ tables }: { tables: TableReport[] }) {
  return (
    <DataGrid items={tables} columns={TABLE_COLUMNS} size="small" aria-label="Tables read" getRowId={(table: TableReport) => `${table.sheet}\u0000${table.table ?? ''}`}>
      <DataGridHeader>
        <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
      </DataGridHeader>
      <DataGridBody<TableReport>>
        {({ item, rowId }) => (
          <DataGridRow<TableReport> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
