import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor, isTimeKey } from '../../lib/cursor.ts';
import { canViewPeople } from './people.policy.ts';
import { listPersonRows, type PersonRow } from './people.repo.ts';
import { invalidCursor } from './people.errors.ts';
import type { ListPeopleInput } from './people.schemas.ts';
import { isUuid } from '../../lib/ids.ts';


export async function listPeople(ctx: Context, input: ListPeopleInput): Promise<{ items: PersonRow[]; nextCursor: string | null }> {
  if (!canViewPeople(ctx.actor)) throw forbidden('Only the team can see people');
  const limit = input.limit ?? 50;
  let after: { createdKey: string; id: string } | null = null;
  if (input.cursor) {
    const values = decodeCursor(input.cursor, 2);
    if (!values || !isTimeKey(values[0]) || !isUuid(values[1])) {
      throw invalidCursor();
    }
    after = { createdKey: values[0], id: values[1] };
  }
  // one extra row tells whether there is a next page
  const rows = await listPersonRows(ctx.db, ctx.actor.workspaceId, { q: input.q, limit: limit + 1, after });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null };
}
