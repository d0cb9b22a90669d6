import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createCompany, createMember } from '../../../test/factories/team.ts';
import { castVote, createBoard, createCustomer, createTestPost, memberHeaders, personHeaders, setAllowAnonymous } from '../../../test/factories/content.ts';

for (const target of testTargets()) {
  describe(`votes [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t)).id;
    });
    after(() => t.close());

    const votesUrl = (postId: string) => `/api/v1/posts/${postId}/votes`;
    const voteRows = (postId: string) => t.db.selectFrom('votes').selectAll().where('post_id', '=', postId).execute();

    test('an end user votes as themselves, idempotently, and takes the vote back', async () => {
      const post = await createTestPost(t, { boardId });
      const me = await createCustomer(t);
      const headers = await personHeaders(t, me.id);
      const first = await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { voteCount: 2, hasVoted: true });
      assert.deepEqual((await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers, payload: {} })).json(), { voteCount: 2, hasVoted: true });
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}`, headers })).json().hasVoted, true);
      assert.equal((await voteRows(post.id)).length, 2);

      const onBehalf = await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers, payload: { voter: { email: 'someone@example.com' } } });
      assert.equal(onBehalf.statusCode, 403);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `${votesUrl(post.id)}?email=someone@example.com`, headers })).statusCode, 403);

      const removed = await t.app.inject({ method: 'DELETE', url: votesUrl(post.id), headers });
      assert.deepEqual(removed.json(), { voteCount: 1, hasVoted: false });
      assert.deepEqual((await t.app.inject({ method: 'DELETE', url: votesUrl(post.id), headers })).json(), { voteCount: 1, hasVoted: false });
      assert.equal((await t.app.inject({ method: 'GET', url: votesUrl(post.id), headers })).statusCode, 403, 'voter lists are for the team');
    });

    test('anonymous visitors vote with name and email only when the workspace allows it', async () => {
      const post = await createTestPost(t, { boardId });
      await setAllowAnonymous(t, true);
      const ok = await t.app.inject({ method: 'POST', url: votesUrl(post.id), payload: { voter: { email: 'Anon@Example.com', name: 'Anon' } } });
      assert.deepEqual(ok.json(), { voteCount: 2, hasVoted: true });
      const missing = await t.app.inject({ method: 'POST', url: votesUrl(post.id), payload: {} });
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().errors[0].field, 'voter.email');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `${votesUrl(post.id)}?email=anon@example.com` })).statusCode, 401, 'an email proves nothing');
      await setAllowAnonymous(t, false);
      const refused = await t.app.inject({ method: 'POST', url: votesUrl(post.id), payload: { voter: { email: 'other@example.com' } } });
      assert.equal(refused.statusCode, 401);
      assert.equal((await voteRows(post.id)).length, 2);
      await setAllowAnonymous(t, true);
    });

    test('the team votes on behalf of customers with importance, recorded with the member, and lists voters', async () => {
      const post = await createTestPost(t, { boardId, author: null });
      const member = await createMember(t.db, t.workspace.id, { role: 'member', name: 'Sam Sales' });
      const headers = await memberHeaders(t, member.id);
      const company = await createCompany(t.db, t.workspace.id, { name: 'Acme' });
      const customer = await createCustomer(t, { email: 'buyer@acme.test', name: 'Bea Buyer' });
      await t.db.updateTable('people').set({ company_id: company.id }).where('id', '=', customer.id).execute();

      const noVoter = await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers, payload: {} });
      assert.equal(noVoter.statusCode, 400);
      assert.equal(noVoter.json().errors[0].field, 'voter');
      const vote = await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers, payload: { voter: { email: 'BUYER@acme.test' }, importance: 3 } });
      assert.deepEqual(vote.json(), { voteCount: 1, hasVoted: true });
      const again = await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers: admin, payload: { voter: { email: 'buyer@acme.test' }, importance: 1 } });
      assert.deepEqual(again.json(), { voteCount: 1, hasVoted: true });
      const [row] = await voteRows(post.id);
      assert.equal(row.importance, 1, 'a repeated vote updates the importance');
      assert.equal(row.voted_by_member_id, member.id, 'and keeps who first voted on their behalf');
      const keep = await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers: admin, payload: { voter: { email: 'buyer@acme.test' } } });
      assert.equal(keep.statusCode, 200);
      assert.equal((await voteRows(post.id))[0].importance, 1, 'no importance given keeps the old one');

      const list = await t.app.inject({ method: 'GET', url: votesUrl(post.id), headers: bearer(await createApiKey(t.db, t.workspace.id, 'read')) });
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(list.json().items.map((v: Record<string, unknown>) => ({ ...v, id: undefined, createdAt: undefined })), [{
        id: undefined, createdAt: undefined, importance: 1,
        person: { id: customer.id, name: 'Bea Buyer', email: 'buyer@acme.test', company: { id: company.id, name: 'Acme' } },
        votedBy: { id: member.id, name: 'Sam Sales' },
        viaPostId: null,
      }]);
      const bad = await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers, payload: { voter: { email: 'x@acme.test' }, importance: 4 } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'importance');
      const noEmail = await t.app.inject({ method: 'DELETE', url: votesUrl(post.id), headers });
      assert.equal(noEmail.statusCode, 400);
      assert.equal(noEmail.json().errors[0].field, 'email');
    });

    test('read-only keys cannot vote; the voter list pages without repeats', async () => {
      const post = await createTestPost(t, { boardId });
      const reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
      assert.equal((await t.app.inject({ method: 'POST', url: votesUrl(post.id), headers: reader, payload: { voter: { email: 'r@example.com' } } })).statusCode, 403);
      for (let i = 0; i < 6; i++) await castVote(t, post.id, `fan-${i}@example.com`);
      // equal timestamps across a page boundary must not lose or repeat anyone
      await t.db.updateTable('votes').set({ created_at: new Date('2026-02-02T00:00:00Z') }).where('post_id', '=', post.id).execute();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&cursor=${cursor}` : '';
        const res = await t.app.inject({ method: 'GET', url: `${votesUrl(post.id)}?limit=2${after}`, headers: reader });
        assert.equal(res.statusCode, 200, res.body);
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = res.json();
        seen.push(...page.items.map((v) => v.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7);
      assert.equal((await t.app.inject({ method: 'GET', url: `${votesUrl(post.id)}?cursor=bogus`, headers: reader })).statusCode, 400);
    });
  });
}
