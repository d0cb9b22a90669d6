import { useState } from 'react';
import type { FormEvent } from 'react';
import { createTag, updateTag } from '../../api/taxonomy.ts';
import type { Tag } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { Modal } from '../../ui/Modal.tsx';

type TagFormDialogProps = { tag: Tag | null; isOpen: boolean; onClose: () => void; onSaved: (tag: Tag) => void };

export function TagFormDialog({ tag, isOpen, onClose, onSaved }: TagFormDialogProps) {
  return (
    <Modal isOpen={isOpen} onClose={onClose} title={tag ? `Edit tag ${tag.name}` : 'New tag'} size="sm">
      <TagForm key={tag?.id ?? 'new'} tag={tag} onCancel={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function TagForm({ tag, onCancel, onSaved }: { tag: Tag | null; onCancel: () => void; onSaved: (tag: Tag) => void }) {
  const [name, setName] = useState(tag?.name ?? '');
  const [color, setColor] = useState(tag?.color || '#6e6ef0');
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      const input = { name: name.trim(), color };
      onSaved(tag ? await updateTag(tag.id, input) : await createTag(input));
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'color']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field label="Name" error={errors.fields.name}>
        {(control) => <Input {...control} required autoFocus value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label="Color" error={errors.fields.color}>
        {(control) => <input {...control} type="color" className="color-input" value={color} onChange={(event) => setColor(event.target.value)} />}
      </Field>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving}>
          {tag ? 'Save tag' : 'Create tag'}
        </Button>
      </div>
    </form>
  );
}
