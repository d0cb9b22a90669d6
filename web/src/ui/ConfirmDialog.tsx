import { useState } from 'react';
import type { ReactNode } from 'react';
import { describeError } from '../lib/form-errors.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { Modal } from './Modal.tsx';

type ConfirmDialogProps = {
  isOpen: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

// Asks before a destructive action and keeps the dialog open with the server's reason if it fails.
export function ConfirmDialog({ isOpen, title, message, confirmLabel, tone = 'danger', onConfirm, onClose }: ConfirmDialogProps) {
  const [isWorking, setIsWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };

  const confirm = async () => {
    setIsWorking(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (reason) {
      setError(describeError(reason));
    } finally {
      setIsWorking(false);
    }
  };

  return (
    <Modal
      isOpen={isOpen}
      onClose={close}
      title={title}
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant={tone} onClick={confirm} isLoading={isWorking}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="stack">
        <div className="muted">{message}</div>
        {error ? <Alert>{error}</Alert> : null}
      </div>
    </Modal>
  );
}
