/**
 * The pane's actions: the four on the cascade, then the managers' round trip (a new team sheet, importing
 * team workbooks; these open a dialog). While one runs, every button is inert (a second click does nothing).
 */

import { makeStyles, Spinner, Toolbar, ToolbarButton, Tooltip, tokens } from '@fluentui/react-components';
import {
  ArrowImportRegular, CheckmarkCircleRegular, DocumentAddRegular, TableAddRegular, TableDeleteColumnRegular, TableInsertColumnRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Feature } from '../../excel/types';
import type { LongAction } from '../session/session';

const useStyles = makeStyles({
  // Two columns: the pane is narrow (320 px and up), and six buttons do not fit on one line.
  toolbar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalXS,
    paddingInline: 0,
  },
  button: { justifyContent: 'flex-start' },
});

export interface ActionBarProps {
  busy: LongAction | null;
  features: { check: Feature; write: Feature; remove: Feature; insertSample: Feature; teamSheet: Feature; importSheets: Feature };
  onCheck(): void;
  onWrite(): void;
  onRemove(): void;
  onInsertSample(): void;
  onNewTeamSheet(): void;
  onImport(): void;
}

export function ActionBar({ busy, features, onCheck, onWrite, onRemove, onInsertSample, onNewTeamSheet, onImport }: ActionBarProps) {
  const styles = useStyles();
  const button = (action: LongAction, label: string, icon: ReactElement, feature: Feature, onClick: () => void, primary = false) => {
    const control = (
      <ToolbarButton
        className={styles.button}
        appearance={primary ? 'primary' : undefined}
        icon={busy === action ? <Spinner size="tiny" aria-hidden /> : icon}
        disabledFocusable={busy !== null || !feature.available}
        aria-busy={busy === action || undefined}
        onClick={onClick}
      >
        {label}
      </ToolbarButton>
    );
    return feature.available ? control : (
      <Tooltip content={feature.reason ?? `${label} is not available in this version of Excel.`} relationship="description">
        {control}
      </Tooltip>
    );
  };
  return (
    <Toolbar aria-label="Actions" className={styles.toolbar} size="small">
      {button('check', 'Check', <CheckmarkCircleRegular />, features.check, onCheck, true)}
      {button('write', 'Write results', <TableInsertColumnRegular />, features.write, onWrite)}
      {button('remove', 'Remove results', <TableDeleteColumnRegular />, features.remove, onRemove)}
      {button('sample', 'Insert sample scorecard', <DocumentAddRegular />, features.insertSample, onInsertSample)}
      {button('team-sheet', 'New team sheet', <TableAddRegular />, features.teamSheet, onNewTeamSheet)}
      {button('import', 'Import team workbooks', <ArrowImportRegular />, features.importSheets, onImport)}
    </Toolbar>
  );
}
