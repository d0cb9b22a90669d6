import type { StatusRef } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';

export function StatusBadge({ status }: { status: StatusRef }) {
  return (
    <Badge color={status.color} hasDot testId="status-badge" className={`status-badge status-badge--${status.kind}`}>
      {status.name}
    </Badge>
  );
}
