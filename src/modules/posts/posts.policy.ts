// Who may do what with a post. Pure functions of the actor and the post; the `can` flags sent to
// the UI come from here too, so the client never re-implements a rule.
import { canWrite, isTeam, type Actor } from '../auth/index.ts';

export type PostAccess = {
  workspace_id: string;
  board_visibility: 'public' | 'private';
  deleted_at: Date | null;
  /** Set on a merged post: a read-only stub of the post it was merged into. */
  merged_into_id?: string | null;
};

export type PostPermissions = {
  edit: boolean;
  delete: boolean;
  changeStatus: boolean;
  vote: boolean;
  comment: boolean;
  comment_internal: boolean;
  merge: boolean;
  unmerge: boolean;
};

/** Private boards and deleted posts exist only for the team; other workspaces see nothing at all. */
export function canViewPost(actor: Actor, post: PostAccess): boolean {
  if (post.workspace_id !== actor.workspaceId) return false;
  if (post.board_visibility === 'private' && !isTeam(actor)) return false;
  return post.deleted_at === null || isTeam(actor);
}

/** Triage: edit, move, tag, change status, delete and restore. Members and write/admin API keys. */
export function canTriagePosts(actor: Actor): boolean {
  return canWrite(actor);
}

/** Posting, voting or commenting for a customer named by email. */
export function canActOnBehalf(actor: Actor): boolean {
  return canWrite(actor);
}

/** End users take part as themselves; anonymous visitors only when the workspace allows it. */
export function canParticipate(actor: Actor, allowAnonymous: boolean): boolean {
  if (actor.kind === 'person') return true;
  if (actor.kind === 'anonymous') return allowAnonymous;
  return canWrite(actor);
}

export function canSeeInternalComments(actor: Actor): boolean {
  return isTeam(actor);
}

export function canCommentInternally(actor: Actor): boolean {
  return canWrite(actor);
}

export function postPermissions(actor: Actor, post: PostAccess, allowAnonymous: boolean): PostPermissions {
  const triage = canTriagePosts(actor) && post.workspace_id === actor.workspaceId;
  const live = post.deleted_at === null && canViewPost(actor, post);
  // a merged post is a read-only stub: votes on it go to its target, comments are refused
  const merged = Boolean(post.merged_into_id);
  return {
    edit: triage && !merged,
    delete: triage && !merged,
    changeStatus: triage && !merged,
    vote: live && canParticipate(actor, allowAnonymous),
    comment: live && !merged && canParticipate(actor, allowAnonymous),
    comment_internal: live && !merged && canCommentInternally(actor),
    merge: triage && post.deleted_at === null && !merged,
    unmerge: triage && merged,
  };
}
