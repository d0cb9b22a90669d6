import { useState } from 'react';
import type { FormEvent } from 'react';
import { updatePost } from '../../api/posts.ts';
import type { Board, Post, PostPatch } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input, Textarea } from '../../ui/Input.tsx';
import { Select } from '../../ui/Select.tsx';
import { useToast } from '../../ui/Toast.tsx';

type EditPostFormProps = { post: Post; boards: Board[]; onSaved: (post: Post) => void };

export function EditPostForm({ post, boards, onSaved }: EditPostFormProps) {
  const toast = useToast();
  const [title, setTitle] = useState(post.title);
  const [body, setBody] = useState(post.body);
  const [boardId, setBoardId] = useState(post.boardId);
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);
  const patch: PostPatch = {};
  if (title.trim() !== post.title) patch.title = title.trim();
  if (body !== post.body) patch.body = body;
  if (boardId !== post.boardId) patch.boardId = boardId;
  const isDirty = Object.keys(patch).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      const saved = await updatePost(post.id, patch);
      onSaved(saved);
      toast.show({ tone: 'success', message: 'Post updated' });
    } catch (error) {
      setErrors(toFormErrors(error, ['title', 'body', 'boardId']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Edit post">
      <Field label="Title" error={errors.fields.title}>
        {(control) => (
          <Input {...control} data-testid="edit-title-input" maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        )}
      </Field>
      <Field label="Details" error={errors.fields.body} hint="Markdown is supported.">
        {(control) => (
          <Textarea {...control} data-testid="edit-body-input" rows={6} value={body} onChange={(event) => setBody(event.target.value)} />
        )}
      </Field>
      {boards.length > 1 ? (
        <Field label="Board" error={errors.fields.boardId}>
          {(control) => (
            <Select {...control} value={boardId} onChange={(event) => setBoardId(event.target.value)}>
              {boards.map((board) => (
                <option key={board.id} value={board.id}>
                  {board.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button
          variant="ghost"
          disabled={!isDirty}
          onClick={() => {
            setTitle(post.title);
            setBody(post.body);
            setBoardId(post.boardId);
            setErrors(noFormErrors);
          }}
        >
          Reset
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving} disabled={!isDirty} data-testid="save-post-button">
          Save changes
        </Button>
      </div>
    </form>
  );
}
