import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { cx } from '../lib/class-names.ts';
import { CloseIcon } from './icons.tsx';
import './modal.css';

type ModalProps = {
  isOpen: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  variant?: 'center' | 'drawer';
  testId?: string;
  children: ReactNode;
};

// Built on the native <dialog>: showModal() gives focus trapping, Escape, an inert page behind it
// and focus returning to the opener, all without custom key handling.
export function Modal({
  isOpen,
  onClose,
  title,
  description,
  footer,
  size = 'md',
  variant = 'center',
  testId,
  children,
}: ModalProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pressStartedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={dialogRef}
      className={cx('modal', `modal--${size}`, `modal--${variant}`)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onCancel={(event) => {
        // React re-dispatches `cancel` to ancestor components, so a dialog nested in this one
        // (a confirm inside a drawer) must not close us too.
        if (event.target !== event.currentTarget) return;
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        pressStartedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        // Only a press that starts and ends on the backdrop closes; dragging out of a text field must not.
        if (event.target === event.currentTarget && pressStartedOnBackdrop.current) onClose();
      }}
    >
      {isOpen ? (
        <div className="modal__panel">
          <header className="modal__header">
            <div className="modal__heading">
              <h2 id={titleId} className="modal__title">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="modal__description">
                  {description}
                </p>
              ) : null}
            </div>
            <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
              <CloseIcon size={18} />
            </button>
          </header>
          <div className="modal__body">{children}</div>
          {footer ? <footer className="modal__footer">{footer}</footer> : null}
        </div>
      ) : null}
    </dialog>
  );
}
