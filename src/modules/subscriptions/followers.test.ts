import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideFollowers, type GroupSubscriptionRow } from './followers.ts';

const T = 'target';
const S = 'source';
const row = (post: string, person: string, unsubscribed = false): GroupSubscriptionRow => ({
  group_post_id: T, post_id: post, person_id: person, member_id: null, unsubscribed_at: unsubscribed ? new Date() : null,
});
const following = (rows: GroupSubscriptionRow[]) =>
  Object.fromEntries(decideFollowers(rows).map((d) => [d.personId, d.isFollowing]));

test('subscribers of merged posts follow the target, once each', () => {
  const decisions = decideFollowers([row(T, 'ann'), row(S, 'ann'), row(S, 'bob')]);
  assert.equal(decisions.length, 2);
  assert.deepEqual(following([row(T, 'ann'), row(S, 'ann'), row(S, 'bob')]), { ann: true, bob: true });
});

test("the target's own row decides: an unfollow of the target beats a vote on a merged post", () => {
  assert.deepEqual(following([row(S, 'ann'), row(T, 'ann', true)]), { ann: false });
  assert.deepEqual(following([row(T, 'ann', true), row(S, 'ann')]), { ann: false });
  assert.deepEqual(following([row(S, 'ann', true), row(T, 'ann')]), { ann: true });
});

test('without a row on the target, any live subscription in the group counts', () => {
  assert.deepEqual(following([row(S, 'ann', true), row('other-source', 'ann')]), { ann: true });
  assert.deepEqual(following([row(S, 'ann', true)]), { ann: false });
});

test('people and members with the same id are different recipients', () => {
  const decisions = decideFollowers([row(T, 'x'), { ...row(T, 'x'), person_id: null, member_id: 'x' }]);
  assert.equal(decisions.length, 2);
});
