/**
 * Owners: choose a person and see the KPIs they answer for, each with its status, score and
 * contribution, and for those behind the actual that would bring the parent back to target.
 * Choosing a KPI selects its cell. The owner report writes the same view into the workbook.
 */

import {
  Button, Field, makeStyles, Radio, RadioGroup, Select, Spinner, Subtitle2, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, Tooltip, tokens,
} from '@fluentui/react-components';
import { DocumentTableRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { CascadeReport, OwnerKpi, OwnerSummary, SourceTable } from '../../core';
import type { Feature, OwnerReportLayout } from '../../excel/types';
import { amount, percent, percentLabel, plural } from '../format';
import { ownersOf, requiredOf, withRequired } from '../owners';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  report: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3 },
  kpiCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  kpiButton: { minWidth: 0, padding: 0, justifyContent: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightRegular },
  kpiColumn: { width: '48%' },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
});

export interface OwnersPanelProps {
  report: CascadeReport;
  tables: readonly SourceTable[];
  busy: boolean;
  writing: boolean;
  reportFeature: Feature;
  onSelect(kpi: OwnerKpi): void;
  onWriteReport(layout: OwnerReportLayout): void;
}

export function OwnersPanel({ report, tables, busy, writing, reportFeature, onSelect, onWriteReport }: OwnersPanelProps) {
  const styles = useStyles();
  const owners = useMemo(() => ownersOf(report), [report]);
  const required = useMemo(() => requiredOf(report, tables), [report, tables]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [layout, setLayout] = useState<OwnerReportLayout>('sheet-per-owner');
  const listed = owners.find((owner) => owner.owner === chosen) ?? owners[0];
  // Only the owner on screen gets the required-actual search: on a big cascade everyone's takes seconds.
  const current = useMemo(() => (listed ? withRequired(listed, required) : undefined), [listed, required]);

  if (owners.length === 0) return <Text>No KPIs to show: the cascade has no KPIs yet.</Text>;
  const label = (owner: OwnerSummary) => `${owner.owner} (${plural(owner.kpis.length, 'KPI')}, ${owner.behind} behind)`;

  const reportButton = (
    <Button
      appearance="primary"
      icon={writing ? <Spinner size="tiny" aria-hidden /> : <DocumentTableRegular />}
      disabledFocusable={busy || !reportFeature.available}
      aria-busy={writing || undefined}
      onClick={() => onWriteReport(layout)}
    >
      Owner report
    </Button>
  );

  return (
    <div className={styles.root}>
      <Field label="Owner">
        <Select value={current?.owner ?? ''} onChange={(_, data) => setChosen(data.value)}>
          {owners.map((owner) => (
            <option key={owner.owner} value={owner.owner}>{label(owner)}</option>
          ))}
        </Select>
      </Field>
      {current && <OwnerKpis owner={current} onSelect={onSelect} />}

      <section className={styles.report} aria-label="Owner report">
        <Subtitle2 as="h2" className={styles.heading}>Owner report</Subtitle2>
        <RadioGroup value={layout} onChange={(_, data) => setLayout(data.value as OwnerReportLayout)} aria-label="Owner report layout">
          <Radio value="sheet-per-owner" label="One sheet per owner" />
          <Radio value="one-sheet" label="One sheet, grouped by owner" />
        </RadioGroup>
        <Text size={200} className={styles.note}>Writes the report into this workbook, replacing an earlier owner report of KPI Align.</Text>
        <div>
          {reportFeature.available ? reportButton : (
            <Tooltip content={reportFeature.reason ?? 'Owner report is not available in this version of Excel.'} relationship="description">
              {reportButton}
            </Tooltip>
          )}
        </div>
      </section>
    </div>
  );
}

function OwnerKpis({ owner, onSelect }: { owner: OwnerSummary; onSelect(kpi: OwnerKpi): void }) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label={`KPIs of ${owner.owner}`} data-owner={owner.owner}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.kpiColumn}>KPI and status</TableHeaderCell>
          <TableHeaderCell>Score</TableHeaderCell>
          <TableHeaderCell>
            <Tooltip content="The KPI's share of the org score." relationship="description"><span>Contrib.</span></Tooltip>
          </TableHeaderCell>
          <TableHeaderCell>
            <Tooltip content="For a KPI behind: the actual that brings its parent back to target (KPI.REQUIRED)." relationship="description">
              <span>Required</span>
            </Tooltip>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {owner.kpis.map((kpi) => (
          <TableRow key={`${kpi.sheet}\u0000${kpi.row}`} data-kpi={kpi.id}>
            <TableCell>
              <div className={styles.kpiCell}>
                <Button
                  appearance="transparent"
                  size="small"
                  className={styles.kpiButton}
                  disabled={kpi.cell === null}
                  onClick={() => onSelect(kpi)}
                  aria-label={`Select ${kpi.cell ?? kpi.sheet}: ${kpi.id}${kpi.name ? ` ${kpi.name}` : ''}`}
                >
                  {kpi.id}{kpi.name ? ` ${kpi.name}` : ''}
                </Button>
                <StatusBadge status={kpi.status} size="small" />
              </div>
            </TableCell>
            <TableCell className={styles.number} aria-label={percentLabel(kpi.score)}>{percent(kpi.score)}</TableCell>
            <TableCell className={styles.number} aria-label={percentLabel(kpi.contribution)}>{percent(kpi.contribution)}</TableCell>
            <TableCell className={styles.number}>
              {kpi.required !== null ? amount(kpi.required) : kpi.requiredNote ? <RequiredNote note={kpi.requiredNote} /> : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RequiredNote({ note }: { note: string }) {
  return (
    <Tooltip content={note} relationship="description">
      <Text tabIndex={0}>n/a</Text>
    </Tooltip>
  );
}
