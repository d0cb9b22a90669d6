// A new voter on a post nothing was merged into is the common change to demand (docs/adr/0005,
// addendum "new voters are added in the vote's transaction"): the post gains one voter, the voter's
// weight and a momentum of 1, and — when nobody of the voter's company had voted for it yet — one
// company and its revenue. That is added to the stored rows in the vote's own transaction instead of
// re-reading the post's votes in the refresh job.
import type { Tx } from '../../db/database.ts';
import {
  importanceWeight, momentumAgeFactor, parseDemandSettings, scoreDemand, sumComponents, type DemandSettings,
} from './demand-formula.ts';
import { enqueueDemandRefresh, scheduleDecay } from './demand-jobs.ts';
import { lockPostDemand, type StoredPostDemand } from './demand.repo.ts';
import {
  readNewVoterFacts, writePostDemandUpdates, type NewVoterFacts, type PostDemandUpdate, type SegmentDemandUpdate,
} from './new-voters.repo.ts';

export type NewVoter = { postId: string; personId: string; importance: number };

type Parts = { voters: number; companies: number; monthlyRevenue: number; weightedVotes: number; momentum: number };

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Adds new voters to the stored demand of their posts and returns the posts' new scores (for the
 * caller to write with the vote counters). The caller guarantees, under the posts' group locks, that
 * each vote was just inserted, is the person's only vote in the group and that nothing is merged into
 * the post. Exact for voters, companies, revenue and weighted votes; momentum is the stored figure aged
 * to now plus 1 (voters leaving the 30-day window are dropped by the hourly decay's full computation).
 * A post without stored demand yet (a refresh is pending) is left to that refresh.
 */
export async function addNewVotersToDemand(tx: Tx, workspaceId: string, voters: readonly NewVoter[], now: Date): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  if (voters.length === 0) return scores;
  const stored = new Map((await lockPostDemand(tx, [...new Set(voters.map((v) => v.postId))].sort())).map((row) => [row.post_id, row]));
  const covered = voters.filter((v) => stored.has(v.postId));
  const facts = new Map((await readNewVoterFacts(tx, workspaceId, covered)).map((f) => [f.ord, f]));
  const settings = parseDemandSettings(facts.values().next().value?.demand_weights ?? null);

  const byPost = new Map<string, Array<{ voter: NewVoter; facts: NewVoterFacts }>>();
  const refresh = new Set(voters.filter((v) => !stored.has(v.postId)).map((v) => v.postId));
  covered.forEach((voter, i) => {
    const f = facts.get(i);
    if (!f) refresh.add(voter.postId); // not a person of this workspace: the full refresh decides
    else byPost.set(voter.postId, [...(byPost.get(voter.postId) ?? []), { voter, facts: f }]);
  });

  const posts: PostDemandUpdate[] = [];
  const segments: SegmentDemandUpdate[] = [];
  let newMomentum = false;
  for (const [postId, items] of byPost) {
    if (refresh.has(postId)) continue;
    const row = stored.get(postId)!;
    const age = momentumAgeFactor(row.computed_at, now);
    if (row.momentum <= 0) newMomentum = true;
    const total = partsOfStored(row, age);
    const bySegment = new Map<string, Parts>();
    const companies = new Set<string>();
    for (const { voter, facts: f } of items) {
      const segment = bySegment.get(f.segment) ?? partsOfSegment(f, age);
      const gained: Parts = { voters: 1, companies: 0, monthlyRevenue: 0, weightedVotes: importanceWeight(voter.importance), momentum: 1 };
      if (f.company_id && !f.company_counted && !companies.has(f.company_id)) {
        companies.add(f.company_id);
        gained.companies = 1;
        gained.monthlyRevenue = Number(f.company_revenue);
      }
      bySegment.set(f.segment, add(segment, gained));
      addInto(total, gained);
    }
    posts.push({ postId, ...asUpdate(total) });
    for (const [segment, parts] of bySegment) {
      segments.push({ postId, segment, ...asUpdate(parts), score: scoreOf(parts, settings) });
    }
    scores.set(postId, scoreOf(total, settings));
  }
  // a post that had no momentum may be the workspace's only one: make sure the hourly decay runs
  // (its gate is inserted with the writes; the job is added only when none was pending)
  const { decayArmed } = await writePostDemandUpdates(tx, workspaceId, posts, segments, now, { armDecay: newMomentum });
  if (decayArmed) await scheduleDecay(tx, workspaceId, now);
  if (refresh.size) await enqueueDemandRefresh(tx, { scope: 'posts', workspaceId, postIds: [...refresh] });
  return scores;
}

function partsOfStored(row: StoredPostDemand, age: number): Parts {
  return {
    voters: row.unique_voters, companies: row.unique_companies, monthlyRevenue: Number(row.monthly_revenue),
    weightedVotes: row.weighted_votes, momentum: row.momentum * age,
  };
}

function partsOfSegment(f: NewVoterFacts, age: number): Parts {
  return {
    voters: f.seg_voters ?? 0, companies: f.seg_companies ?? 0, monthlyRevenue: Number(f.seg_revenue ?? 0),
    weightedVotes: f.seg_weighted ?? 0, momentum: (f.seg_momentum ?? 0) * age,
  };
}

function add(a: Parts, b: Parts): Parts {
  const sum = { ...a };
  addInto(sum, b);
  return sum;
}

function addInto(into: Parts, b: Parts): void {
  into.voters += b.voters;
  into.companies += b.companies;
  into.monthlyRevenue = round2(into.monthlyRevenue + b.monthlyRevenue);
  into.weightedVotes += b.weightedVotes;
  into.momentum += b.momentum;
}

function asUpdate(p: Parts): Omit<PostDemandUpdate, 'postId'> {
  return { uniqueVoters: p.voters, uniqueCompanies: p.companies, monthlyRevenue: p.monthlyRevenue, weightedVotes: p.weightedVotes, momentum: p.momentum };
}

function scoreOf(parts: Parts, settings: DemandSettings): number {
  return scoreDemand(sumComponents([parts]), settings).score;
}
