// The pg pool and the Kysely instance over it. One driver (pg), one query layer (Kysely):
// docs/adr/0002-query-layer.md.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Use-cases and repositories accept either the root handle or an open transaction. */
export type DbOrTx = Db | Tx;

// int8 (count(*)) as number: our counts never approach 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * Statements whose text starts with this comment are prepared once per connection and then only
 * bound and executed: no parse, analysis or planning per call (PostgreSQL switches to the cached
 * generic plan after five custom ones). Only for hot statements whose text never varies — arrays
 * as parameters (`= any($1::uuid[])`, `unnest(…)`), not `in (…)` or multi-row `values` lists,
 * whose text changes with their length. docs/adr/0002-query-layer.md.
 */
export const PREPARED = '/* prepared */';

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `bb_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Makes a pooled client send statements marked PREPARED as named (prepared) statements. */
function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // Kysely calls query(text, values); every other form passes through untouched.
  const marked = (...args: unknown[]): unknown => {
    const [text, values] = args;
    if (args.length <= 2 && typeof text === 'string' && text.startsWith(PREPARED) && (values === undefined || Array.isArray(values))) {
      return query({ name: statementName(text), text, values });
    }
    return query(...args);
  };
  client.query = marked as unknown as typeof client.query;
}

export function createDatabase(connectionString: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 20, idleTimeoutMillis: 30_000 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  pool.on('connect', prepareMarkedStatements);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Run fn in one transaction (the one-transaction-per-use-case rule), or join the caller's. */
export async function withTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  return (db as Db).transaction().execute(fn);
}
