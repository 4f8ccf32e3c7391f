import { Badge, makeStyles, type BadgeProps } from '@fluentui/react-components';
import type { Severity, Status } from '../../core';

const useStyles = makeStyles({
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

const STATUS_COLOURS: Record<Status, BadgeProps['color']> = {
  Achieved: 'success',
  'On track': 'brand',
  'At risk': 'warning',
  'Off track': 'danger',
  'No data': 'subtle',
};

/** A node's status in words and colour (never colour alone). */
export function StatusBadge({ status, size = 'medium' }: { status: Status; size?: BadgeProps['size'] }) {
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance={status === 'Achieved' ? 'filled' : 'tint'} color={STATUS_COLOURS[status]} size={size} shape="rounded">
      {status}
    </Badge>
  );
}

const SEVERITY_COLOURS: Record<Severity, BadgeProps['color']> = { error: 'danger', warning: 'warning', info: 'informative' };

export function SeverityBadge({ severity, count }: { severity: Severity; count: number }) {
  return (
    <Badge appearance="tint" color={SEVERITY_COLOURS[severity]} shape="rounded">
      {count}
    </Badge>
  );
}
