// Factories for the team side: members and API keys, inserted directly (fast test set-up).
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/database.ts';
import type { ApiScope, Role } from '../../src/db/schema.ts';
import { hashPassword, hashToken, randomToken } from '../../src/lib/tokens.ts';

// hashing once keeps factories fast; every factory member gets this password
export const FACTORY_PASSWORD = 'factory-password-123';
let cachedHash: Promise<string> | null = null;

export async function createMember(db: Db, workspaceId: string, opts: { role?: Role; email?: string; name?: string } = {}) {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  return db
    .insertInto('members')
    .values({
      workspace_id: workspaceId,
      email: opts.email ?? `member-${randomBytes(4).toString('hex')}@example.com`,
      name: opts.name ?? 'Team Member',
      role: opts.role ?? 'admin',
      password_hash: await cachedHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Returns the plaintext key, ready for `authorization: Bearer <key>`. */
export async function createApiKey(db: Db, workspaceId: string, scope: ApiScope = 'admin'): Promise<string> {
  const key = randomToken('bb_');
  await db
    .insertInto('api_keys')
    .values({ workspace_id: workspaceId, name: `test ${scope}`, prefix: key.slice(0, 10), key_hash: hashToken(key), scope })
    .execute();
  return key;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
