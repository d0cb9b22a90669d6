import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb, testTargets, type TestDb } from '../../test/db.ts';
import { PREPARED } from './database.ts';

for (const target of testTargets()) {
  describe(`prepared statements [${target.name}]`, () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb(target);
    });
    after(() => t.drop());

    test('a statement marked PREPARED is prepared once per connection and reused; others are not prepared', async () => {
      assert.equal(PREPARED, '/* prepared */');
      await t.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 7; i++) {
          const { rows } = await sql<{ n: number }>`/* prepared */ select ${i}::int + 1 as n`.execute(tx);
          assert.equal(rows[0]?.n, i + 1, 'each call binds its own values');
        }
        await sql`select ${1}::int as plain`.execute(tx);
        const { rows } = await sql<{ name: string; statement: string; calls: number }>`
          select name, statement, generic_plans + custom_plans as calls from pg_prepared_statements`.execute(tx);
        assert.equal(rows.length, 1, JSON.stringify(rows));
        assert.match(rows[0]!.name, /^bb_[0-9a-f]{24}$/);
        assert.equal(rows[0]!.statement, '/* prepared */ select $1::int + 1 as n');
        assert.equal(rows[0]!.calls, 7, 'parsed once, executed seven times');
      });
    });
  });
}
