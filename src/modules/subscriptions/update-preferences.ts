import type { Context } from '../context.ts';
import { invalid } from '../../lib/errors.ts';
import { savePreferences, type PreferencesChange } from './preferences.repo.ts';
import { preferencesViewOf, type PreferencesView } from './get-preferences.ts';
import { resolveRecipient } from './resolve-recipient.ts';
import { digestForTeamOnly } from './subscriptions.errors.ts';

export async function updatePreferences(ctx: Context, input: PreferencesChange & { token?: string }): Promise<PreferencesView> {
  const { token, ...change } = input;
  if (Object.values(change).every((v) => v === undefined)) throw invalid('body', 'names no preference to change');
  const who = await resolveRecipient(ctx, token);
  if (change.digest !== undefined && !who.recipient.memberId) throw digestForTeamOnly();
  await savePreferences(ctx.db, who.recipient, change, ctx.now);
  return preferencesViewOf(ctx.db, who.recipient, who.scope);
}
