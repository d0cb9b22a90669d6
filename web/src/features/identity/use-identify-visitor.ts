import { useCallback } from 'react';
import { identify, requestMagicLink } from '../../api/session.ts';
import { useSession } from '../session/session-context.ts';

export type IdentifyOutcome = 'identified' | 'link_sent';
export type VisitorDetails = { name: string; email: string; returnTo: string };

// End users prove who they are in one of two ways, chosen by the workspace: just name + email when
// anonymous participation is allowed, otherwise a magic link sent to that email.
export function useIdentifyVisitor(): (details: VisitorDetails) => Promise<IdentifyOutcome> {
  const { me, refresh } = useSession();
  const allowAnonymous = me.workspace.allowAnonymous;
  return useCallback(
    async ({ name, email, returnTo }: VisitorDetails) => {
      if (allowAnonymous) {
        await identify({ name: name.trim(), email: email.trim() });
        await refresh();
        return 'identified';
      }
      await requestMagicLink({ email: email.trim(), name: name.trim() || undefined, returnTo });
      return 'link_sent';
    },
    [allowAnonymous, refresh],
  );
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}
