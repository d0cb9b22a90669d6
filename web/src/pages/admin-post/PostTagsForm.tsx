import { useState } from 'react';
import { Link } from 'react-router';
import { updatePost } from '../../api/posts.ts';
import type { Post, Tag } from '../../api/types.ts';
import { describeError } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { useToast } from '../../ui/Toast.tsx';

type PostTagsFormProps = { post: Post; tags: Tag[]; onSaved: (post: Post) => void };

export function PostTagsForm({ post, tags, onSaved }: PostTagsFormProps) {
  const toast = useToast();
  const [selected, setSelected] = useState(() => new Set(post.tags.map((tag) => tag.id)));
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const original = post.tags.map((tag) => tag.id).sort().join(',');
  const isDirty = [...selected].sort().join(',') !== original;

  if (tags.length === 0) {
    return (
      <p className="subtle">
        No tags exist yet. <Link to="/admin/tags">Create tags</Link> to categorize feedback.
      </p>
    );
  }

  const toggle = (id: string, isChecked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (isChecked) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const save = async () => {
    setIsSaving(true);
    setError(null);
    try {
      const saved = await updatePost(post.id, { tags: [...selected] });
      onSaved(saved);
      toast.show({ tone: 'success', message: 'Tags saved' });
    } catch (reason) {
      setError(describeError(reason));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <fieldset className="tag-picker">
      <legend className="visually-hidden">Tags</legend>
      <div className="tag-picker__options">
        {tags.map((tag) => (
          <label key={tag.id} className="tag-picker__option">
            <input
              type="checkbox"
              className="checkbox"
              checked={selected.has(tag.id)}
              onChange={(event) => toggle(tag.id, event.target.checked)}
            />
            <span className="color-swatch" style={{ background: tag.color }} aria-hidden="true" />
            {tag.name}
          </label>
        ))}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="form-actions">
        <Button variant="primary" size="sm" onClick={save} disabled={!isDirty} isLoading={isSaving}>
          Save tags
        </Button>
      </div>
    </fieldset>
  );
}
