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

type QueryFn = (...args: unknown[]) => Promise<unknown>;

/**
 * Tunes a pooled client's `query` (Kysely calls query(text, values); every other form passes through):
 * - statements marked PREPARED are sent as named (prepared) statements;
 * - a transaction's `begin` is not sent alone: it goes out with the transaction's first statement,
 *   back to back on the wire (the client runs in pg's pipeline mode), and that statement's promise
 *   settles only after both answered, failing if `begin` failed. One round trip less per
 *   transaction, as JDBC drivers do; docs/adr/0002-query-layer.md, "BEGIN with the first statement".
 *   Kysely only ever sends one statement at a time on a connection, so nothing else is pipelined,
 *   and it ends every transaction with commit or rollback, which carries a begin still held back:
 *   no connection goes back to the pool with one pending.
 */
function tuneClient(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  let beginPending = false;
  const send = (args: unknown[]): Promise<unknown> => {
    const [text, values] = args;
    if (args.length <= 2 && typeof text === 'string' && text.startsWith(PREPARED) && (values === undefined || Array.isArray(values))) {
      return query({ name: statementName(text), text, values });
    }
    return query(...args);
  };
  const tuned = (...args: unknown[]): Promise<unknown> => {
    const [text, values] = args;
    if (args.length <= 2 && text === 'begin' && (values === undefined || (Array.isArray(values) && values.length === 0)) && !beginPending) {
      beginPending = true;
      return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [] });
    }
    if (!beginPending) return send(args);
    beginPending = false;
    const begun = query('begin');
    const result = send(args);
    // a failed begin fails the statement sent with it (the error is begin's); both are always awaited
    return Promise.allSettled([begun, result]).then(([b, r]) => {
      if (b.status === 'rejected') throw b.reason;
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    });
  };
  client.query = tuned as unknown as typeof client.query;
}

export function createDatabase(connectionString: string, opts: { max?: number } = {}): Db {
  // pipeline: a query is written as soon as it is issued instead of after the previous one's answer;
  // only tuneClient issues two at once (begin + the first statement)
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 20, idleTimeoutMillis: 30_000, pipeline: true } as pg.PoolConfig);
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  pool.on('connect', tuneClient);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Run fn's reads on one snapshot (a read-only, repeatable-read transaction): a page and the totals
 * shown beside it count the same rows, however much is written meanwhile. Joins the caller's
 * transaction when there is one.
 */
export async function withSnapshot<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  return (db as Db).transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
}

/** Run fn in one transaction (the one-transaction-per-use-case rule), or join the caller's. */
export async function withTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  return (db as Db).transaction().execute(fn);
}
