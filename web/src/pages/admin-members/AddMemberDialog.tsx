import { useState } from 'react';
import type { FormEvent } from 'react';
import { createMember } from '../../api/team.ts';
import type { MemberRole, TeamMember } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { Select } from '../../ui/Select.tsx';
import { roleOptions } from './roles.ts';

type AddMemberDialogProps = { isOpen: boolean; onClose: () => void; onAdded: (member: TeamMember) => void };

export function AddMemberDialog({ isOpen, onClose, onAdded }: AddMemberDialogProps) {
  return (
    <Modal isOpen={isOpen} onClose={onClose} title="Add a team member" description="They sign in at /login with this email and password.">
      <AddMemberForm onCancel={onClose} onAdded={onAdded} />
    </Modal>
  );
}

function AddMemberForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (member: TeamMember) => void }) {
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [role, setRole] = useState<MemberRole>('member');
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      onAdded(await createMember({ name: values.name.trim(), email: values.email.trim(), password: values.password, role }));
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'email', 'password', 'role']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field label="Name" error={errors.fields.name}>
          {(control) => <Input {...control} required autoFocus autoComplete="off" value={values.name} onChange={set('name')} />}
        </Field>
        <Field label="Email" error={errors.fields.email}>
          {(control) => <Input {...control} type="email" required autoComplete="off" value={values.email} onChange={set('email')} />}
        </Field>
        <Field label="Role" error={errors.fields.role}>
          {(control) => (
            <Select {...control} value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
              {roleOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Initial password" error={errors.fields.password} hint="At least 10 characters. Share it privately.">
          {(control) => <Input {...control} type="password" required autoComplete="new-password" value={values.password} onChange={set('password')} />}
        </Field>
      </div>
      <p className="subtle">{roleOptions.find((option) => option.value === role)?.description}</p>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving}>
          Add member
        </Button>
      </div>
    </form>
  );
}
