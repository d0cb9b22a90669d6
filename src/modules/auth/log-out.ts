import type { Context } from '../context.ts';
import { endSession } from './start-session.ts';

/** Ends the browser's session server-side (the cookie alone is not enough: it could have been copied). */
export async function logOut(ctx: Context, sessionId: string | null): Promise<void> {
  if (sessionId) await endSession(ctx.db, sessionId);
}
