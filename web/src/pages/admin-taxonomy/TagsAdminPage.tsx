import { deleteTag, listTags } from '../../api/taxonomy.ts';
import type { Tag } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { editAndDeleteActions, RowActions } from '../admin-layout/RowActions.tsx';
import { useAdminCollection } from '../admin-layout/use-admin-collection.ts';
import { TagFormDialog } from './TagFormDialog.tsx';

export function TagsAdminPage() {
  const toast = useToast();
  const tags = useAdminCollection<Tag>(listTags, (tag) => deleteTag(tag.id));

  const onSaved = (saved: Tag) => {
    tags.saved(saved);
    toast.show({ tone: 'success', message: `Tag “${saved.name}” saved` });
  };

  const remove = async () => {
    const removed = await tags.confirmDelete();
    if (removed) toast.show({ message: `Tag “${removed.name}” deleted` });
  };

  return (
    <>
      <AdminPageHeader
        title="Tags"
        description="Categorize posts across boards, e.g. by feature area or platform."
        actions={
          <Button variant="primary" onClick={() => tags.openForm(null)}>
            <PlusIcon size={16} /> New tag
          </Button>
        }
      />
      <CollectionTable state={tags} count={tags.items.length} empty={{ title: 'No tags yet', description: 'Tags help you slice feedback by area.' }} columns={[{ label: 'Tag' }]}>
        {tags.items.map((tag) => (
          <tr key={tag.id}>
            <td><Badge color={tag.color || null}>#{tag.name}</Badge></td>
            <RowActions subject={`tag ${tag.name}`} actions={editAndDeleteActions(tags, tag)} />
          </tr>
        ))}
      </CollectionTable>
      <TagFormDialog tag={tags.editing} isOpen={tags.isFormOpen} onClose={tags.closeForm} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={tags.deleting !== null}
        title={`Delete tag “${tags.deleting?.name ?? ''}”?`}
        message="The tag is removed from every post that has it."
        confirmLabel="Delete tag"
        onConfirm={remove}
        onClose={tags.cancelDelete}
      />
    </>
  );
}
