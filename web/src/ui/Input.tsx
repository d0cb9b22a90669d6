import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { cx } from '../lib/class-names.ts';
import './field.css';

type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> };

export function Input({ className, ...rest }: InputProps) {
  return <input className={cx('input', className)} {...rest} />;
}

export function Textarea({ className, rows = 5, ...rest }: TextareaProps) {
  return <textarea className={cx('input', 'input--textarea', className)} rows={rows} {...rest} />;
}
