import type { VoteRow } from './votes.repo.ts';

export type VoteResult = { voteCount: number; hasVoted: boolean };

export type VoteJson = {
  id: string;
  person: { id: string; name: string; email: string; company: { id: string; name: string } | null };
  importance: number;
  votedBy: { id: string; name: string } | null;
  createdAt: string;
  /** The merged post this voter voted on, when they did not vote on this post itself. */
  viaPostId: string | null;
};

export function presentVote(row: VoteRow): VoteJson {
  return {
    id: row.id,
    // the team sees emails anyway, so a nameless voter is shown by email
    person: { id: row.person_id, name: row.person_name || row.person_email, email: row.person_email, company: row.company_id && row.company_name ? { id: row.company_id, name: row.company_name } : null },
    importance: row.importance,
    votedBy: row.voted_by_member_id && row.member_name ? { id: row.voted_by_member_id, name: row.member_name } : null,
    createdAt: row.created_at.toISOString(),
    viaPostId: row.via_post_id,
  };
}
