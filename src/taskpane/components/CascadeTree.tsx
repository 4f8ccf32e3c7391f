/**
 * The cascade as a tree (Fluent FlatTree): objectives, the KPIs below them, and what hangs loose.
 * Choosing an item (click or Enter) selects its row in the workbook; the chevron and the arrow keys
 * open and close branches.
 */

import {
  FlatTree, FlatTreeItem, makeStyles, Text, tokens, TreeItemLayout, treeItemLayoutClassNames,
  useHeadlessFlatTree_unstable, type HeadlessFlatTreeItemProps, type TreeItemValue, type TreeOpenChangeData,
} from '@fluentui/react-components';
import { useId, useMemo, useState, type MouseEvent } from 'react';
import type { CascadeReport, NodeReport, SourceTable } from '../../core';
import { cascadeItems, nodeRowAddress, rootValues, type CascadeItem } from '../cascade-items';
import { percent, percentLabel, plural } from '../format';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  aside: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
  figure: { minWidth: '3.2em', textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  id: { color: tokens.colorNeutralForeground3, marginInlineEnd: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  legend: { color: tokens.colorNeutralForeground3 },
});

type TreeItemProps = HeadlessFlatTreeItemProps & { item: CascadeItem };

export interface CascadeTreeProps {
  report: CascadeReport;
  tables: readonly SourceTable[];
  onSelectRow(sheet: string, address: string): void;
}

export function CascadeTree({ report, tables, onSelectRow }: CascadeTreeProps) {
  const styles = useStyles();
  const legendId = useId();
  const items = useMemo(() => cascadeItems(report), [report]);
  const props = useMemo<TreeItemProps[]>(
    () => items.map((item) => ({ value: item.value, parentValue: item.parentValue, itemType: item.childCount > 0 ? 'branch' : 'leaf', item })),
    [items],
  );
  const [openItems, setOpenItems] = useState<Set<TreeItemValue>>(() => new Set(rootValues(items)));
  const onOpenChange = (_: unknown, data: TreeOpenChangeData) => {
    // A click on the item itself selects its row; only the chevron and the arrow keys open it.
    if (data.type === 'Click' || data.type === 'Enter') return;
    setOpenItems(new Set(data.openItems));
  };
  const tree = useHeadlessFlatTree_unstable(props, { openItems, onOpenChange });

  const select = (event: MouseEvent<HTMLElement>, node: NodeReport | null) => {
    if (!node || (event.target as HTMLElement).closest(`.${treeItemLayoutClassNames.expandIcon}`)) return;
    onSelectRow(node.sheet, nodeRowAddress(node, tables));
  };

  if (items.length === 0) return <Text>No objectives or KPIs were found.</Text>;
  return (
    <>
      <Text size={200} className={styles.legend} id={legendId}>
        Each item shows its score, status and contribution to the org score. Choose one to select its row.
      </Text>
      <FlatTree {...tree.getTreeProps()} aria-label="Cascade" aria-describedby={legendId} size="small">
        {Array.from(tree.items(), (flatItem) => {
          const { item, ...itemProps } = flatItem.getTreeItemProps();
          const node = item.node;
          return (
            <FlatTreeItem
              key={item.value}
              {...itemProps}
              aria-label={node ? nodeLabel(node) : `Not aligned: ${plural(item.childCount, 'item')}`}
              data-node-id={node?.id}
              onClick={(event: MouseEvent<HTMLElement>) => select(event, node)}
            >
              <TreeItemLayout
                aside={
                  node ? (
                    <span className={styles.aside}>
                      <Text className={styles.figure} title="Score">{percent(node.score)}</Text>
                      <StatusBadge status={node.status} size="small" />
                      <Text className={styles.figure} title="Contribution">{percent(node.contribution)}</Text>
                    </span>
                  ) : undefined
                }
              >
                {node ? (
                  <>
                    <span className={styles.id}>{node.id}</span>
                    {node.name ?? ''}
                  </>
                ) : (
                  `Not aligned (${item.childCount})`
                )}
              </TreeItemLayout>
            </FlatTreeItem>
          );
        })}
      </FlatTree>
    </>
  );
}

/** What a screen reader says for a node: who it is and its three numbers. */
export function nodeLabel(node: NodeReport): string {
  const parts = [
    `${node.kind === 'objective' ? 'Objective' : 'KPI'} ${node.id}${node.name ? ` ${node.name}` : ''}`,
    `score ${percentLabel(node.score)}`,
    node.status,
    node.aligned ? `contribution ${percentLabel(node.contribution)}` : 'not aligned',
  ];
  if (node.issues.length > 0) parts.push(`issues: ${node.issues.join(', ')}`);
  return parts.join(', ');
}
