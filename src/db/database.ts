// The pg pool and the Kysely instance over it. One driver (pg), one query layer (Kysely):
// docs/adr/0002-query-layer.md.
import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Use-cases and repositories accept either the root handle or an open transaction. */
export type DbOrTx = Db | Tx;

// int8 (count(*)) as number: our counts never approach 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function createDatabase(connectionString: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 20, idleTimeoutMillis: 30_000 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Run fn in one transaction (the one-transaction-per-use-case rule), or join the caller's. */
export async function withTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  return (db as Db).transaction().execute(fn);
}
