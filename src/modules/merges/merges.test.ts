import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { castVote, createBoard, createCustomer, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import { findCounterMismatches } from '../../../test/merge-audit.ts';

// Issue 3 §2 over HTTP: a merge unions voters per person, shows comments with their origin, unions
// tags, leaves a read-only stub, and an unmerge puts everything back.
for (const target of testTargets()) {
  describe(`merge and unmerge [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let team: Record<string, string>;
    let boardId: string;

    before(async () => {
      // a loopback webhook endpoint makes the app record post.updated events (nothing is delivered: no worker runs)
      t = await createTestApp(target, { config: { webhooksAllowLoopback: true } });
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      team = await memberHeaders(t, (await createMember(t.db, t.workspace.id, { name: 'Mia Merger' })).id);
      boardId = (await createBoard(t)).id;
    });
    after(() => t.close());

    const merge = (id: string, into: string, headers = admin) => t.app.inject({ method: 'POST', url: `/api/v1/posts/${id}/merge`, headers, payload: { into } });
    const unmerge = (id: string, headers = admin) => t.app.inject({ method: 'POST', url: `/api/v1/posts/${id}/unmerge`, headers, payload: {} });
    const get = async (id: string, headers = admin) => (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${id}`, headers })).json();
    const boardCount = async () => (await t.db.selectFrom('boards').select('post_count').where('id', '=', boardId).executeTakeFirstOrThrow()).post_count;
    const tag = async (name: string) => (await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload: { name } })).json().id as string;
    const comment = async (postId: string, body: string, extra: Record<string, unknown> = {}) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${postId}/comments`, headers: admin, payload: { body, ...extra } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const assertCountersExact = async () => assert.deepEqual(await findCounterMismatches(t.db, t.workspace.id), []);

    test('voters union per person, comments show with their origin, tags union; unmerge restores all', async () => {
      const [x, y, z] = [await tag('Export'), await tag('Mobile'), await tag('API')];
      const source = await createTestPost(t, { boardId, title: 'CSV export please', author: 'sam@example.com', tags: [x, y] });
      const targetPost = await createTestPost(t, { boardId, title: 'Export data to CSV', author: 'tia@example.com', tags: [y, z] });
      await castVote(t, source.id, 'both@example.com', 2);
      await castVote(t, source.id, 'only-source@example.com');
      await castVote(t, targetPost.id, 'both@example.com', 0);
      await castVote(t, targetPost.id, 'only-target@example.com');
      const onSource = await comment(source.id, 'Same here');
      await comment(source.id, 'Internal: big account', { internal: true });
      const onTarget = await comment(targetPost.id, 'Needed for reporting');
      const duplicate = (await t.app.inject({ method: 'POST', url: '/api/v1/statuses', headers: admin, payload: { name: 'Duplicate', kind: 'duplicate' } })).json();
      const boardBefore = await boardCount();
      const before = await get(source.id);
      // post.updated is only recorded when someone listens (src/modules/events): a webhook does
      const hook = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin, payload: { url: 'http://127.0.0.1:9/backboard', eventTypes: ['post.updated'] } });
      assert.equal(hook.statusCode, 201, hook.body);

      const merged = await merge(source.id, targetPost.id, team);
      assert.equal(merged.statusCode, 200, merged.body);
      const tgt = merged.json();
      assert.equal(tgt.id, targetPost.id, 'the answer is the target');
      assert.equal(tgt.voteCount, 5, 'sam, tia, both (once), only-source, only-target');
      assert.equal(tgt.commentCount, 2, 'public comments of the group');
      assert.deepEqual(tgt.tags.map((g: { id: string }) => g.id).sort(), [x, y, z].sort());
      assert.deepEqual(tgt.mergedPosts.map((p: { id: string; voteCount: number; commentCount: number }) => [p.id, p.voteCount, p.commentCount]), [[source.id, 3, 1]]);
      assert.equal(tgt.merges[0].sourceId, source.id);
      assert.equal(tgt.merges[0].actor.name, 'Mia Merger');
      assert.equal(await boardCount(), boardBefore - 1, 'the stub leaves its board');
      await assertCountersExact();

      const stub = await get(source.id);
      assert.deepEqual(stub.mergedInto, { id: targetPost.id, title: 'Export data to CSV' });
      assert.equal(stub.status.id, duplicate.id);
      assert.equal(stub.voteCount, 3, 'a stub shows its own voters');
      assert.deepEqual([stub.can.edit, stub.can.comment, stub.can.unmerge, stub.can.merge], [false, false, true, false]);
      assert.equal(stub.merges[0].targetId, targetPost.id);
      const listed = (await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}&limit=100`, headers: admin })).json().items;
      assert.ok(!listed.some((p: { id: string }) => p.id === source.id), 'merged posts are not listed');
      assert.ok(listed.some((p: { id: string }) => p.id === targetPost.id));

      const voters = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${targetPost.id}/votes`, headers: admin })).json().items;
      const byEmail = new Map(voters.map((v: { person: { email: string } }) => [v.person.email, v]));
      assert.equal(voters.length, 5);
      assert.deepEqual(byEmail.get('both@example.com'), { ...(byEmail.get('both@example.com') as object), importance: 2, viaPostId: null });
      assert.equal((byEmail.get('only-source@example.com') as { viaPostId: string }).viaPostId, source.id);
      assert.equal((byEmail.get('only-target@example.com') as { viaPostId: string | null }).viaPostId, null);
      const sourceVoteOfBoth = await t.db.selectFrom('votes').innerJoin('people', 'people.id', 'votes.person_id').select('votes.created_at')
        .where('votes.post_id', '=', source.id).where('people.email', '=', 'both@example.com').executeTakeFirstOrThrow();
      assert.equal((byEmail.get('both@example.com') as { createdAt: string }).createdAt, sourceVoteOfBoth.created_at.toISOString(), 'the earliest date is kept');

      const thread = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${targetPost.id}/comments`, headers: admin })).json().items;
      assert.deepEqual(thread.map((c: { id: string; origin: unknown }) => [c.id, c.origin]).filter(([, o]: [string, unknown]) => o === null).map(([id]: [string]) => id), [onTarget]);
      assert.deepEqual(thread.find((c: { id: string }) => c.id === onSource).origin, { postId: source.id, title: 'CSV export please' });
      assert.equal(thread.length, 3, 'the team sees the internal note of the merged post too');
      const publicThread = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${targetPost.id}/comments` })).json().items;
      assert.equal(publicThread.length, 2);

      // the stub: votes go to the target, comments and edits are refused
      const late = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${source.id}/votes`, headers: admin, payload: { voter: { email: 'late@example.com' } } });
      assert.deepEqual(late.json(), { voteCount: 6, hasVoted: true });
      assert.equal(await t.db.selectFrom('votes').innerJoin('people', 'people.id', 'votes.person_id').select('votes.post_id')
        .where('people.email', '=', 'late@example.com').executeTakeFirstOrThrow().then((v) => v.post_id), targetPost.id);
      const again = await castVote(t, targetPost.id, 'only-source@example.com');
      assert.equal(again.voteCount, 6, 'a voter of the source voting on the target is counted once');
      const refused = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${source.id}/comments`, headers: admin, payload: { body: 'hello?' } });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'post_merged');
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${source.id}`, headers: admin, payload: { title: 'Edited stub' } })).json().code, 'post_merged');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${source.id}`, headers: admin })).statusCode, 409);
      await assertCountersExact();

      const undone = await unmerge(source.id, team);
      assert.equal(undone.statusCode, 200, undone.body);
      const back = undone.json();
      assert.equal(back.mergedInto, null);
      assert.equal(back.status.id, before.status.id, 'the status from before the merge');
      assert.equal(back.voteCount, 3);
      assert.ok(back.merges[0].undoneAt);
      const tgtAfter = await get(targetPost.id);
      assert.equal(tgtAfter.voteCount, 5, 'tia, both, only-target, late, only-source (voted on the target itself since)');
      assert.deepEqual(tgtAfter.tags.map((g: { id: string }) => g.id).sort(), [y, z].sort(), 'the tags the merge added are gone');
      assert.deepEqual(tgtAfter.mergedPosts, []);
      assert.equal(await boardCount(), boardBefore);
      await assertCountersExact();

      const events = await t.db.selectFrom('events').select(['type', 'data', 'post_id']).where('post_id', '=', source.id).orderBy('created_at').execute();
      assert.deepEqual(events.find((e) => e.type === 'post.merged')?.data, { sourceId: source.id, targetId: targetPost.id });
      assert.deepEqual(events.filter((e) => e.type === 'post.updated').at(-1)?.data.unmerged, { fromTargetId: targetPost.id });
    });

    test('an end user who voted on a merged post has voted for its target; unvote there takes back the whole group', async () => {
      const source = await createTestPost(t, { boardId });
      const targetPost = await createTestPost(t, { boardId });
      const me = await createCustomer(t);
      const headers = await personHeaders(t, me.id);
      await t.app.inject({ method: 'POST', url: `/api/v1/posts/${source.id}/votes`, headers });
      await t.app.inject({ method: 'POST', url: `/api/v1/posts/${targetPost.id}/votes`, headers });
      assert.equal((await merge(source.id, targetPost.id)).json().voteCount, 3);
      assert.equal((await get(targetPost.id, headers)).hasVoted, true);
      const gone = await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${targetPost.id}/votes`, headers });
      assert.deepEqual(gone.json(), { voteCount: 2, hasVoted: false });
      assert.equal(await t.db.selectFrom('votes').select('id').where('person_id', '=', me.id).executeTakeFirst(), undefined);
      assert.equal((await get(source.id)).voteCount, 1, 'the stub lost that vote too');
      await assertCountersExact();
    });
  });
}
