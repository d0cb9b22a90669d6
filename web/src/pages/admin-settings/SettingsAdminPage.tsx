import { useState } from 'react';
import type { FormEvent } from 'react';
import { updateWorkspace } from '../../api/session.ts';
import type { Workspace } from '../../api/types.ts';
import { useSession } from '../../features/session/session-context.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField, Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { DemandWeightsSection } from './DemandWeightsForm.tsx';

export function SettingsAdminPage() {
  const { me, refresh } = useSession();
  return (
    <>
      <AdminPageHeader title="Settings" description="How your workspace looks and who can take part." />
      {/* Keyed by the saved values so the form restarts from the server's answer after saving. */}
      <WorkspaceForm key={`${me.workspace.name}:${me.workspace.allowAnonymous}`} workspace={me.workspace} onSaved={refresh} />
      <DemandWeightsSection />
    </>
  );
}

function WorkspaceForm({ workspace, onSaved }: { workspace: Workspace; onSaved: () => Promise<unknown> }) {
  const toast = useToast();
  const [name, setName] = useState(workspace.name);
  const [allowAnonymous, setAllowAnonymous] = useState(workspace.allowAnonymous);
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);
  const isDirty = name.trim() !== workspace.name || allowAnonymous !== workspace.allowAnonymous;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      await updateWorkspace({ name: name.trim(), allowAnonymous });
      await onSaved();
      toast.show({ tone: 'success', message: 'Settings saved' });
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'allowAnonymous']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="card admin-section stack settings-form" onSubmit={submit} noValidate>
      <Field label="Workspace name" error={errors.fields.name} hint="Shown in the portal header and in emails.">
        {(control) => (
          <Input {...control} data-testid="workspace-name-input" required value={name} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <CheckboxField
        label="Allow voting and posting with just name and email"
        hint="When off, visitors confirm their email with a sign-in link before they can vote, post or comment."
        checked={allowAnonymous}
        onChange={setAllowAnonymous}
        testId="allow-anonymous-checkbox"
      />
      {errors.fields.allowAnonymous ? <p className="field__error">{errors.fields.allowAnonymous}</p> : null}
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" isLoading={isSaving} disabled={!isDirty} data-testid="save-settings-button">
          Save settings
        </Button>
      </div>
    </form>
  );
}
