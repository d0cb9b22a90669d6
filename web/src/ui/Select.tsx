import type { Ref, SelectHTMLAttributes } from 'react';
import { cx } from '../lib/class-names.ts';
import './field.css';

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> };

export function Select({ className, children, ...rest }: SelectProps) {
  return (
    <select className={cx('input', 'select', className)} {...rest}>
      {children}
    </select>
  );
}
