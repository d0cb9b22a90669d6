import type { ReactNode } from 'react';
import { usePageTitle } from '../../features/session/session-context.ts';

type AdminPageHeaderProps = { title: string; description?: ReactNode; actions?: ReactNode };

export function AdminPageHeader({ title, description, actions }: AdminPageHeaderProps) {
  usePageTitle(`${title} · Admin`);
  return (
    <header className="admin-page-header">
      <div>
        <h1 className="admin-page-header__title">{title}</h1>
        {description ? <p className="admin-page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="admin-page-header__actions">{actions}</div> : null}
    </header>
  );
}
