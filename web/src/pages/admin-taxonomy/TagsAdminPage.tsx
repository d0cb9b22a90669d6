import { useState } from 'react';
import { deleteTag, listTags } from '../../api/taxonomy.ts';
import type { Tag } from '../../api/types.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import { RowActions } from '../admin-layout/RowActions.tsx';
import { TagFormDialog } from './TagFormDialog.tsx';

export function TagsAdminPage() {
  const toast = useToast();
  const { data, error, isLoading, setData, reload } = useAsync((signal) => listTags(signal).then((page) => page.items), []);
  const [editing, setEditing] = useState<Tag | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const tags = data ?? [];

  const openForm = (tag: Tag | null) => {
    setEditing(tag);
    setIsFormOpen(true);
  };

  const onSaved = (saved: Tag) => {
    setData((current = []) =>
      current.some((tag) => tag.id === saved.id) ? current.map((tag) => (tag.id === saved.id ? saved : tag)) : [...current, saved],
    );
    setIsFormOpen(false);
    toast.show({ tone: 'success', message: `Tag “${saved.name}” saved` });
  };

  const remove = async (tag: Tag) => {
    await deleteTag(tag.id);
    setData((current = []) => current.filter((item) => item.id !== tag.id));
    toast.show({ message: `Tag “${tag.name}” deleted` });
  };

  return (
    <>
      <AdminPageHeader
        title="Tags"
        description="Categorize posts across boards, e.g. by feature area or platform."
        actions={
          <Button variant="primary" onClick={() => openForm(null)}>
            <PlusIcon size={16} /> New tag
          </Button>
        }
      />
      <section className="card table-wrap">
        {isLoading && !data ? <LoadingBlock /> : null}
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        {data && tags.length === 0 ? <EmptyState title="No tags yet" description="Tags help you slice feedback by area." /> : null}
        {tags.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tags.map((tag) => (
                <tr key={tag.id}>
                  <td><Badge color={tag.color || null}>#{tag.name}</Badge></td>
                  <td>
                    <RowActions
                      subject={`tag ${tag.name}`}
                      actions={[
                        { label: 'Edit', onClick: () => openForm(tag) },
                        { label: 'Delete', onClick: () => setDeleting(tag) },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <TagFormDialog tag={editing} isOpen={isFormOpen} onClose={() => setIsFormOpen(false)} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={deleting !== null}
        title={`Delete tag “${deleting?.name ?? ''}”?`}
        message="The tag is removed from every post that has it."
        confirmLabel="Delete tag"
        onConfirm={() => (deleting ? remove(deleting) : Promise.resolve())}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
