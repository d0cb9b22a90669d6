import type { Context } from '../context.ts';
import { forbidden, invalid } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { isUuid } from '../../lib/ids.ts';
import { canViewDuplicates } from './similar.policy.ts';
import { listOpenCandidates, listOpenPairIds, loadPostCards } from './similar.repo.ts';
import { presentDuplicatePost, roundScore, type DuplicateCandidateJson } from './similar.present.ts';

export type DuplicatePage = { items: DuplicateCandidateJson[]; nextCursor: string | null };

/** Pairs considered for clusters; beyond this the queue is far longer than anyone triages. */
const CLUSTER_PAIRS = 5000;

/** Connected components of the open pairs: each post → [cluster id (its smallest post id), size]. */
export function findClusters(pairs: ReadonlyArray<readonly [string, string]>): Map<string, { id: string; size: number }> {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const sizes = new Map<string, number>();
  for (const x of parent.keys()) sizes.set(root(x), (sizes.get(root(x)) ?? 0) + 1);
  return new Map([...parent.keys()].map((x) => [x, { id: root(x), size: sizes.get(root(x)) ?? 1 }]));
}

/**
 * The duplicate queue: likely pairs whose posts are both still live (not merged, not deleted),
 * best first, each with its score, what matched, and the cluster it belongs to.
 */
export async function listDuplicates(ctx: Context, input: { cursor?: string; limit: number }): Promise<DuplicatePage> {
  const { actor } = ctx;
  if (!canViewDuplicates(actor)) throw forbidden('Only the team can see the duplicate queue');
  let after: { score: number; id: string } | null = null;
  if (input.cursor !== undefined) {
    const decoded = decodeCursor(input.cursor, 2);
    if (!decoded || typeof decoded[0] !== 'number' || !isUuid(decoded[1])) throw invalid('cursor', 'is not a cursor this list issued');
    after = { score: decoded[0], id: decoded[1] };
  }
  const rows = await listOpenCandidates(ctx.db, actor.workspaceId, after, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const cards = await loadPostCards(ctx.db, actor.workspaceId, page.flatMap((r) => [r.postId, r.similarPostId]), true);
  const clusters = findClusters(await listOpenPairIds(ctx.db, actor.workspaceId, CLUSTER_PAIRS));
  const items = page.flatMap((r): DuplicateCandidateJson[] => {
    const post = cards.get(r.postId);
    const similar = cards.get(r.similarPostId);
    if (!post || !similar) return [];
    return [{
      id: r.id, score: roundScore(r.score), matched: r.matched, post: presentDuplicatePost(post), similarPost: presentDuplicatePost(similar),
      cluster: clusters.get(r.postId) ?? { id: r.postId < r.similarPostId ? r.postId : r.similarPostId, size: 2 }, createdAt: r.createdAt.toISOString(),
    }];
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.score, last.id]) : null };
}
