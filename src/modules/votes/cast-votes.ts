import type { Tx } from '../../db/database.ts';
import type { BatchOutcome } from '../../lib/batcher.ts';
import type { Actor } from '../auth/index.ts';
import { findOrCreatePeople, normalizeEmail, type PersonIdentity } from '../people/index.ts';
import {
  adjustVoteCounts, canViewPost, checkVisitor, findPostsAccess, postDeleted, postMerged, postNotFound, readGroupPositions,
  readVoteCounts, recountGroup, takeGroupLocks, workspaceAllowsAnonymous, type ParticipantPlan,
} from '../posts/index.ts';
import { recordEvent, wantsEvent } from '../events/index.ts';
import { addNewVotersToDemand, enqueueDemandRefresh } from '../demand/index.ts';
import { insertNewVotes, updateRepeatedVotes } from './votes.repo.ts';
import { voterRequired } from './votes.errors.ts';
import type { VoteResult } from './votes.present.ts';

/** One vote as the request asked for it; who votes is planned (planParticipant) but not yet looked up. */
export type VoteCommand = { actor: Actor; postId: string; voter: ParticipantPlan; importance: number | undefined };

type Pending = {
  i: number;
  cmd: VoteCommand;
  personId: string;
  memberId: string | null;
  /** The group's root the vote goes on (a merged post redirects to its target). */
  rootId: string;
};

/**
 * Casts a batch of votes in one transaction (the vote writer gathers them; a single vote is a batch
 * of one). The same rules as one vote at a time, item by item:
 * - the post must be live and visible to the voter; a vote on a merged post goes to the group's root,
 *   which must be too;
 * - idempotent: voting twice keeps one vote (a repeat may change its importance or who voted for them);
 * - under the group locks of every root (taken in one global order), vote_count moves by the votes
 *   inserted on a post nothing was merged into, else is recounted over the group's distinct voters;
 * - a new voter on a post nothing was merged into is added to the post's stored demand at once (its
 *   score written with the counter); a new voter in a merge group or a changed importance enqueue a
 *   demand refresh. A new voter follows the post (with the vote's insert); vote events (only when a
 *   webhook wants them) are written in the same transaction.
 * An item whose group changed between the first read and the lock, or that repeats a (post, person)
 * pair of an earlier item, asks to be run again in the next batch.
 */
