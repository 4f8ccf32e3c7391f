/**
 * A plain grid of the model workbook's active sheet, beside the pane, so that what the pane does
 * (selection, written columns, formats, conditional colours) can be seen. Every cell carries its
 * reference as Excel writes it (`data-address="'Team Sales'!J9"`). Double-click a cell to type into
 * it, as a person would in Excel: the pane re-checks by itself.
 */

import { makeStyles, mergeClasses, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { WorkbookModel, WorkbookSnapshot } from './excel-model';
import { gridLayout, type GridCell } from './grid-layout';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, height: '100%' },
  scroller: { overflow: 'auto', flexGrow: 1, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3 },
  columnHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    minWidth: '72px',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    paddingInline: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'end',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    maxWidth: '220px',
    height: '22px',
    paddingInline: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'cell',
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  inTable: { backgroundColor: tokens.colorNeutralBackground1Hover },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  editor: { width: '100%', boxSizing: 'border-box', font: 'inherit' },
  note: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

export interface WorkbookGridProps {
  model: WorkbookModel;
}

interface SnapshotStore {
  subscribe(onChange: () => void): () => void;
  snapshot(): WorkbookSnapshot;
}

const stores = new WeakMap<WorkbookModel, SnapshotStore>();

/**
 * The model as plain data for useSyncExternalStore: a snapshot is taken once per change of the model
 * (React asks for it on every render and needs the same object until something changes). One store
 * per model, kept outside React so that render never mutates it.
 */
function snapshotStore(model: WorkbookModel): SnapshotStore {
  let store = stores.get(model);
  if (!store) {
    let current = model.snapshot();
    store = {
      subscribe(onChange) {
        // The model may have changed between the first snapshot and this subscription.
        current = model.snapshot();
        return model.subscribe(() => {
          current = model.snapshot();
          onChange();
        });
      },
      snapshot: () => current,
    };
    stores.set(model, store);
  }
  return store;
}

export function WorkbookGrid({ model }: WorkbookGridProps) {
  const styles = useStyles();
  const store = snapshotStore(model);
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  const [editing, setEditing] = useState<GridCell | null>(null);

  const sheet = snapshot.activeSheet;
  const layout = gridLayout(snapshot, sheet);

  // The grid changes the workbook the way a person does in Excel: through the same API the add-in uses.
  const activate = (name: string) =>
    void model.host.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  const select = (cell: GridCell) =>
    void model.host.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(cell.cell).select();
      await context.sync();
    });

  return (
    <div className={styles.root}>
      <TabList selectedValue={sheet} onTabSelect={(_, data) => activate(String(data.value))} aria-label="Sheets" size="small">
        {/* Hidden sheets (the dropdowns' lists) have no tab, as in Excel. */}
        {snapshot.sheets.filter((entry) => entry.visibility === 'Visible').map((entry) => (
          <Tab key={entry.name} value={entry.name} data-sheet={entry.name}>
            {entry.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller}>
        <table className={styles.table} aria-label={`Sheet ${sheet}`} data-sheet={sheet}>
          <thead>
            <tr>
              <th className={styles.corner} aria-hidden />
              {layout.columns.map((letters) => (
                <th key={letters} scope="col" className={styles.columnHeader}>{letters}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.rows.map(({ row, cells }) => (
              <tr key={row}>
                <th scope="row" className={styles.rowHeader}>{row}</th>
                {cells.map((cell) => (
                  <td
                    key={cell.cell}
                    data-address={cell.address}
                    data-value={cell.value === null ? undefined : String(cell.value)}
                    aria-selected={cell.selected || undefined}
                    className={mergeClasses(
                      styles.cell,
                      cell.numeric && styles.number,
                      cell.inTable && styles.inTable,
                      cell.header && styles.header,
                      cell.selected && styles.selected,
                    )}
                    // Conditional-format colours are the workbook's own data, not the preview's styling.
                    style={cell.fill || cell.font ? { backgroundColor: cell.fill, color: cell.font } : undefined}
                    title={cell.text || undefined}
                    onClick={() => select(cell)}
                    onDoubleClick={() => setEditing(cell)}
                  >
                    {editing?.address === cell.address ? (
                      <CellEditor
                        className={styles.editor}
                        initial={cell.text}
                        label={`Edit ${cell.address}`}
                        onDone={(value) => {
                          setEditing(null);
                          if (value !== null) void model.editCell(sheet, cell.cell, value === '' ? null : value);
                        }}
                      />
                    ) : (
                      cell.text
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {layout.truncated && <Text className={styles.note}>The preview shows the first rows and columns only.</Text>}
      </div>
    </div>
  );
}

/** Enter keeps what was typed, Escape leaves the cell as it was (`null`). */
function CellEditor({ initial, label, className, onDone }: { initial: string; label: string; className: string; onDone(value: string | null): void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') onDone(event.currentTarget.value);
    if (event.key === 'Escape') onDone(null);
  };
  return <input ref={input} className={className} defaultValue={initial} aria-label={label} onKeyDown={onKeyDown} onBlur={() => onDone(null)} />;
}
