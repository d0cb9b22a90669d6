import { createContext, useContext, useEffect } from 'react';
import type { Me } from '../../api/types.ts';

export type Session = {
  me: Me;
  isSignedIn: boolean;
  isMember: boolean;
  // Re-reads /api/v1/me; call it after anything that changes the session cookie (it also renews the CSRF token).
  refresh: () => Promise<Me>;
  signOut: () => Promise<void>;
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

export function usePageTitle(title: string | null | undefined): void {
  const { me } = useSession();
  const workspaceName = me.workspace.name;
  useEffect(() => {
    document.title = title ? `${title} · ${workspaceName}` : workspaceName;
  }, [title, workspaceName]);
}
