import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { testTargets } from '../../test/db.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { castVote, createTestPost } from '../../test/factories/content.ts';

/** The millisecond a UUID version 7 was made (its first 48 bits), or null for any other version. */
function v7Millis(id: string): number | null {
  const hex = id.replace(/-/g, '');
  if (hex[12] !== '7' || !'89ab'.includes(hex[16]!)) return null;
  return Number.parseInt(hex.slice(0, 12), 16);
}

for (const target of testTargets()) {
  describe(`time-ordered ids (migration 20261123120000) [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(target);
    });
    after(() => t.close());

    test('backboard_uuidv7() makes RFC 9562 version-7 uuids that carry the current millisecond and sort by it', async () => {
      const made: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { rows } = await sql<{ id: string }>`select backboard_uuidv7()::text as id`.execute(t.db);
        made.push(rows[0]!.id);
        await sleep(3);
      }
      const { rows: many } = await sql<{ id: string }>`select backboard_uuidv7()::text as id from generate_series(1, 1000)`.execute(t.db);
      const now = Date.now();
      for (const id of made) {
        const ms = v7Millis(id);
        assert.ok(ms !== null, `${id} is not a version-7 uuid`);
        assert.ok(Math.abs(now - ms) < 60_000, `${id} carries ${new Date(ms).toISOString()}, not the current time`);
      }
      assert.deepEqual([...made].sort(), made, 'ids made in later milliseconds sort after earlier ones');
      assert.equal(new Set(many.map((r) => r.id)).size, 1000, 'ids made in the same millisecond still differ');
      assert.ok(many.every((r) => v7Millis(r.id) !== null));
    });

    test('a new voter, their vote, their subscription and a new post get time-ordered ids; secrets keep random ones', async () => {
      const post = await createTestPost(t);
      await castVote(t, post.id, 'first-time-voter@example.com');
      const person = await t.db.selectFrom('people').select('id').where('email', '=', 'first-time-voter@example.com').executeTakeFirstOrThrow();
      const vote = await t.db.selectFrom('votes').select('id').where('person_id', '=', person.id).executeTakeFirstOrThrow();
      const subscription = await t.db.selectFrom('subscriptions').select('id').where('person_id', '=', person.id).executeTakeFirstOrThrow();
      for (const [what, id] of Object.entries({ post: post.id, person: person.id, vote: vote.id, subscription: subscription.id })) {
        assert.notEqual(v7Millis(id), null, `the ${what}'s id ${id} is not time-ordered`);
      }
      const { rows } = await sql<{ table_name: string; column_default: string }>`
        select table_name, column_default from information_schema.columns
        where table_schema = 'public' and column_name = 'id' and table_name in ('sessions', 'api_keys')`.execute(t.db);
      assert.equal(rows.length, 2);
      for (const r of rows) assert.equal(r.column_default, 'gen_random_uuid()', `${r.table_name} ids must stay random`);
    });
  });
}
