import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { contextFor, createBoard } from '../../../test/factories/content.ts';
import { createMember } from '../../../test/factories/team.ts';
import { mergePost } from '../merges/index.ts';
import { calibrateWorkspace } from './calibrate-workspace.ts';
import { dismissDuplicate } from './dismiss-duplicate.ts';
import { findSimilarPosts } from './find-similar-posts.ts';
import { createSimilarIndexes } from './similar-indexes.ts';
import { insertCandidate } from './similar.repo.ts';
import { createRandom } from './eval/synthetic-corpus.ts';
import { importPost } from './eval/import-post.ts';

// Issue 3 §1 "learning from the workspace's own decisions", end to end in the product: the team's
// merges and "not a duplicate" decisions are stored as they happen (post_merges, dismissed
// candidates); the calibration job learns from what is stored; ranking of held-back new posts,
// through the same search the API uses, gets measurably better.
//
// The workspace (as in the engine's unit test): each component breaks three times over two years,
// every outage brings three reports within two days. Reports of different outages of one component
// read alike, so text alone cannot tell which outage a new report belongs to; when it was written can.

const DAY = 86_400_000;
type Report = { id: string; createdAt: number; title: string; body: string };
type Incident = { component: number; reports: Report[] };

for (const target of testTargets()) {
  describe(`calibration from stored decisions [${target.name}]`, () => {
    let t: TestApp;
    const incidents: Incident[] = [];

    before(async () => {
      t = await createTestApp(target);
      const board = await createBoard(t);
      const random = createRandom(11);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ra', 'si', 'to', 'vu', 'ze', 'bo', 'di'];
      const word = (): string => pick(syllables) + pick(syllables) + pick(syllables) + 'x';
      const filler = Array.from({ length: 300 }, word);
      const start = Date.UTC(2023, 0, 1);
      const ctx = contextFor(t);
      for (let component = 0; component < 40; component++) {
        const vocabulary = Array.from({ length: 6 }, word);
        for (let outage = 0; outage < 3; outage++) {
          const at = start + Math.floor(random() * 700) * DAY;
          const reports: Report[] = [];
          for (let r = 0; r < 3; r++) {
            const text = (n: number, share: number): string =>
              Array.from({ length: n }, () => (random() < share ? pick(vocabulary) : pick(filler))).join(' ');
            const title = text(4, 0.7);
            const body = text(12, 0.4);
            const createdAt = at + r * 0.6 * DAY + random() * 0.5 * DAY;
            const id = await importPost(ctx, { boardId: board.id, title, body, createdAt: new Date(createdAt) });
            reports.push({ id, title, body, createdAt });
          }
          incidents.push({ component, reports });
        }
      }
    });
    after(() => t.close());

    test('merges and "not a duplicate" decisions improve the ranking of held-back posts', async (ctx) => {
      const isTraining = (component: number): boolean => component % 2 === 0;
      const member = await createMember(t.db, t.workspace.id);
      const team = contextFor(t, { kind: 'member', workspaceId: t.workspace.id, memberId: member.id, role: 'admin' });
      // the team's decisions, made through the product: later reports merged into the first one; a
      // suggested report of another outage of the same component dismissed
      let merges = 0;
      let dismissals = 0;
      for (const incident of incidents.filter((i) => isTraining(i.component))) {
        const [first, ...later] = incident.reports;
        for (const report of later) {
          await mergePost(team, report.id, { into: first.id });
          merges++;
          const other = incidents.find((i) => i.component === incident.component && i !== incident);
          if (!other) continue;
          await insertCandidate(t.db, { workspaceId: t.workspace.id, postId: report.id, similarPostId: other.reports[0].id, score: 1, matched: [] });
          const candidate = await t.db.selectFrom('duplicate_candidates').select('id')
            .where('post_id', '=', report.id).where('similar_post_id', '=', other.reports[0].id).executeTakeFirstOrThrow();
          await dismissDuplicate(team, candidate.id);
          dismissals++;
        }
      }

      const heldBack = incidents.filter((i) => !isTraining(i.component)).flatMap((incident) => incident.reports.slice(1).map((query) => ({
        query, relevant: new Set(incident.reports.filter((r) => r.createdAt < query.createdAt).map((r) => r.id)),
      })));
      const indexes = createSimilarIndexes(t.db);
      const anyone = contextFor(t, { kind: 'anonymous', workspaceId: t.workspace.id });
      const mrr = async (): Promise<number> => {
        let sum = 0;
        for (const { query, relevant } of heldBack) {
          // the API's search, replaying time: only posts older than the new one are eligible
          const items = await findSimilarPosts(anyone, indexes, { q: `${query.title}\n${query.body}`, limit: 10, before: new Date(query.createdAt) });
          const at = items.findIndex((item) => relevant.has(item.id));
          sum += at < 0 ? 0 : 1 / (at + 1);
        }
        return sum / heldBack.length;
      };
      const before = await mrr();
      const result = await calibrateWorkspace(t.db, indexes, t.workspace.id);
      assert.equal(result.decisions, merges + dismissals, 'every stored decision is used');
      assert.ok(result.options);
      const stored = await t.db.selectFrom('similar_settings').selectAll().where('workspace_id', '=', t.workspace.id).executeTakeFirstOrThrow();
      assert.deepEqual(stored.options?.weights, result.options.weights, 'stored per workspace');
      const after = await mrr();
      ctx.diagnostic(`${merges} merges, ${dismissals} dismissals; MRR@10 on ${heldBack.length} held-back posts ${before.toFixed(3)} → ${after.toFixed(3)}`);
      assert.ok(after >= before + 0.05, `MRR@10 on ${heldBack.length} held-back posts: ${before.toFixed(3)} → ${after.toFixed(3)}`);

      // another process applies the stored options on its next catch-up, and ranks the same way
      const elsewhere = createSimilarIndexes(t.db);
      const sample = heldBack[0].query;
      const q = { q: `${sample.title}\n${sample.body}`, limit: 10, before: new Date(sample.createdAt) };
      assert.deepEqual(await findSimilarPosts(anyone, elsewhere, q), await findSimilarPosts(anyone, indexes, q));
      assert.deepEqual((await elsewhere.ready(t.workspace.id)).engine.options(), (await indexes.ready(t.workspace.id)).engine.options());
    });
  });
}
