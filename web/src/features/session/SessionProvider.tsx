import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { setCsrfToken } from '../../api/client.ts';
import { getMe, logOut } from '../../api/session.ts';
import type { Me } from '../../api/types.ts';
import { describeError } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { SessionContext } from './session-context.ts';
import type { Session } from './session-context.ts';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    const next = await getMe();
    setCsrfToken(next.csrfToken);
    setMe(next);
    return next;
  }, []);

  const load = useCallback(() => {
    setError(null);
    refresh().catch(setError);
  }, [refresh]);

  useEffect(load, [load]);

  const signOut = useCallback(async () => {
    await logOut();
    await refresh();
  }, [refresh]);

  const session = useMemo<Session | null>(
    () =>
      me
        ? { me, isSignedIn: Boolean(me.member || me.person), isMember: Boolean(me.member), refresh, signOut }
        : null,
    [me, refresh, signOut],
  );

  if (!session) {
    return (
      <main className="boot-screen">
        {error ? (
          <div className="boot-screen__error">
            <Alert title="Backboard is not reachable">{describeError(error)}</Alert>
            <Button onClick={load}>Try again</Button>
          </div>
        ) : (
          <LoadingBlock label="Loading Backboard…" />
        )}
      </main>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
