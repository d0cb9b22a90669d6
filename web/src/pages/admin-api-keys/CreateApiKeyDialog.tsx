import { useState } from 'react';
import type { FormEvent } from 'react';
import { createApiKey } from '../../api/team.ts';
import type { ApiKeyScope, CreatedApiKey } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { CheckIcon, CopyIcon } from '../../ui/icons.tsx';
import { Input } from '../../ui/Input.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { Select } from '../../ui/Select.tsx';

type CreateApiKeyDialogProps = { isOpen: boolean; onClose: () => void; onCreated: (key: CreatedApiKey) => void };

export const scopeOptions: Array<{ value: ApiKeyScope; label: string }> = [
  { value: 'read', label: 'Read – list and read boards, posts, votes, comments' },
  { value: 'write', label: 'Write – also create posts, votes and comments' },
  { value: 'admin', label: 'Admin – full access, including settings' },
];

export function CreateApiKeyDialog({ isOpen, onClose, onCreated }: CreateApiKeyDialogProps) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal isOpen={isOpen} onClose={close} title={created ? 'Copy your API key' : 'New API key'}>
      {created ? (
        <CreatedKey apiKey={created} onDone={close} />
      ) : (
        <CreateKeyForm
          onCancel={close}
          onCreated={(key) => {
            setCreated(key);
            onCreated(key);
          }}
        />
      )}
    </Modal>
  );
}

function CreateKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (key: CreatedApiKey) => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('read');
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      onCreated(await createApiKey({ name: name.trim(), scope }));
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'scope']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field label="Name" error={errors.fields.name} hint="Where the key is used, e.g. “CRM sync”.">
        {(control) => <Input {...control} required autoFocus value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label="Scope" error={errors.fields.scope}>
        {(control) => (
          <Select {...control} value={scope} onChange={(event) => setScope(event.target.value as ApiKeyScope)}>
            {scopeOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving}>
          Create key
        </Button>
      </div>
    </form>
  );
}

// The key is only ever shown here: the server keeps a hash.
function CreatedKey({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const [isCopied, setIsCopied] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey.key);
      setIsCopied(true);
      setCopyError(null);
    } catch {
      setCopyError('Copying is blocked by the browser here. Select the key and copy it manually.');
    }
  };

  return (
    <div className="stack">
      <Alert tone="warning">This is the only time the key is shown. Store it in a secret manager now.</Alert>
      <div className="secret-box">
        <code data-testid="created-api-key" aria-label="API key">{apiKey.key}</code>
        <Button onClick={copy} aria-live="polite">
          {isCopied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
          {isCopied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {copyError ? <p className="field__error">{copyError}</p> : null}
      <p className="subtle">
        Send it as <code>Authorization: Bearer {apiKey.prefix}…</code> to the REST API at <code>/api/v1</code>.
      </p>
      <div className="form-actions">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
