// Factories for content: boards, people, posts, votes, plus a signed-in end user's request headers.
// Posts and votes go through the real use-cases (acting as the system), so counters and hot scores
// are what the app itself would produce.
import { randomBytes } from 'node:crypto';
import type { TestApp } from '../app.ts';
import type { Context } from '../../src/modules/context.ts';
import type { Actor } from '../../src/modules/auth/index.ts';
import { startSession } from '../../src/modules/auth/index.ts';
import { findOrCreatePerson } from '../../src/modules/people/index.ts';
import { createPost, presentPost, type PostJson } from '../../src/modules/posts/index.ts';
import { voteForPost } from '../../src/modules/votes/index.ts';
import type { Visibility } from '../../src/db/schema.ts';

const silent = { info() {}, warn() {}, error() {} };
const unique = () => randomBytes(4).toString('hex');

/** A use-case context for the test app's database, acting as `actor` (default: the system in the default workspace). */
export function contextFor(t: TestApp, actor: Actor = { kind: 'system', workspaceId: t.workspace.id }): Context {
  return { actor, db: t.db, now: new Date(), config: t.config, mailer: t.mailer, log: silent };
}

export async function createBoard(t: TestApp, opts: { name?: string; visibility?: Visibility; workspaceId?: string } = {}) {
  const name = opts.name ?? `Board ${unique()}`;
  return t.db
    .insertInto('boards')
    .values({
      workspace_id: opts.workspaceId ?? t.workspace.id,
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${unique()}`,
      visibility: opts.visibility ?? 'public',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createCustomer(t: TestApp, opts: { email?: string; name?: string; workspaceId?: string } = {}) {
  const workspaceId = opts.workspaceId ?? t.workspace.id;
  return findOrCreatePerson(contextFor(t, { kind: 'system', workspaceId }), {
    email: opts.email ?? `customer-${unique()}@example.com`,
    name: opts.name ?? 'Casey Customer',
  });
}

/** A post made through createPost; a board is created when none is given. `author` is a customer email. */
export async function createTestPost(
  t: TestApp,
  opts: { boardId?: string; title?: string; body?: string; author?: string | null; tags?: string[]; workspaceId?: string } = {},
): Promise<PostJson> {
  const workspaceId = opts.workspaceId ?? t.workspace.id;
  const boardId = opts.boardId ?? (await createBoard(t, { workspaceId })).id;
  const author = opts.author === null ? undefined : { email: opts.author ?? `author-${unique()}@example.com`, name: 'Avery Author' };
  const detail = await createPost(contextFor(t, { kind: 'system', workspaceId }), {
    boardId,
    title: opts.title ?? `Please add feature ${unique()}`,
    body: opts.body ?? 'It would help **a lot**.',
    author,
    tags: opts.tags,
  });
  return presentPost(detail);
}

/** Votes for the post as `email` (a customer, created when new), through the vote use-case. */
export async function castVote(t: TestApp, postId: string, email: string, importance?: number) {
  return voteForPost(contextFor(t), postId, { voter: { email }, importance });
}

export async function setAllowAnonymous(t: TestApp, allow: boolean, workspaceId = t.workspace.id): Promise<void> {
  await t.db.updateTable('workspaces').set({ allow_anonymous: allow }).where('id', '=', workspaceId).execute();
}

/**
 * Request headers of a signed-in browser user (an end user or a team member): the session cookie
 * plus the CSRF cookie and token a browser holds after GET /api/v1/me (cookie-authenticated changes
 * need both).
 */
export async function sessionHeaders(
  t: TestApp,
  who: { personId: string } | { memberId: string },
  workspaceId = t.workspace.id,
): Promise<Record<string, string>> {
  const { token } = await startSession(t.db, { workspaceId, ...who, previousSessionId: null, now: new Date() });
  const session = `bb_session=${token}`;
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
  if (me.statusCode !== 200) throw new Error(`GET /api/v1/me failed: ${me.statusCode} ${me.body}`);
  const csrf = me.cookies.find((c) => c.name === 'bb_csrf');
  if (!csrf) throw new Error('GET /api/v1/me set no CSRF cookie');
  return { cookie: `${session}; bb_csrf=${csrf.value}`, 'x-csrf-token': me.json().csrfToken };
}

export const personHeaders = (t: TestApp, personId: string, workspaceId = t.workspace.id) => sessionHeaders(t, { personId }, workspaceId);
export const memberHeaders = (t: TestApp, memberId: string, workspaceId = t.workspace.id) => sessionHeaders(t, { memberId }, workspaceId);