export async function castVotes(tx: Tx, commands: readonly VoteCommand[]): Promise<Array<BatchOutcome<VoteResult>>> {
  const outcomes: Array<BatchOutcome<VoteResult> | undefined> = commands.map(() => undefined);
  const fail = (i: number, error: unknown) => {
    outcomes[i] = { ok: false, error };
  };

  // 1. the posts, as each voter may see them
  const access = new Map((await findPostsAccess(tx, [...new Set(commands.map((c) => c.postId))])).map((p) => [p.id, p]));
  let live: number[] = [];
  commands.forEach((cmd, i) => {
    const post = access.get(cmd.postId);
    if (!post || !canViewPost(cmd.actor, post)) fail(i, postNotFound());
    else if (post.deleted_at) fail(i, postDeleted());
    else live.push(i);
  });

  // 2. who votes: visitors only where the workspace allows it; the team must name a customer
  const allowsAnonymous = new Map<string, boolean>();
  for (const i of live) {
    const { actor, voter } = commands[i]!;
    if (voter.kind === 'visitor' && !allowsAnonymous.has(actor.workspaceId)) {
      allowsAnonymous.set(actor.workspaceId, await workspaceAllowsAnonymous(tx, actor.workspaceId));
    }
  }
  const identities = new Map<number, PersonIdentity>();
  live = live.filter((i) => {
    const { actor, voter } = commands[i]!;
    try {
      if (voter.kind === 'visitor') identities.set(i, checkVisitor(voter, allowsAnonymous.get(actor.workspaceId) ?? false, 'voter'));
      else if (voter.kind === 'team') {
        if (!voter.identity) throw voterRequired();
        identities.set(i, voter.identity);
      }
      return true;
    } catch (error) {
      fail(i, error);
      return false;
    }
  });
  const personIds = await findPeople(tx, commands, identities);

  // 3. lock every group, then read again where each post stands (it may have been merged meanwhile)
  const seenRoot = (i: number) => {
    const post = access.get(commands[i]!.postId)!;
    return post.merged_into_id ?? post.id;
  };
  await takeGroupLocks(tx, [...new Set(live.map(seenRoot))].sort());
  const positions = new Map((await readGroupPositions(tx, live.map((i) => commands[i]!.postId))).map((p) => [p.id, p]));
  const hasMerged = new Set<string>();
  const pending: Pending[] = [];
  const pairs = new Set<string>();
  for (const i of live) {
    const cmd = commands[i]!;
    const now = positions.get(cmd.postId);
    if (!now) {
      fail(i, postNotFound());
      continue;
    }
    const rootId = now.merged_into_id ?? now.id;
    const personId = cmd.voter.kind === 'self' ? cmd.voter.personId : personIds.get(i)!;
    const pair = `${rootId}:${personId}`;
    if (rootId !== seenRoot(i) || pairs.has(pair)) {
      outcomes[i] = { retry: true };
      continue;
    }
    pairs.add(pair);
    if (now.merged_into_id) hasMerged.add(rootId);
    else if (now.has_merged) hasMerged.add(rootId);
    pending.push({ i, cmd, personId, memberId: cmd.voter.kind === 'team' ? cmd.voter.memberId : null, rootId });
  }

  // a vote on a merged post goes to its root, which the voter must be able to see and vote on
  const redirected = pending.filter((p) => p.rootId !== p.cmd.postId);
  const roots = new Map((await findPostsAccess(tx, [...new Set(redirected.map((p) => p.rootId))])).map((p) => [p.id, p]));
  const votes = pending.filter((p) => {
    if (p.rootId === p.cmd.postId) return true;
    const root = roots.get(p.rootId);
    if (root && canViewPost(p.cmd.actor, root) && !root.deleted_at) return true;
    fail(p.i, postMerged('This post was merged into a post you cannot vote on'));
    return false;
  });

  // 4. the votes: new ones inserted (their voters follow the post), repeated ones may change importance and who voted for them
  const inserted = await insertNewVotes(tx, votes.map((v) => ({
    workspace_id: v.cmd.actor.workspaceId, post_id: v.rootId, person_id: v.personId,
    importance: v.cmd.importance ?? 1, voted_by_member_id: v.memberId,
  })));
  const isNew = (v: Pending) => inserted.has(`${v.rootId}:${v.personId}`);
  await updateRepeatedVotes(tx, votes.filter((v) => !isNew(v) && (v.cmd.importance !== undefined || v.memberId))
    .map((v) => ({ post_id: v.rootId, person_id: v.personId, importance: v.cmd.importance ?? null, voted_by_member_id: v.memberId })));

  // 5. a new voter on a post nothing was merged into adds to its demand now (with the counter, in one
  // update of the post); other changes to demand are re-scored by the refresh job (step 6)
  const simple = votes.filter((v) => isNew(v) && !hasMerged.has(v.rootId));
  const demandScores = new Map<string, number>();
  const now = new Date();
  for (const workspaceId of new Set(simple.map((v) => v.cmd.actor.workspaceId))) {
    const voters = simple.filter((v) => v.cmd.actor.workspaceId === workspaceId)
      .map((v) => ({ postId: v.rootId, personId: v.personId, importance: v.cmd.importance ?? 1 }));
    for (const [postId, score] of await addNewVotersToDemand(tx, workspaceId, voters, now)) demandScores.set(postId, score);
  }
  const added = new Map<string, number>();
  for (const v of simple) added.set(v.rootId, (added.get(v.rootId) ?? 0) + 1);
  const counts = await adjustVoteCounts(tx, added, demandScores);
  const recount = [...new Set(votes.filter((v) => isNew(v) && hasMerged.has(v.rootId)).map((v) => v.rootId))].sort();
  for (const rootId of recount) counts.set(rootId, (await recountGroup(tx, rootId)).vote_count);
  const unchanged = [...new Set(votes.map((v) => v.rootId))].filter((id) => !counts.has(id));
  for (const [id, count] of await readVoteCounts(tx, unchanged)) counts.set(id, count);

  // 6. events and the remaining demand refreshes in the same transaction
  const fresh = votes.filter(isNew);
  for (const workspaceId of new Set(fresh.map((v) => v.cmd.actor.workspaceId))) {
    if (!(await wantsEvent(tx, workspaceId, 'vote.created'))) continue;
    for (const v of fresh.filter((f) => f.cmd.actor.workspaceId === workspaceId)) {
      await recordEvent(tx, {
        actor: v.cmd.actor, type: 'vote.created', postId: v.rootId,
        data: {
          vote: { postId: v.rootId, personId: v.personId, importance: v.cmd.importance ?? 1, votedByMemberId: v.memberId },
          voteCount: counts.get(v.rootId),
          ...(v.rootId !== v.cmd.postId ? { redirectedFromPostId: v.cmd.postId } : {}),
        },
      });
    }
  }
  // a new voter in a merge group (who may have voted elsewhere in it), or a repeated vote that sets the importance
  const rescore = votes.filter((v) => (isNew(v) && hasMerged.has(v.rootId)) || (!isNew(v) && v.cmd.importance !== undefined));
  for (const workspaceId of new Set(rescore.map((v) => v.cmd.actor.workspaceId))) {
    const postIds = rescore.filter((v) => v.cmd.actor.workspaceId === workspaceId).map((v) => v.rootId);
    await enqueueDemandRefresh(tx, { scope: 'posts', workspaceId, postIds });
  }

  for (const v of votes) outcomes[v.i] = { ok: true, value: { voteCount: counts.get(v.rootId) ?? 0, hasVoted: true } };
  return outcomes.map((o) => o ?? { ok: false, error: new Error('castVotes: an item was left without an outcome') });
}

/** The person behind each identity, found or created per workspace in one go. */
async function findPeople(tx: Tx, commands: readonly VoteCommand[], identities: ReadonlyMap<number, PersonIdentity>): Promise<Map<number, string>> {
  const byWorkspace = new Map<string, number[]>();
  for (const i of identities.keys()) {
    const ws = commands[i]!.actor.workspaceId;
    byWorkspace.set(ws, [...(byWorkspace.get(ws) ?? []), i]);
  }
  const personIds = new Map<number, string>();
  for (const [workspaceId, items] of byWorkspace) {
    const people = await findOrCreatePeople(tx, workspaceId, items.map((i) => identities.get(i)!));
    for (const i of items) personIds.set(i, people.get(normalizeEmail(identities.get(i)!.email))!.id);
  }
  return personIds;
}

