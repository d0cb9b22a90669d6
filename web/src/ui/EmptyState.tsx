import type { ReactNode } from 'react';
import { InboxIcon } from './icons.tsx';
import './empty-state.css';

type EmptyStateProps = { title: string; description?: ReactNode; action?: ReactNode; icon?: ReactNode };

export function EmptyState({ title, description, action, icon }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <div className="empty-state__icon">{icon ?? <InboxIcon size={22} />}</div>
      <p className="empty-state__title">{title}</p>
      {description ? <p className="empty-state__description">{description}</p> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
