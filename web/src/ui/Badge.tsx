import type { CSSProperties, ReactNode } from 'react';
import { cx } from '../lib/class-names.ts';
import './badge.css';

type BadgeProps = {
  // Any CSS colour; the badge tints its background from it. Without one the badge is neutral.
  color?: string | null;
  hasDot?: boolean;
  className?: string;
  testId?: string;
  title?: string;
  children: ReactNode;
};

export function Badge({ color, hasDot = false, className, testId, title, children }: BadgeProps) {
  const style = color ? ({ '--badge-color': color } as CSSProperties) : undefined;
  return (
    <span className={cx('badge', color && 'badge--colored', className)} style={style} data-testid={testId} title={title}>
      {hasDot ? <span className="badge__dot" aria-hidden="true" /> : null}
      {children}
    </span>
  );
}
