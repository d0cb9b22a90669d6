// Tells every Backboard process that a workspace changed (channel backboard_changes, read by
// src/db/change-feed.ts), after the change committed. Coalesced per workspace: at most one NOTIFY
// per workspace per window, so a burst of votes costs one notification, not one per vote.
import { sql } from 'kysely';
import type { DbOrTx } from './database.ts';
import { CHANGES_CHANNEL } from './change-feed.ts';

export type ChangeNotifier = { changed(workspaceId: string): void; flush(): Promise<void> };

export function createChangeNotifier(db: DbOrTx, opts: { windowMs?: number; onError?: (error: unknown) => void } = {}): ChangeNotifier {
  const windowMs = opts.windowMs ?? 50;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  const send = async () => {
    timer = null;
    const workspaces = [...pending];
    pending.clear();
    for (const workspaceId of workspaces) {
      await sql`select pg_notify(${CHANGES_CHANNEL}, ${workspaceId})`.execute(db).catch((error) => opts.onError?.(error));
    }
  };

  return {
    changed(workspaceId) {
      pending.add(workspaceId);
      if (!timer) {
        timer = setTimeout(() => {
          inFlight = send();
        }, windowMs);
        timer.unref();
      }
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        inFlight = send();
      }
      await inFlight;
    },
  };
}
