// Votes arriving together are cast in one transaction (castVotes, through the vote writer): every
// item keeps its own outcome and the rules of one vote at a time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { contextFor, createBoard, createCustomer, createTestPost, setAllowAnonymous } from '../../../test/factories/content.ts';
import { withTransaction } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../auth/index.ts';
import { deletePost, planParticipant } from '../posts/index.ts';
import { mergePost } from '../merges/index.ts';
import { castVotes, type VoteCommand } from './cast-votes.ts';
import { createVoteWriter } from './vote-for-post.ts';

for (const target of testTargets()) {
  describe(`votes in batches [${target.name}]`, () => {
    let t: TestApp;
    let boardId: string;
    let system: Actor;

    before(async () => {
      t = await createTestApp(target);
      boardId = (await createBoard(t)).id;
      system = { kind: 'system', workspaceId: t.workspace.id };
    });
    after(() => t.close());

    const command = (actor: Actor, postId: string, voter?: { email: string }, importance?: number): VoteCommand =>
      ({ actor, postId, voter: planParticipant(actor, voter, 'voter'), importance });
    const codeOf = (outcome: unknown) => {
      const o = outcome as { ok?: boolean; error?: unknown; retry?: boolean };
      if (o.retry) return 'retry';
      if (o.ok) return 'ok';
      return o.error instanceof AppError ? o.error.code : String(o.error);
    };
    const count = async (postId: string) =>
      (await t.db.selectFrom('posts').select('vote_count').where('id', '=', postId).executeTakeFirstOrThrow()).vote_count;

    test('one batch, many outcomes: new votes, a repeat, refusals, a redirect — and exact counters', async () => {
      const a = await createTestPost(t, { boardId, author: null });
      const b = await createTestPost(t, { boardId, author: null });
      const gone = await createTestPost(t, { boardId, author: null });
      await deletePost(contextFor(t), gone.id);
      const stub = await createTestPost(t, { boardId, author: null });
      await mergePost(contextFor(t), stub.id, { into: b.id });
      const privateBoard = await createBoard(t, { visibility: 'private' });
      const hidden = await createTestPost(t, { boardId: privateBoard.id, author: null });
      await setAllowAnonymous(t, false);
      const me = await createCustomer(t);
      const person: Actor = { kind: 'person', workspaceId: t.workspace.id, personId: me.id };
      const visitor: Actor = { kind: 'anonymous', workspaceId: t.workspace.id };

      const commands = [
        command(system, a.id, { email: 'One@Example.com' }, 2), // new
        command(system, a.id, { email: 'one@example.com ' }, 3), // same person and post: next batch
        command(system, b.id, { email: 'two@example.com' }),
        command(person, a.id), // signed-in person, as themselves
        command(system, stub.id, { email: 'three@example.com' }), // merged post: goes to b
        command(system, gone.id, { email: 'four@example.com' }),
        command(visitor, hidden.id, { email: 'five@example.com' }), // a private board does not exist for visitors
        command(visitor, a.id, { email: 'six@example.com' }), // anonymous voting is off
        command(system, a.id), // the team must name the customer
      ];
      const outcomes = await withTransaction(t.db, (tx) => castVotes(tx, commands));
      assert.deepEqual(outcomes.map(codeOf), ['ok', 'retry', 'ok', 'ok', 'ok', 'post_deleted', 'post_not_found', 'sign_in_required', 'voter_required']);
      assert.deepEqual(outcomes[0], { ok: true, value: { voteCount: 2, hasVoted: true } });
      assert.deepEqual(outcomes[4], { ok: true, value: { voteCount: 2, hasVoted: true } }, 'b: two@ and three@ (via the merged post)');
      assert.equal(await count(a.id), 2);
      assert.equal(await count(b.id), 2);

      // the repeat, in a batch of its own: idempotent, with the new importance
      const [again] = await withTransaction(t.db, (tx) => castVotes(tx, [commands[1]!]));
      assert.deepEqual(again, { ok: true, value: { voteCount: 2, hasVoted: true } });
      const row = await t.db.selectFrom('votes').innerJoin('people', 'people.id', 'votes.person_id')
        .select(['votes.importance', 'people.email']).where('votes.post_id', '=', a.id).where('people.email', '=', 'one@example.com').executeTakeFirstOrThrow();
      assert.equal(row.importance, 3);
      const followers = await t.db.selectFrom('subscriptions').select('person_id').where('post_id', '=', b.id).execute();
      assert.equal(followers.length, 2, 'new voters follow the post their vote went to');
      const dirty = await t.db.selectFrom('demand_dirty').select('post_id').where('post_id', 'in', [a.id, b.id]).execute();
      assert.equal(dirty.length, 2, 'both posts are marked for a demand refresh');
    });

    test('the writer: 90 concurrent votes (30 repeats) end in one vote per person and exact counts, in a few transactions', async () => {
      const posts = await Promise.all([1, 2, 3].map(() => createTestPost(t, { boardId, author: null })));
      const batchSizes: number[] = [];
      const writer = createVoteWriter(t.db, { concurrency: 2, onBatch: (size) => batchSizes.push(size) });
      // vote i: post i % 3, voter i % 20 — the pairs repeat with period 60
      const results = await Promise.all(Array.from({ length: 90 }, (_, i) =>
        writer.submit(command(system, posts[i % 3]!.id, { email: `voter-${i % 20}@example.com` }))));
      assert.ok(results.every((r) => r.hasVoted));
      for (const post of posts) {
        const voters = await t.db.selectFrom('votes').select('person_id').where('post_id', '=', post.id).execute();
        assert.equal(voters.length, 20);
        assert.equal(await count(post.id), 20);
      }
      await writer.idle();
      assert.ok(batchSizes.length < 20, `90 votes in ${batchSizes.length} batches (${batchSizes.join(', ')})`);
      const ran = batchSizes.reduce((a, b) => a + b, 0);
      assert.ok(ran >= 90 && ran <= 120, `a repeat met in the same batch as its first vote runs once more, in a later one (${ran} runs)`);
    });
  });
}
