// Listens to the database's change notifications (migrations/20261123060500_change-notify.sql) so
// in-process caches stay correct when other processes, the CLI or the worker write. On a lost
// connection it reconnects with backoff and reports a reset (notifications may have been missed).
import pg from 'pg';

export const CHANGES_CHANNEL = 'backboard_changes';

export type ChangeFeed = { stop(): Promise<void> };

export function startChangeFeed(opts: {
  connectionString: string;
  onChange: (workspaceId: string) => void;
  /** Called after (re)connecting: anything cached before may be stale. */
  onReset: () => void;
  log: { warn(obj: unknown, msg?: string): void };
}): ChangeFeed {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 250;
  let timer: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: opts.connectionString });
    next.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) opts.onChange(message.payload);
    });
    next.on('error', (error) => {
      opts.log.warn({ err: error }, 'change feed connection lost; reconnecting');
      void next.end().catch(() => {});
      if (client === next) client = null;
      schedule();
    });
    try {
      await next.connect();
      await next.query(`listen ${CHANGES_CHANNEL}`);
      if (stopped) {
        await next.end();
        return;
      }
      client = next;
      retryMs = 250;
      opts.onReset();
    } catch (error) {
      opts.log.warn({ err: error }, 'change feed could not connect; retrying');
      await next.end().catch(() => {});
      schedule();
    }
  };

  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
