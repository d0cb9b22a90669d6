import type { Context } from '../context.ts';
import type { DbOrTx } from '../../db/database.ts';
import { findVisiblePost, postNotFound } from '../posts/index.ts';
import { computeGroupDemand, type GroupDemand } from './compute-group-demand.ts';
import { SPARKLINE_DAYS, scoreDemand, type DemandSettings } from './demand-formula.ts';
import { findGroupMemberIds, findGroupRefs, loadDemandSettings } from './demand.repo.ts';
import { countNewVotersByDay, rankInBoard } from './demand-views.repo.ts';
import { canSeeDemand } from './demand.policy.ts';
import { demandTeamOnly } from './demand.errors.ts';

export type SparklinePoint = { date: string; votes: number };

export type PostDemandDetail = {
  postId: string;
  boardId: string;
  mergedIntoId: string | null;
  mergedPostIds: string[];
  demand: GroupDemand;
  rank: number | null;
  rankedPosts: number;
  settings: DemandSettings;
  sparkline: SparklinePoint[];
  computedAt: Date;
};

const ZERO = { uniqueVoters: 0, uniqueCompanies: 0, monthlyRevenue: 0, importanceWeightedVotes: 0, momentum: 0 };

/**
 * A post's demand computed now from its group's votes (not the materialised copy, which may trail a
 * change by the job's latency), with its rank among the board's stored scores. Team only: it names
 * companies' revenue. A merge stub has no demand of its own and points at its target instead.
 */
export async function getPostDemand(ctx: Context, postId: string): Promise<PostDemandDetail> {
  if (!canSeeDemand(ctx.actor)) throw demandTeamOnly();
  const { db, now } = ctx;
  const workspaceId = ctx.actor.workspaceId;
  const post = await findVisiblePost(ctx, postId);
  const [ref] = await findGroupRefs(db, workspaceId, [post.id]);
  if (!ref) throw postNotFound();
  const settings = await loadDemandSettings(db, workspaceId);
  if (ref.merged_into_id) {
    const rankedPosts = (await rankInBoard(db, ref.board_id, ref.id, 0)).total;
    return {
      postId: ref.id, boardId: ref.board_id, mergedIntoId: ref.merged_into_id, mergedPostIds: [],
      demand: { postId: ref.id, components: { ...ZERO }, segments: [], ...scoreDemand(ZERO, settings) },
      rank: null, rankedPosts, settings, sparkline: zeroFill(new Map(), now), computedAt: now,
    };
  }
  const memberIds = await findGroupMemberIds(db, ref.id);
  const demand = (await computeGroupDemand(db, workspaceId, [ref.id], settings, now)).get(ref.id)!;
  const [position, sparkline] = await Promise.all([
    rankInBoard(db, ref.board_id, ref.id, demand.score),
    loadSparkline(db, [ref.id, ...memberIds], now),
  ]);
  return {
    postId: ref.id, boardId: ref.board_id, mergedIntoId: null, mergedPostIds: memberIds, demand,
    rank: ref.deleted_at ? null : position.ahead + 1, rankedPosts: position.total, settings, sparkline, computedAt: now,
  };
}

/** Daily new voters of a group over the last SPARKLINE_DAYS UTC days (today included), zero-filled. */
export async function loadSparkline(db: DbOrTx, groupPostIds: readonly string[], now: Date): Promise<SparklinePoint[]> {
  const counts = await countNewVotersByDay(db, groupPostIds, firstSparklineDay(now));
  return zeroFill(counts, now);
}

function firstSparklineDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (SPARKLINE_DAYS - 1)));
}

function zeroFill(counts: Map<string, number>, now: Date): SparklinePoint[] {
  const start = firstSparklineDay(now).getTime();
  return Array.from({ length: SPARKLINE_DAYS }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return { date, votes: counts.get(date) ?? 0 };
  });
}
