import type { Context } from '../context.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { safeReturnPath } from '../../lib/safe-return-path.ts';
import { renderMagicLinkEmail } from '../../email/magic-link-email.ts';
import { deleteExpiredMagicLinks, findWorkspaceSettings } from './auth.repo.ts';
import type { MagicLinkInput } from './auth.schemas.ts';

export const MAGIC_LINK_TTL_MINUTES = 30;

/**
 * Emails an end user a single-use sign-in link. It answers the same whether or not the address is
 * known (the person is created only when the link is used), so it reveals nothing about accounts.
 */
export async function requestMagicLink(ctx: Context, input: MagicLinkInput): Promise<{ link: string }> {
  const workspace = await findWorkspaceSettings(ctx.db, ctx.actor.workspaceId);
  const email = input.email.trim().toLowerCase();
  const name = input.name?.trim() || null;
  const token = randomToken();
  await deleteExpiredMagicLinks(ctx.db, ctx.now);
  await ctx.db
    .insertInto('magic_links')
    .values({
      token_hash: hashToken(token),
      workspace_id: workspace.id,
      email,
      name,
      return_to: safeReturnPath(input.returnTo),
      expires_at: new Date(ctx.now.getTime() + MAGIC_LINK_TTL_MINUTES * 60_000),
    })
    .execute();

  const link = `${ctx.config.publicUrl}/auth/magic?token=${encodeURIComponent(token)}`;
  await ctx.mailer.send(renderMagicLinkEmail({ to: email, name, workspaceName: workspace.name, link, validMinutes: MAGIC_LINK_TTL_MINUTES }));
  // without a mail server the link must still reach the person running the instance
  if (ctx.mailer.kind === 'file') ctx.log.info({ email, link }, 'magic sign-in link (file mailer)');
  return { link };
}
