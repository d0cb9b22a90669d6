import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { enqueueDemandRefresh } from '../demand/index.ts';
import { findCompany } from '../companies/index.ts';
import { canManagePeople } from './people.policy.ts';
import { findPersonRow, type PersonRow } from './people.repo.ts';
import { personNotFound, unknownCompany } from './people.errors.ts';
import type { UpdatePersonInput } from './people.schemas.ts';

/** Renames a person or moves them to a company; the company must belong to the same workspace. */
export async function updatePerson(ctx: Context, personId: string, input: UpdatePersonInput): Promise<PersonRow> {
  if (!canManagePeople(ctx.actor)) throw forbidden('Only the team can change people');
  const workspaceId = ctx.actor.workspaceId;
  if (input.companyId && !(await findCompany(ctx.db, workspaceId, input.companyId))) throw unknownCompany();
  const updated = await withTransaction(ctx.db, async (tx) => {
    const row = await tx
      .updateTable('people')
      .set({
        ...(input.name !== undefined ? { name: input.name === null ? null : input.name.trim() } : {}),
        ...(input.companyId !== undefined ? { company_id: input.companyId } : {}),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', personId)
      .returning('id')
      .executeTakeFirst();
    // the company decides the segment and revenue this person's votes bring to the demand score
    if (row && input.companyId !== undefined) await enqueueDemandRefresh(tx, { scope: 'person', workspaceId, personId: row.id });
    return row;
  });
  const person = updated && (await findPersonRow(ctx.db, workspaceId, updated.id));
  if (!person) throw personNotFound();
  return person;
}
