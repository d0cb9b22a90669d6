import { useState } from 'react';
import type { FormEvent } from 'react';
import { createBoard, updateBoard } from '../../api/boards.ts';
import type { Board, Visibility } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input, Textarea } from '../../ui/Input.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { Select } from '../../ui/Select.tsx';

type BoardFormDialogProps = { board: Board | null; isOpen: boolean; onClose: () => void; onSaved: (board: Board) => void };

export function BoardFormDialog({ board, isOpen, onClose, onSaved }: BoardFormDialogProps) {
  return (
    <Modal isOpen={isOpen} onClose={onClose} title={board ? `Edit ${board.name}` : 'New board'}>
      {/* Keyed so reopening for another board starts from that board's values. */}
      <BoardForm key={board?.id ?? 'new'} board={board} onCancel={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function BoardForm({ board, onCancel, onSaved }: { board: Board | null; onCancel: () => void; onSaved: (board: Board) => void }) {
  const [name, setName] = useState(board?.name ?? '');
  const [slug, setSlug] = useState(board?.slug ?? '');
  const [description, setDescription] = useState(board?.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(board?.visibility ?? 'public');
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    const input = { name: name.trim(), slug: slug.trim() || undefined, description: description.trim(), visibility };
    try {
      onSaved(board ? await updateBoard(board.id, input) : await createBoard(input));
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'slug', 'description', 'visibility']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field label="Name" error={errors.fields.name}>
        {(control) => (
          <Input {...control} data-testid="board-name-input" required autoFocus value={name} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <Field label="URL slug" error={errors.fields.slug} hint="Lowercase letters, numbers and dashes. Leave empty to derive it from the name.">
        {(control) => (
          <Input {...control} data-testid="board-slug-input" placeholder="feature-requests" value={slug} onChange={(event) => setSlug(event.target.value)} />
        )}
      </Field>
      <Field label="Description" error={errors.fields.description}>
        {(control) => <Textarea {...control} rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      <Field
        label="Visibility"
        error={errors.fields.visibility}
        hint={visibility === 'private' ? 'Only team members can see this board.' : 'Anyone can see and post on this board.'}
      >
        {(control) => (
          <Select {...control} data-testid="board-visibility-select" value={visibility} onChange={(event) => setVisibility(event.target.value as Visibility)}>
            <option value="public">Public</option>
            <option value="private">Private</option>
          </Select>
        )}
      </Field>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving} data-testid="save-board-button">
          {board ? 'Save board' : 'Create board'}
        </Button>
      </div>
    </form>
  );
}
