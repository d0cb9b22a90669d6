import { useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useIdentity } from '../../features/identity/IdentityProvider.tsx';
import { NotificationsBell } from '../../features/notifications/NotificationsBell.tsx';
import { useSession } from '../../features/session/session-context.ts';
import { describeError } from '../../lib/form-errors.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { useToast } from '../../ui/Toast.tsx';
import './portal-layout.css';

export function PortalLayout() {
  const { me, isMember, isSignedIn, signOut } = useSession();
  const { requestIdentity } = useIdentity();
  const toast = useToast();
  const [isSigningOut, setIsSigningOut] = useState(false);
  const viewer = me.member ?? me.person;

  const handleSignOut = async () => {
    setIsSigningOut(true);
    try {
      await signOut();
      toast.show({ message: 'Signed out' });
    } catch (error) {
      toast.show({ tone: 'error', message: describeError(error) });
    } finally {
      setIsSigningOut(false);
    }
  };

  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="portal-header">
        <div className="portal-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              {me.workspace.name.trim().charAt(0).toUpperCase() || 'B'}
            </span>
            <span className="brand__name">{me.workspace.name}</span>
          </Link>
          <nav className="portal-header__sections" aria-label="Portal">
            <NavLink to="/" end className="portal-header__link">
              Feedback
            </NavLink>
            <NavLink to="/roadmap" className="portal-header__link" data-testid="nav-roadmap">
              Roadmap
            </NavLink>
            <NavLink to="/changelog" className="portal-header__link" data-testid="nav-changelog">
              Changelog
            </NavLink>
          </nav>
          <nav className="portal-header__nav" aria-label="Account">
            {isMember ? (
              <Link to="/admin" className={buttonClassName('ghost', 'sm')}>
                Admin
              </Link>
            ) : null}
            {isSignedIn && viewer ? (
              <>
                <NotificationsBell key={viewer.id} />
                <span className="portal-header__viewer" title={viewer.email}>
                  {viewer.name || viewer.email}
                </span>
                <Button variant="ghost" size="sm" onClick={handleSignOut} isLoading={isSigningOut}>
                  Sign out
                </Button>
              </>
            ) : (
              <Button variant="secondary" size="sm" onClick={() => void requestIdentity('Sign in to vote, comment and follow your ideas.')}>
                Sign in
              </Button>
            )}
          </nav>
        </div>
      </header>
      <main id="main" className="portal-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="portal-footer">
        <span>
          Powered by <strong>Backboard</strong>
        </span>
        {!isMember ? <Link to="/login">Team sign in</Link> : null}
      </footer>
    </div>
  );
}
