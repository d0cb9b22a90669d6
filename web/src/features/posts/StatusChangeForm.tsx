import { useState } from 'react';
import type { FormEvent } from 'react';
import { updatePost } from '../../api/posts.ts';
import type { Post, Status } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Textarea } from '../../ui/Input.tsx';
import { Select } from '../../ui/Select.tsx';
import { useToast } from '../../ui/Toast.tsx';

type StatusChangeFormProps = { post: Post; statuses: Status[]; onSaved: (post: Post) => void };

// Team-only: move a post to another status, optionally telling voters why.
export function StatusChangeForm({ post, statuses, onSaved }: StatusChangeFormProps) {
  const toast = useToast();
  const [statusId, setStatusId] = useState(post.status.id);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);
  const isUnchanged = statusId === post.status.id && message.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      const saved = await updatePost(post.id, { status: statusId, statusMessage: message.trim() || undefined });
      setMessage('');
      onSaved(saved);
      toast.show({ tone: 'success', message: `Status set to ${saved.status.name}` });
    } catch (error) {
      setErrors(toFormErrors(error, ['status', 'statusMessage']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Change status">
      <Field label="Status" error={errors.fields.status}>
        {(control) => (
          <Select
            {...control}
            data-testid="status-select"
            value={statusId}
            onChange={(event) => setStatusId(event.target.value)}
          >
            {statuses.map((status) => (
              <option key={status.id} value={status.id}>
                {status.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Message to voters (optional)" error={errors.fields.statusMessage} hint="Shown in the post's history. Markdown is supported.">
        {(control) => (
          <Textarea
            {...control}
            data-testid="status-message-input"
            rows={3}
            placeholder="e.g. This is now on our roadmap for next quarter."
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        )}
      </Field>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" isLoading={isSaving} disabled={isUnchanged} data-testid="save-status-button">
          Save status
        </Button>
      </div>
    </form>
  );
}
