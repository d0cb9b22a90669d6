import { useState } from 'react';
import type { FormEvent } from 'react';
import { toFormErrors, noFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useSession } from '../session/session-context.ts';
import { CheckEmailNotice } from './CheckEmailNotice.tsx';
import { IdentityFields } from './IdentityFields.tsx';
import { currentPath, useIdentifyVisitor } from './use-identify-visitor.ts';

type IdentifyDialogProps = {
  isOpen: boolean;
  reason: string;
  onIdentified: () => void;
  onClose: () => void;
};

export function IdentifyDialog({ isOpen, reason, onIdentified, onClose }: IdentifyDialogProps) {
  const { me } = useSession();
  const identifyVisitor = useIdentifyVisitor();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState(noFormErrors);
  const [isWorking, setIsWorking] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const allowAnonymous = me.workspace.allowAnonymous;

  const close = () => {
    setSentTo(null);
    setErrors(noFormErrors);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsWorking(true);
    setErrors(noFormErrors);
    try {
      const outcome = await identifyVisitor({ name, email, returnTo: currentPath() });
      if (outcome === 'identified') onIdentified();
      else setSentTo(email.trim());
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'email']));
    } finally {
      setIsWorking(false);
    }
  };

  return (
    <Modal
      isOpen={isOpen}
      onClose={close}
      size="sm"
      title={sentTo ? 'Almost there' : allowAnonymous ? 'Tell us who you are' : 'Sign in to continue'}
      description={sentTo ? undefined : reason}
    >
      {sentTo ? (
        <div className="stack">
          <CheckEmailNotice email={sentTo} />
          <div className="form-actions">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <IdentityFields
            name={name}
            email={email}
            onNameChange={setName}
            onEmailChange={setEmail}
            errors={errors.fields}
            autoFocus
          />
          {errors.message ? <Alert>{errors.message}</Alert> : null}
          <p className="subtle">
            {allowAnonymous
              ? 'We only use your email to tell you when this moves forward.'
              : 'We will email you a one-time sign-in link. No password needed.'}
          </p>
          <div className="form-actions">
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" isLoading={isWorking} data-testid="identify-submit-button">
              {allowAnonymous ? 'Continue' : 'Email me a link'}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
