import { useId, useState } from 'react';
import {
  createChangelogEntry, deleteChangelogEntry, publishChangelogEntry, scheduleChangelogEntry, unpublishChangelogEntry,
  unscheduleChangelogEntry, updateChangelogEntry, type ChangelogEntry, type ChangelogType,
} from '../../api/changelog.ts';
import type { Status } from '../../api/types.ts';
import { changelogTypeLabels } from '../../features/changelog/ChangelogTypeBadge.tsx';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { Select } from '../../ui/Select.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { LinkPostsPicker, type PickedPost } from './LinkPostsPicker.tsx';
import { MarkdownEditor } from './MarkdownEditor.tsx';
import { PublishPanel, type PublishChoice } from './PublishPanel.tsx';

const formFields = ['title', 'body', 'type', 'postIds', 'at', 'moveLinkedPostsToStatus'] as const;
type Action = 'save' | 'publish' | 'schedule' | 'unschedule' | 'unpublish';

type ChangelogEditorProps = {
  entry: ChangelogEntry | null;
  shippedStatuses: Status[];
  onSaved: (entry: ChangelogEntry) => void;
  onDeleted: () => void;
};

export function ChangelogEditor({ entry, shippedStatuses, onSaved, onDeleted }: ChangelogEditorProps) {
  const toast = useToast();
  const bodyId = useId();
  const [title, setTitle] = useState(entry?.title ?? '');
  const [type, setType] = useState<ChangelogType>(entry?.type ?? 'new');
  const [body, setBody] = useState(entry?.body ?? '');
  const [posts, setPosts] = useState<PickedPost[]>(entry?.posts ?? []);
  const [errors, setErrors] = useState(noFormErrors);
  const [busy, setBusy] = useState<Action | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);

  // Every action saves the form first: publishing what is on screen, not what was last saved.
  const persist = () => {
    const input = { title: title.trim(), body, type, postIds: posts.map((post) => post.id) };
    return entry ? updateChangelogEntry(entry.id, input) : createChangelogEntry(input);
  };

  const run = async (action: Action, then: (saved: ChangelogEntry) => Promise<ChangelogEntry>, message: string) => {
    setBusy(action);
    setErrors(noFormErrors);
    try {
      const result = await then(await persist());
      setPosts(result.posts);
      onSaved(result);
      toast.show({ tone: 'success', message });
    } catch (error) {
      setErrors(toFormErrors(error, formFields));
    } finally {
      setBusy(null);
    }
  };

  const statusRef = (choice: PublishChoice) => (choice.moveTo ? choice.moveTo : undefined);
  const handlers = {
    onPublish: (choice: PublishChoice) =>
      run('publish', (saved) => publishChangelogEntry(saved.id, statusRef(choice)), 'Published — subscribers of the linked posts will be notified'),
    onSchedule: (at: string, choice: PublishChoice) =>
      run('schedule', (saved) => scheduleChangelogEntry(saved.id, at, statusRef(choice)), 'Scheduled'),
    onUnschedule: () => run('unschedule', (saved) => unscheduleChangelogEntry(saved.id), 'Back to draft'),
    onUnpublish: () => run('unpublish', (saved) => unpublishChangelogEntry(saved.id), 'Unpublished — back to draft'),
  };

  return (
    <form
      className="changelog-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run('save', async (saved) => saved, entry?.state === 'published' ? 'Changes published' : 'Draft saved');
      }}
    >
      <div className="card admin-section stack changelog-editor__main">
        <Field label="Title" error={errors.fields.title}>
          {(control) => (
            <Input {...control} data-testid="changelog-title-input" required maxLength={200} value={title} placeholder="Dark mode is here" onChange={(event) => setTitle(event.target.value)} />
          )}
        </Field>
        <Field label="Type" error={errors.fields.type}>
          {(control) => (
            <Select {...control} data-testid="changelog-type-select" value={type} onChange={(event) => setType(event.target.value as ChangelogType)}>
              {(Object.keys(changelogTypeLabels) as ChangelogType[]).map((value) => (
                <option key={value} value={value}>
                  {changelogTypeLabels[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="field">
          <label htmlFor={bodyId} className="field__label">
            Body
          </label>
          <MarkdownEditor id={bodyId} value={body} onChange={setBody} error={errors.fields.body} />
          {errors.fields.body ? <p className="field__error">{errors.fields.body}</p> : null}
        </div>
        <LinkPostsPicker posts={posts} onChange={setPosts} error={errors.fields.postIds} />
        {errors.message ? <Alert>{errors.message}</Alert> : null}
        <div className="form-actions">
          <Button type="submit" isLoading={busy === 'save'} disabled={busy !== null} data-testid="changelog-save-button">
            {entry?.state === 'published' ? 'Save changes' : 'Save draft'}
          </Button>
          {entry ? (
            <Button variant="danger" onClick={() => setIsDeleting(true)} disabled={busy !== null}>
              Delete
            </Button>
          ) : null}
        </div>
      </div>
      <PublishPanel
        entry={entry}
        shippedStatuses={shippedStatuses}
        linkedCount={posts.length}
        busy={busy}
        errors={{ at: errors.fields.at, moveLinkedPostsToStatus: errors.fields.moveLinkedPostsToStatus }}
        {...handlers}
      />
      <ConfirmDialog
        isOpen={isDeleting}
        title={`Delete “${entry?.title ?? ''}”?`}
        message="The entry disappears from the changelog and the feed. Statuses it changed stay as they are."
        confirmLabel="Delete entry"
        onConfirm={async () => {
          if (entry) await deleteChangelogEntry(entry.id);
          toast.show({ message: 'Entry deleted' });
          onDeleted();
        }}
        onClose={() => setIsDeleting(false)}
      />
    </form>
  );
}
