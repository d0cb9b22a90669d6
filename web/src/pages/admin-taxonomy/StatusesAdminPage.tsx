import { deleteStatus, listStatuses } from '../../api/taxonomy.ts';
import type { Status } from '../../api/types.ts';
import { describeStatusKind } from '../../features/posts/status-kinds.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { editAndDeleteActions, RowActions } from '../admin-layout/RowActions.tsx';
import { useAdminCollection } from '../admin-layout/use-admin-collection.ts';
import { StatusFormDialog } from './StatusFormDialog.tsx';

export function StatusesAdminPage() {
  const toast = useToast();
  const collection = useAdminCollection<Status>(listStatuses, (status) => deleteStatus(status.id));
  const statuses = [...collection.items].sort((a, b) => a.position - b.position);

  const onSaved = (saved: Status) => {
    collection.closeForm();
    toast.show({ tone: 'success', message: `Status “${saved.name}” saved` });
    // Making one status the default changes the others, so read the list again.
    collection.reload();
  };

  const remove = async () => {
    const removed = await collection.confirmDelete();
    if (removed) toast.show({ message: `Status “${removed.name}” deleted` });
  };

  return (
    <>
      <AdminPageHeader
        title="Statuses"
        description="Name the stages feedback moves through. Each status maps to a fixed kind so roadmaps and notifications stay meaningful."
        actions={
          <Button variant="primary" onClick={() => collection.openForm(null)}>
            <PlusIcon size={16} /> New status
          </Button>
        }
      />
      <CollectionTable
        state={collection}
        count={statuses.length}
        empty={{ title: 'No statuses', description: 'Create at least one status for new posts.' }}
        columns={[{ label: 'Status' }, { label: 'Kind' }, { label: <span className="visually-hidden">Default</span> }]}
      >
        {statuses.map((status) => (
          <tr key={status.id}>
            <td><StatusBadge status={status} /></td>
            <td className="muted">{describeStatusKind(status.kind)}</td>
            <td>{status.isDefault ? <Badge color="var(--accent)">Default</Badge> : null}</td>
            <RowActions subject={`status ${status.name}`} actions={editAndDeleteActions(collection, status)} />
          </tr>
        ))}
      </CollectionTable>
      <StatusFormDialog status={collection.editing} isOpen={collection.isFormOpen} onClose={collection.closeForm} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={collection.deleting !== null}
        title={`Delete status “${collection.deleting?.name ?? ''}”?`}
        message="A status can only be deleted while no post uses it. Move those posts to another status first."
        confirmLabel="Delete status"
        onConfirm={remove}
        onClose={collection.cancelDelete}
      />
    </>
  );
}
