import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { getPreferences, unsubscribeWithToken, type PreferencesView, type TokenScope } from '../../api/notifications.ts';
import { useIdentity } from '../../features/identity/IdentityProvider.tsx';
import { PreferencesForm } from '../../features/notifications/PreferencesForm.tsx';
import { SubscriptionsList } from '../../features/notifications/SubscriptionsList.tsx';
import { useSession, usePageTitle } from '../../features/session/session-context.ts';
import { describeError } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import './preferences-page.css';

const CATEGORY_TEXT = {
  status_updates: 'status changes and team replies on posts you follow',
  comment_replies: 'replies to your comments',
  changelog: 'changelog announcements',
} as const;

function describeScope(scope: TokenScope): string {
  if (scope.type === 'post') return `emails about “${scope.postTitle ?? 'this post'}”`;
  if (scope.type === 'category' && scope.category) return `emails about ${CATEGORY_TEXT[scope.category]}`;
  return 'all notification emails';
}

/**
 * Email preferences, reached from the link in every notification email (a signed token in the URL,
 * no sign-in needed) or by a signed-in user. `?unsubscribe=1` first asks to confirm the link's unsubscribe.
 */
export function PreferencesPage() {
  usePageTitle('Email preferences');
  const [params] = useSearchParams();
  const token = params.get('token');
  const { isSignedIn, me } = useSession();
  const { requestIdentity } = useIdentity();
  const viewerKey = me.person?.id ?? me.member?.id ?? 'visitor';
  const canLoad = Boolean(token) || isSignedIn;
  const { data, error, setData, reload } = useAsync(
    (signal) => (canLoad ? getPreferences({ token }, signal) : Promise.resolve(null)),
    [token, viewerKey],
  );
  const [done, setDone] = useState<string | null>(null);
  const [isUnsubscribing, setIsUnsubscribing] = useState(false);
  const [unsubscribeError, setUnsubscribeError] = useState<string | null>(null);
  const wantsUnsubscribe = params.get('unsubscribe') === '1' && !done;

  const confirmUnsubscribe = async () => {
    if (!token) return;
    setIsUnsubscribing(true);
    setUnsubscribeError(null);
    try {
      setDone((await unsubscribeWithToken(token)).message);
      reload();
    } catch (reason) {
      setUnsubscribeError(describeError(reason));
    } finally {
      setIsUnsubscribing(false);
    }
  };

  if (!canLoad) {
    return (
      <div className="card preferences">
        <h1 className="page-header__title">Email preferences</h1>
        <p>Sign in, or open the “Manage email preferences” link at the bottom of one of our emails.</p>
        <Button variant="primary" onClick={() => void requestIdentity('Sign in to manage your email preferences.')}>
          Sign in
        </Button>
      </div>
    );
  }
  if (error) return <Alert title="This link does not work">{describeError(error)}</Alert>;
  if (!data) return <LoadingBlock label="Loading your preferences…" />;
  const view: PreferencesView = data;

  return (
    <div className="preferences">
      <header className="page-header">
        <h1 className="page-header__title">Email preferences</h1>
        <p className="page-header__lead">
          For <strong>{view.recipient.email}</strong>
        </p>
      </header>
      {done ? (
        <Alert tone="success" title="Unsubscribed">
          <span data-testid="unsubscribe-done">{done}</span>
        </Alert>
      ) : null}
      {wantsUnsubscribe && view.scope ? (
        <section className="card preferences__section" data-testid="unsubscribe-confirm-card">
          <h2 className="preferences__title">Stop {describeScope(view.scope)}?</h2>
          <Button variant="danger" isLoading={isUnsubscribing} onClick={() => void confirmUnsubscribe()} data-testid="unsubscribe-confirm">
            Unsubscribe
          </Button>
          {unsubscribeError ? <Alert>{unsubscribeError}</Alert> : null}
        </section>
      ) : null}
      <section className="card preferences__section" aria-labelledby="pref-email">
        <h2 id="pref-email" className="preferences__title">
          What we email you about
        </h2>
        <PreferencesForm view={view} token={token} onSaved={(next) => setData(next)} />
      </section>
      <section className="card preferences__section" aria-labelledby="pref-follows">
        <h2 id="pref-follows" className="preferences__title">
          Posts you follow
        </h2>
        <SubscriptionsList token={token} />
      </section>
    </div>
  );
}
