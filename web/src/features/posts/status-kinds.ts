import { statusKinds } from '../../api/types.ts';
import type { StatusKind } from '../../api/types.ts';

const labels: Record<StatusKind, string> = {
  open: 'Open',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  declined: 'Declined',
  duplicate: 'Duplicate',
};

export const statusKindOptions = statusKinds.map((kind) => ({ value: kind, label: labels[kind] }));

export function describeStatusKind(kind: StatusKind): string {
  return labels[kind] ?? kind;
}
