export type { Actor } from './actor.ts';
export { isTeam, canWrite, canAdmin, memberIdOf } from './actor.ts';
export { resolveActor, forgetApiKeys, type ResolvedActor } from './resolve-actor.ts';
export { startSession, endSession, SESSION_TTL_DAYS } from './start-session.ts';
