import { useState } from 'react';
import type { FormEvent } from 'react';
import { createStatus, updateStatus } from '../../api/taxonomy.ts';
import type { Status, StatusKind } from '../../api/types.ts';
import { statusKindOptions } from '../../features/posts/status-kinds.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField, Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { Select } from '../../ui/Select.tsx';

type StatusFormDialogProps = { status: Status | null; isOpen: boolean; onClose: () => void; onSaved: (status: Status) => void };

export function StatusFormDialog({ status, isOpen, onClose, onSaved }: StatusFormDialogProps) {
  return (
    <Modal isOpen={isOpen} onClose={onClose} title={status ? `Edit status ${status.name}` : 'New status'} size="sm">
      <StatusForm key={status?.id ?? 'new'} status={status} onCancel={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function StatusForm({ status, onCancel, onSaved }: { status: Status | null; onCancel: () => void; onSaved: (status: Status) => void }) {
  const [name, setName] = useState(status?.name ?? '');
  const [kind, setKind] = useState<StatusKind>(status?.kind ?? 'open');
  const [color, setColor] = useState(status?.color || '#8b8b94');
  const [isDefault, setIsDefault] = useState(status?.isDefault ?? false);
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      const input = { name: name.trim(), kind, color, isDefault };
      onSaved(status ? await updateStatus(status.id, input) : await createStatus(input));
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'kind', 'color', 'isDefault']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field label="Name" error={errors.fields.name}>
        {(control) => <Input {...control} required autoFocus value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field
        label="Kind"
        error={errors.fields.kind}
        hint="The kind drives the roadmap and notifications, whatever you call the status."
      >
        {(control) => (
          <Select {...control} data-testid="status-kind-select" value={kind} onChange={(event) => setKind(event.target.value as StatusKind)}>
            {statusKindOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Color" error={errors.fields.color}>
        {(control) => <input {...control} type="color" className="color-input" value={color} onChange={(event) => setColor(event.target.value)} />}
      </Field>
      <CheckboxField
        label="Default for new posts"
        hint="New feedback starts in this status."
        checked={isDefault}
        onChange={setIsDefault}
      />
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving}>
          {status ? 'Save status' : 'Create status'}
        </Button>
      </div>
    </form>
  );
}
