import type { ChangelogState } from '../../api/changelog.ts';
import { Badge } from '../../ui/Badge.tsx';

const labels: Record<ChangelogState, string> = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' };
const colors: Record<ChangelogState, string | null> = { draft: null, scheduled: 'var(--warning)', published: 'var(--success)' };

export function ChangelogStateBadge({ state }: { state: ChangelogState }) {
  return (
    <Badge color={colors[state]} hasDot testId="changelog-state">
      {labels[state]}
    </Badge>
  );
}
