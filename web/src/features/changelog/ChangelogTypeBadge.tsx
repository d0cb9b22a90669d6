import type { ChangelogType } from '../../api/changelog.ts';
import { Badge } from '../../ui/Badge.tsx';

export const changelogTypeLabels: Record<ChangelogType, string> = { new: 'New', improved: 'Improved', fixed: 'Fixed' };
const colors: Record<ChangelogType, string> = { new: 'var(--accent)', improved: 'var(--success)', fixed: 'var(--warning)' };

export function ChangelogTypeBadge({ type }: { type: ChangelogType }) {
  return (
    <Badge color={colors[type]} testId="changelog-type-badge">
      {changelogTypeLabels[type]}
    </Badge>
  );
}
