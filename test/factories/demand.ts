// Demand test helpers: run the queued demand refresh jobs through graphile-worker itself (so a test
// proves the change enqueued them), and a hand-built fixture with known components.
import { sql } from 'kysely';
import { runOnce } from 'graphile-worker';
import type { TestApp } from '../app.ts';
import { silentLogger } from '../../src/jobs/worker-logger.ts';
import { DEMAND_REFRESH_TASK, runDemandRefreshJob } from '../../src/modules/demand/index.ts';
import { voteForPost } from '../../src/modules/votes/index.ts';
import { contextFor, createBoard, createTestPost } from './content.ts';
import { createCompany, createPerson } from './team.ts';

/** Runs every demand refresh job that is due (others, e.g. the hourly decay, stay queued). */
export async function runDemandJobs(t: TestApp): Promise<void> {
  await runOnce({
    connectionString: t.testDb.url,
    taskList: { [DEMAND_REFRESH_TASK]: async (payload) => void (await runDemandRefreshJob(t.db, payload)) },
    logger: silentLogger,
    noHandleSignals: true,
  });
}

export async function pendingDemandJobs(t: TestApp): Promise<Array<{ key: string | null; run_at: Date; payload: Record<string, unknown> }>> {
  const { rows } = await sql<{ key: string | null; run_at: Date; payload: Record<string, unknown> }>`
    select j.key, j.run_at, j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = ${DEMAND_REFRESH_TASK}
    order by j.id`.execute(t.db);
  return rows;
}

const DAY = 86_400_000;

/** Sets when a person voted for a post (votes are made "now"; the fixture needs history). */
export async function backdateVote(t: TestApp, postId: string, email: string, at: Date): Promise<void> {
  await sql`update votes set created_at = ${at} from people
    where votes.person_id = people.id and votes.post_id = ${postId} and lower(people.email) = ${email.toLowerCase()}`.execute(t.db);
}

export type DemandFixture = { boardId: string; postId: string; stubId: string; now: Date; companyIds: Record<'acme' | 'beta' | 'gamma' | 'delta', string> };

/**
 * Post P with voters from four companies (two in "Enterprise", one "SMB", one without a segment) and
 * three people without a company, at every importance, some recent and some old; plus a post S merged
 * into P whose voters count on P once per person (a1 voted on both: earliest date, highest importance).
 * Expected values are worked out in demand-score.test.ts.
 */
export async function buildDemandFixture(t: TestApp, opts: { workspaceId?: string; now?: Date } = {}): Promise<DemandFixture> {
  const workspaceId = opts.workspaceId ?? t.workspace.id;
  const now = opts.now ?? new Date('2026-06-15T12:00:00.000Z');
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const acme = await createCompany(t.db, workspaceId, { monthlyRevenue: 5000, segment: 'Enterprise' });
  const beta = await createCompany(t.db, workspaceId, { monthlyRevenue: 1500.5, segment: 'Enterprise' });
  const gamma = await createCompany(t.db, workspaceId, { monthlyRevenue: 300, segment: 'SMB' });
  const delta = await createCompany(t.db, workspaceId, { monthlyRevenue: 0, segment: null });
  const tag = Math.random().toString(36).slice(2, 8);
  const person = async (name: string, companyId: string | null) => {
    const email = `${name}-${tag}@example.com`;
    await createPerson(t.db, workspaceId, { email, name, companyId });
    return email;
  };
  const a1 = await person('a1', acme.id);
  const a2 = await person('a2', acme.id);
  const b1 = await person('b1', beta.id);
  const g1 = await person('g1', gamma.id);
  const d1 = await person('d1', delta.id);
  const n1 = await person('n1', null);
  const n2 = await person('n2', null);
  const n3 = await person('n3', null);
  const boardId = (await createBoard(t, { workspaceId })).id;
  const post = await createTestPost(t, { boardId, author: null, workspaceId, title: 'Single sign-on with SAML' });
  const stub = await createTestPost(t, { boardId, author: null, workspaceId, title: 'SAML login please' });
  const votes: Array<[string, string, number, number]> = [
    [post.id, a1, 3, 1], [post.id, a2, 1, 40], [post.id, b1, 2, 7], [post.id, g1, 0, 14], [post.id, d1, 1, 60],
    [post.id, n1, 1, 0], [post.id, n2, 2, 29], [stub.id, a1, 1, 100], [stub.id, n3, 1, 3],
  ];
  for (const [postId, email, importance, days] of votes) {
    await voteAs(t, workspaceId, postId, email, importance);
    await backdateVote(t, postId, email, ago(days));
  }
  // what a merge leaves behind (migrations/20261123020000_merges.sql): S points at P, votes stay put
  await t.db.updateTable('posts').set({ merged_into_id: post.id, merged_at: now }).where('id', '=', stub.id).execute();
  return { boardId, postId: post.id, stubId: stub.id, now, companyIds: { acme: acme.id, beta: beta.id, gamma: gamma.id, delta: delta.id } };
}

async function voteAs(t: TestApp, workspaceId: string, postId: string, email: string, importance: number): Promise<void> {
  await voteForPost(contextFor(t, { kind: 'system', workspaceId }), postId, { voter: { email }, importance });
}
