import { canWrite, type Actor } from '../auth/index.ts';
import { canSeeInternalComments } from '../posts/index.ts';

type CommentAccess = { internal: boolean; author_person_id: string | null };

export function canSeeComment(actor: Actor, comment: CommentAccess): boolean {
  return !comment.internal || canSeeInternalComments(actor);
}

/** The team moderates every comment; an end user may take back their own. */
export function canDeleteComment(actor: Actor, comment: CommentAccess): boolean {
  if (canWrite(actor)) return true;
  return actor.kind === 'person' && comment.author_person_id === actor.personId;
}
