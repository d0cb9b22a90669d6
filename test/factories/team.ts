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

export async function createCompany(
  db: Db,
  workspaceId: string,
  opts: { name?: string; domain?: string | null; monthlyRevenue?: number; segment?: string | null } = {},
) {
  return db
    .insertInto('companies')
    .values({
      workspace_id: workspaceId,
      name: opts.name ?? `Company ${randomBytes(4).toString('hex')}`,
      domain: opts.domain ?? null,
      monthly_revenue: opts.monthlyRevenue ?? 0,
      segment: opts.segment ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An end user; `companyId` links them to a company (create it with createCompany first). */
export async function createPerson(
  db: Db,
  workspaceId: string,
  opts: { email?: string; name?: string | null; externalId?: string | null; companyId?: string | null; createdAt?: Date } = {},
) {
  return db
    .insertInto('people')
    .values({
      workspace_id: workspaceId,
      email: opts.email ?? `person-${randomBytes(4).toString('hex')}@example.com`,
      name: opts.name === undefined ? 'Pat Customer' : opts.name,
      external_id: opts.externalId ?? null,
      company_id: opts.companyId ?? null,
      ...(opts.createdAt ? { created_at: opts.createdAt } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
