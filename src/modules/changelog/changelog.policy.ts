// Who may see and change changelog entries. Drafts and scheduled entries are the team's work in
// progress: nobody else may learn they exist.
import { canWrite, isTeam, type Actor } from '../auth/index.ts';
import type { ChangelogState } from '../../db/schema.ts';

export function canViewEntry(actor: Actor, entry: { workspace_id: string; state: ChangelogState }): boolean {
  if (entry.workspace_id !== actor.workspaceId) return false;
  return entry.state === 'published' || isTeam(actor);
}

/** Write, schedule, publish, unpublish and delete: members and write/admin API keys. */
export function canManageChangelog(actor: Actor): boolean {
  return canWrite(actor);
}
