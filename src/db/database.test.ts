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

  describe(`begin goes out with the transaction's first statement [${target.name}]`, () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb(target);
      await sql`create table begin_probe (id int primary key)`.execute(t.db);
    });
    after(() => t.drop());

    test('the first statement runs inside the transaction: a rollback undoes it, a commit keeps it', async () => {
      await assert.rejects(t.db.transaction().execute(async (tx) => {
        const { rows } = await sql<{ open: boolean }>`select now() = statement_timestamp() as open`.execute(tx);
        // now() is the transaction's start: in a transaction opened before this statement it is
        // earlier than the statement's own timestamp
        assert.equal(rows[0]?.open, false, 'a transaction was open before the first statement ran');
        await sql`insert into begin_probe values (1)`.execute(tx);
        throw new Error('roll back');
      }), /roll back/);
      assert.deepEqual((await sql`select id from begin_probe`.execute(t.db)).rows, []);
      await t.db.transaction().execute(async (tx) => {
        await sql`insert into begin_probe values (2)`.execute(tx);
        await sql`insert into begin_probe values (3)`.execute(tx);
      });
      assert.deepEqual((await sql<{ id: number }>`select id from begin_probe order by id`.execute(t.db)).rows.map((r) => r.id), [2, 3]);
    });

    test('a failing first statement fails the transaction and leaves the connection clean; an empty transaction works', async () => {
      await assert.rejects(t.db.transaction().execute(async (tx) => {
        await sql`insert into begin_probe values (null)`.execute(tx);
      }), /null value/);
      await t.db.transaction().execute(async () => {});
      // every pooled connection is back to autocommit: a plain insert is visible at once elsewhere
      await Promise.all([4, 5, 6].map((id) => sql`insert into begin_probe values (${id})`.execute(t.db)));
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from begin_probe where id >= 4`.execute(t.db);
      assert.equal(rows[0]?.n, 3);
      const idle = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and state = 'idle in transaction'`.execute(t.db);
      assert.equal(idle.rows[0]?.n, 0, 'no connection was left inside a transaction');
    });
  });
}
