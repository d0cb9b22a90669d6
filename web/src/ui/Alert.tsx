import type { ReactNode } from 'react';
import './alert.css';

type AlertProps = { tone?: 'error' | 'info' | 'success' | 'warning'; title?: string; children: ReactNode };

export function Alert({ tone = 'error', title, children }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert__title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
