import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import type { Status } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageStatuses } from './statuses.policy.ts';
import { clearDefaultStatus, isStatusSlugTaken, lockStatusRows, writeStatusPositions } from './statuses.repo.ts';
import { defaultRequired, statusNotFound, statusSlugTaken } from './statuses.errors.ts';
import type { UpdateStatusInput } from './statuses.schemas.ts';

/**
 * Renames, recolours, re-kinds or moves a status. Exactly one status is the default at all times:
 * making one the default unsets the previous one, and the default cannot simply be switched off.
 */
export async function updateStatus(ctx: Context, statusId: string, input: UpdateStatusInput): Promise<Status> {
  if (!canManageStatuses(ctx.actor)) throw forbidden('Only admins can change statuses');
  const workspaceId = ctx.actor.workspaceId;
  return withTransaction(ctx.db, async (tx) => {
    const all = await lockStatusRows(tx, workspaceId);
    const status = all.find((s) => s.id === statusId);
    if (!status) throw statusNotFound();
    if (input.slug && input.slug !== status.slug && (await isStatusSlugTaken(tx, workspaceId, input.slug, status.id))) {
      throw statusSlugTaken(input.slug);
    }
    if (input.isDefault === false && status.is_default) throw defaultRequired();
    if (input.isDefault === true && !status.is_default) await clearDefaultStatus(tx, workspaceId);
    if (input.position !== undefined) {
      const others = all.filter((s) => s.id !== status.id);
      others.splice(Math.min(input.position, others.length), 0, status);
      await writeStatusPositions(tx, others);
    }
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.isDefault === true ? { is_default: true } : {}),
    };
    if (Object.keys(changes).length === 0) {
      return tx.selectFrom('statuses').selectAll().where('id', '=', status.id).executeTakeFirstOrThrow();
    }
    return tx.updateTable('statuses').set(changes).where('id', '=', status.id).returningAll().executeTakeFirstOrThrow();
  });
}
