import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../features/session/session-context.ts';
import './auth-layout.css';

type AuthLayoutProps = { title: string; lead?: ReactNode; children: ReactNode; footer?: ReactNode };

// Centered card for the sign-in, setup and magic-link screens.
export function AuthLayout({ title, lead, children, footer }: AuthLayoutProps) {
  const { me } = useSession();
  return (
    <main className="auth-layout" id="main">
      <Link to="/" className="brand auth-layout__brand">
        <span className="brand__mark" aria-hidden="true">
          {me.workspace.name.trim().charAt(0).toUpperCase() || 'B'}
        </span>
        <span className="brand__name">{me.workspace.name}</span>
      </Link>
      <section className="card auth-card" aria-labelledby="auth-title">
        <header className="auth-card__header">
          <h1 id="auth-title" className="auth-card__title">
            {title}
          </h1>
          {lead ? <p className="muted">{lead}</p> : null}
        </header>
        {children}
      </section>
      {footer ? <div className="auth-layout__footer">{footer}</div> : null}
    </main>
  );
}
