import type { DbOrTx } from '../../db/database.ts';
import type { Status, StatusKind } from '../../db/schema.ts';
import { isUuid } from '../../lib/ids.ts';

const KINDS = new Set<string>(['open', 'under_review', 'planned', 'in_progress', 'shipped', 'declined', 'duplicate']);

export function isStatusKind(value: string): value is StatusKind {
  return KINDS.has(value);
}

export async function listStatusRows(db: DbOrTx, workspaceId: string): Promise<Status[]> {
  return db.selectFrom('statuses').selectAll().where('workspace_id', '=', workspaceId)
    .orderBy('position').orderBy('created_at').orderBy('id').execute();
}

/** Row-locks every status of the workspace: changes to the default and to positions serialise here. */
export async function lockStatusRows(db: DbOrTx, workspaceId: string): Promise<Status[]> {
  return db.selectFrom('statuses').selectAll().where('workspace_id', '=', workspaceId)
    .orderBy('position').orderBy('created_at').orderBy('id').forUpdate().execute();
}

/** By id or slug, the two ways clients name a status. */
export async function findStatus(db: DbOrTx, workspaceId: string, idOrSlug: string): Promise<Status | undefined> {
  const isId = isUuid(idOrSlug);
  return db.selectFrom('statuses').selectAll().where('workspace_id', '=', workspaceId)
    .where(isId ? 'id' : 'slug', '=', isId ? idOrSlug : idOrSlug.toLowerCase())
    .executeTakeFirst();
}

/**
 * The status a client names when setting one: its id or slug, else the first status of that kind
 * ("in_progress"), else its name ("In progress"), so integrators need not look up ids first.
 */
export async function findStatusByRef(db: DbOrTx, workspaceId: string, ref: string): Promise<Status | undefined> {
  const value = ref.trim();
  const exact = await findStatus(db, workspaceId, value);
  if (exact) return exact;
  return db.selectFrom('statuses').selectAll().where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([
      ...(isStatusKind(value.toLowerCase()) ? [eb('kind', '=', value.toLowerCase() as StatusKind)] : []),
      eb(eb.fn('lower', ['name']), '=', value.toLowerCase()),
    ]))
    .orderBy((eb) => eb.case().when('kind', '=', value.toLowerCase() as StatusKind).then(0).else(1).end())
    .orderBy('position')
    .executeTakeFirst();
}

/** Statuses a filter value names: an id, a slug, a kind (which may match several, or none) or a name. */
export async function findStatusesMatching(db: DbOrTx, workspaceId: string, ref: string): Promise<Status[]> {
  const value = ref.trim().toLowerCase();
  return db.selectFrom('statuses').selectAll().where('workspace_id', '=', workspaceId)
    .where((eb) => {
      const ors = [eb('slug', '=', value), eb(eb.fn('lower', ['name']), '=', value)];
      if (isUuid(value)) ors.push(eb('id', '=', value));
      if (isStatusKind(value)) ors.push(eb('kind', '=', value));
      return eb.or(ors);
    })
    .execute();
}

export async function findDefaultStatus(db: DbOrTx, workspaceId: string): Promise<Status | undefined> {
  return db.selectFrom('statuses').selectAll().where('workspace_id', '=', workspaceId).where('is_default', '=', true).executeTakeFirst();
}

export async function isStatusSlugTaken(db: DbOrTx, workspaceId: string, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('statuses').select('id').where('workspace_id', '=', workspaceId).where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return Boolean(await query.executeTakeFirst());
}

export async function clearDefaultStatus(db: DbOrTx, workspaceId: string): Promise<void> {
  await db.updateTable('statuses').set({ is_default: false }).where('workspace_id', '=', workspaceId).where('is_default', '=', true).execute();
}

/** Writes positions 0…n-1 in the given order. */
export async function writeStatusPositions(db: DbOrTx, ordered: Array<Pick<Status, 'id' | 'position'>>): Promise<void> {
  for (const [position, status] of ordered.entries()) {
    if (status.position !== position) await db.updateTable('statuses').set({ position }).where('id', '=', status.id).execute();
  }
}

/** How many posts (deleted ones too) and status changes still point at the status. */
export async function countStatusUses(db: DbOrTx, statusId: string): Promise<{ posts: number; history: number }> {
  const posts = await db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).where('status_id', '=', statusId).executeTakeFirstOrThrow();
  const history = await db.selectFrom('status_changes').select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('to_status_id', '=', statusId), eb('from_status_id', '=', statusId)]))
    .executeTakeFirstOrThrow();
  return { posts: Number(posts.n), history: Number(history.n) };
}
