import type { Actor } from '../auth/index.ts';

/** Only people and members have an inbox: they follow posts and receive notifications. */
export function canFollowPosts(actor: Actor): boolean {
  return actor.kind === 'person' || actor.kind === 'member';
}

/** Private boards: followers who are not on the team never hear about them (and never see them listed). */
export function canHearAboutPrivateBoards(recipient: { memberId: string | null }): boolean {
  return recipient.memberId !== null;
}
