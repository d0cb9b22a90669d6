import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { castVote, createBoard, createCustomer, createTestPost, personHeaders } from '../../../test/factories/content.ts';
import { findCounterMismatches, snapshotMergeState } from '../../../test/merge-audit.ts';
import { createWorkspace } from '../workspaces/index.ts';

// The shape rules of merging: one hop, no cycles, one workspace, the team only, nothing stored on a refusal.
for (const target of testTargets()) {
  describe(`merge rules [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t)).id;
    });
    after(() => t.close());

    const merge = (id: string, into: unknown, headers = admin) => t.app.inject({ method: 'POST', url: `/api/v1/posts/${id}/merge`, headers, payload: { into } });
    const unmerge = (id: string, headers = admin) => t.app.inject({ method: 'POST', url: `/api/v1/posts/${id}/unmerge`, headers, payload: {} });
    const pointer = async (id: string) => (await t.db.selectFrom('posts').select('merged_into_id').where('id', '=', id).executeTakeFirstOrThrow()).merged_into_id;
    const votes = async (id: string) => (await t.db.selectFrom('posts').select('vote_count').where('id', '=', id).executeTakeFirstOrThrow()).vote_count;
    const posts = async (n: number) => Promise.all(Array.from({ length: n }, () => createTestPost(t, { boardId })));
    const get = async (id: string, headers: Record<string, string>) => (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${id}`, headers })).json();
    const assertCountersExact = async () => assert.deepEqual(await findCounterMismatches(t.db, t.workspace.id), []);

    test('chains resolve to the final target, and unmerging the outer merge restores the inner one', async () => {
      const [a, b, c, d] = await posts(4);
      await castVote(t, a.id, 'shared@example.com');
      await castVote(t, c.id, 'shared@example.com');
      assert.equal((await merge(a.id, b.id)).json().voteCount, 3, 'authors of a and b, shared');
      const bc = await merge(b.id, c.id);
      assert.equal(bc.statusCode, 200, bc.body);
      assert.deepEqual([await pointer(a.id), await pointer(b.id)], [c.id, c.id], 'a follows b to c: one hop');
      assert.equal(bc.json().voteCount, 4, 'authors of a, b and c, shared once');
      assert.deepEqual(bc.json().mergedPosts.map((p: { id: string }) => p.id).sort(), [a.id, b.id].sort());
      const intoStub = await merge(d.id, a.id);
      assert.equal(intoStub.json().id, c.id, 'merging into a merged post lands on its final target');
      assert.equal(await pointer(d.id), c.id);
      const log = await t.db.selectFrom('post_merges').select(['target_post_id', 'snapshot']).where('source_post_id', '=', d.id).executeTakeFirstOrThrow();
      assert.equal(log.target_post_id, c.id);
      assert.equal(log.snapshot.requestedTargetId, a.id);
      await assertCountersExact();

      assert.equal((await unmerge(b.id)).statusCode, 200);
      assert.deepEqual([await pointer(a.id), await pointer(b.id), await pointer(d.id)], [b.id, null, c.id], 'a is back under b; d stays on c');
      assert.equal(await votes(b.id), 3);
      assert.equal(await votes(c.id), 3, 'authors of c and d, shared');
      await assertCountersExact();
      assert.equal((await unmerge(a.id)).statusCode, 200);
      assert.equal(await pointer(a.id), null);
      await assertCountersExact();
    });

    test('cycles, self merges, merged sources, deleted targets and posts that are not merged are refused', async () => {
      const [a, b, c] = await posts(3);
      assert.equal((await merge(a.id, b.id)).statusCode, 200);
      const cycle = await merge(b.id, a.id);
      assert.equal(cycle.statusCode, 409);
      assert.equal(cycle.json().code, 'merge_cycle');
      assert.match(cycle.json().message, /cycle/);
      assert.equal(cycle.json().errors[0].field, 'into');
      const self = await merge(c.id, c.id);
      assert.equal(self.statusCode, 400);
      assert.equal(self.json().errors[0].field, 'into');
      assert.equal((await merge(a.id, c.id)).json().code, 'post_merged', 'a merged post is unmerged first');
      assert.equal((await unmerge(c.id)).json().code, 'post_not_merged');
      await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${c.id}`, headers: admin });
      const afterDelete = await snapshotMergeState(t.db, t.workspace.id);
      const intoDeleted = await merge(b.id, c.id);
      assert.equal(intoDeleted.statusCode, 409);
      assert.equal(intoDeleted.json().code, 'merge_target_deleted');
      assert.equal((await merge(c.id, b.id)).json().code, 'post_deleted');
      assert.deepEqual(await snapshotMergeState(t.db, t.workspace.id), afterDelete, 'refusals store nothing');
    });

    test('bad input gets field errors and stores nothing; read-only keys and end users may not merge', async () => {
      const [a, b] = await posts(2);
      const before = await snapshotMergeState(t.db, t.workspace.id);
      const logs = async () => (await t.db.selectFrom('post_merges').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const logCount = await logs();
      for (const [into, code] of [['not-a-uuid', 400], [123, 400], [crypto.randomUUID(), 400]] as const) {
        const res = await merge(a.id, into);
        assert.equal(res.statusCode, code, res.body);
        assert.equal(res.json().errors[0].field, 'into');
      }
      const missing = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${a.id}/merge`, headers: admin, payload: {} });
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().errors[0].field, 'into');
      assert.equal((await merge(crypto.randomUUID(), b.id)).statusCode, 404);
      assert.equal((await merge('nope', b.id)).statusCode, 400);
      const reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
      assert.equal((await merge(a.id, b.id, reader)).statusCode, 403);
      const person = await personHeaders(t, (await createCustomer(t)).id);
      assert.equal((await merge(a.id, b.id, person)).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/posts/${a.id}/merge`, payload: { into: b.id } })).statusCode, 403);
      assert.deepEqual(await snapshotMergeState(t.db, t.workspace.id), before);
      assert.equal(await logs(), logCount);

      assert.equal((await merge(a.id, b.id)).statusCode, 200);
      assert.equal((await unmerge(a.id, reader)).statusCode, 403);
      assert.equal((await unmerge(a.id, person)).statusCode, 403);
      assert.equal(await pointer(a.id), b.id);
      assert.equal((await get(a.id, person)).mergedInto.id, b.id, 'end users see the stub and where it went');
      assert.deepEqual((await get(a.id, person)).merges, [], 'the merge log is for the team');
    });

    test('workspaces never cross: another workspace can neither merge our posts nor be merged into', async () => {
      const [a, b] = await posts(2);
      const other = await createWorkspace(t.db, { name: 'Elsewhere', slug: `elsewhere-${target.name}` });
      const theirs = bearer(await createApiKey(t.db, other.workspace.id, 'admin'));
      const theirBoard = await createBoard(t, { workspaceId: other.workspace.id });
      const theirPost = await createTestPost(t, { workspaceId: other.workspace.id, boardId: theirBoard.id });
      const before = await snapshotMergeState(t.db, t.workspace.id);
      assert.equal((await merge(a.id, b.id, theirs)).statusCode, 404);
      assert.equal((await merge(theirPost.id, a.id, theirs)).json().errors[0].field, 'into', 'our post is no target for them');
      const intoTheirs = await merge(a.id, theirPost.id);
      assert.equal(intoTheirs.statusCode, 400);
      assert.equal(intoTheirs.json().code, 'merge_target_not_found');
      assert.deepEqual(await snapshotMergeState(t.db, t.workspace.id), before);
      assert.equal((await merge(a.id, b.id)).statusCode, 200);
      assert.equal((await unmerge(a.id, theirs)).statusCode, 404);
      assert.equal(await pointer(a.id), b.id);
    });

    test('a merged post of a private board keeps its title and comments from the public', async () => {
      const secret = await createBoard(t, { visibility: 'private' });
      const hidden = await createTestPost(t, { boardId: secret.id, title: 'Internal roadmap item' });
      const open = await createTestPost(t, { boardId });
      await t.app.inject({ method: 'POST', url: `/api/v1/posts/${hidden.id}/comments`, headers: admin, payload: { body: 'secret detail' } });
      await merge(hidden.id, open.id);
      const publicView = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${open.id}` })).json();
      assert.deepEqual(publicView.mergedPosts, []);
      assert.equal(publicView.voteCount, 2, 'the count is the group\'s');
      const thread = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${open.id}/comments` })).json().items;
      assert.deepEqual(thread, []);
      const privateTarget = await createTestPost(t, { boardId: secret.id, title: 'Private target' });
      const publicSource = await createTestPost(t, { boardId });
      await merge(publicSource.id, privateTarget.id);
      assert.deepEqual((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${publicSource.id}` })).json().mergedInto, { id: privateTarget.id, title: null });
      const vote = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${publicSource.id}/votes`, headers: await personHeaders(t, (await createCustomer(t)).id) });
      assert.equal(vote.statusCode, 409, 'no vote on a post the voter cannot see');
      await assertCountersExact();
    });
  });
}
