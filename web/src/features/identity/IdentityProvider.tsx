import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useSession } from '../session/session-context.ts';
import { IdentifyDialog } from './IdentifyDialog.tsx';

type IdentityApi = {
  // Resolves true once the visitor has a session (already had one, or identified now); false when
  // they cancelled or have to follow a magic link first.
  requestIdentity: (reason: string) => Promise<boolean>;
};

const IdentityContext = createContext<IdentityApi | null>(null);

export function IdentityProvider({ children }: { children: ReactNode }) {
  const { isSignedIn } = useSession();
  const [reason, setReason] = useState<string | null>(null);
  const resolverRef = useRef<((identified: boolean) => void) | null>(null);

  const settle = useCallback((identified: boolean) => {
    resolverRef.current?.(identified);
    resolverRef.current = null;
    setReason(null);
  }, []);

  const requestIdentity = useCallback(
    (nextReason: string) => {
      if (isSignedIn) return Promise.resolve(true);
      resolverRef.current?.(false);
      setReason(nextReason);
      return new Promise<boolean>((resolve) => {
        resolverRef.current = resolve;
      });
    },
    [isSignedIn],
  );

  const api = useMemo(() => ({ requestIdentity }), [requestIdentity]);
  return (
    <IdentityContext.Provider value={api}>
      {children}
      <IdentifyDialog
        isOpen={reason !== null}
        reason={reason ?? ''}
        onIdentified={() => settle(true)}
        onClose={() => settle(false)}
      />
    </IdentityContext.Provider>
  );
}

export function useIdentity(): IdentityApi {
  const api = useContext(IdentityContext);
  if (!api) throw new Error('useIdentity must be used inside <IdentityProvider>');
  return api;
}
