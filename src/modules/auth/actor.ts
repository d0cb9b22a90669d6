// Who is acting. Resolved once per request by src/http/auth.ts (or built directly by the CLI and
// tests) and passed to use-cases inside the context; policies decide on it.
import type { ApiScope, Role } from '../../db/schema.ts';

export type Actor =
  | { kind: 'anonymous'; workspaceId: string }
  | { kind: 'person'; workspaceId: string; personId: string }
  | { kind: 'member'; workspaceId: string; memberId: string; role: Role }
  | { kind: 'api_key'; workspaceId: string; apiKeyId: string; scope: ApiScope }
  // the CLI and the seeders act with full rights inside one workspace
  | { kind: 'system'; workspaceId: string };

/** Team-side actors: members, API keys, the system. They see private boards and internal comments. */
export function isTeam(actor: Actor): boolean {
  return actor.kind === 'member' || actor.kind === 'api_key' || actor.kind === 'system';
}

/** May change content (triage, edit, vote on behalf). Read-only API keys may not. */
export function canWrite(actor: Actor): boolean {
  if (actor.kind === 'member' || actor.kind === 'system') return true;
  return actor.kind === 'api_key' && (actor.scope === 'write' || actor.scope === 'admin');
}

/** May administer the workspace (boards, statuses, members, API keys). */
export function canAdmin(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'member') return actor.role === 'owner' || actor.role === 'admin';
  return actor.kind === 'api_key' && actor.scope === 'admin';
}

export function memberIdOf(actor: Actor): string | null {
  return actor.kind === 'member' ? actor.memberId : null;
}
