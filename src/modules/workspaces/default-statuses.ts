import type { StatusKind } from '../../db/schema.ts';

/** The statuses every new workspace starts with; teams rename, recolour or add their own. */
export const DEFAULT_STATUSES: Array<{ name: string; slug: string; kind: StatusKind; color: string; isDefault?: boolean }> = [
  { name: 'Open', slug: 'open', kind: 'open', color: '#64748b', isDefault: true },
  { name: 'Under review', slug: 'under-review', kind: 'under_review', color: '#8b5cf6' },
  { name: 'Planned', slug: 'planned', kind: 'planned', color: '#0ea5e9' },
  { name: 'In progress', slug: 'in-progress', kind: 'in_progress', color: '#f59e0b' },
  { name: 'Shipped', slug: 'shipped', kind: 'shipped', color: '#22c55e' },
  { name: 'Declined', slug: 'declined', kind: 'declined', color: '#ef4444' },
];
