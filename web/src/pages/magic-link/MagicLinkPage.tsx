import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { verifyMagicLink } from '../../api/session.ts';
import { useSession, usePageTitle } from '../../features/session/session-context.ts';
import { describeError } from '../../lib/form-errors.ts';
import { safeReturnTo } from '../../lib/return-to.ts';
import { Alert } from '../../ui/Alert.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { AuthLayout } from '../auth-layout/AuthLayout.tsx';

export function MagicLinkPage() {
  usePageTitle('Signing in');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(token ? null : 'This sign-in link is incomplete.');
  // The token works once, so it must be sent once even when React runs effects twice in development.
  const hasStarted = useRef(false);

  useEffect(() => {
    if (!token || hasStarted.current) return;
    hasStarted.current = true;
    verifyMagicLink(token)
      .then(async (result) => {
        await refresh();
        navigate(safeReturnTo(result.returnTo), { replace: true });
      })
      .catch((reason: unknown) => setError(describeError(reason)));
  }, [token, refresh, navigate]);

  if (!error) return <LoadingBlock label="Signing you in…" />;
  return (
    <AuthLayout title="This link did not work" footer={<Link to="/">← Back to the feedback portal</Link>}>
      <Alert tone="warning">
        {error} Sign-in links expire after a while and work only once — request a new one from the board.
      </Alert>
    </AuthLayout>
  );
}
