import { useState } from 'react';
import { deleteStatus, listStatuses } from '../../api/taxonomy.ts';
import type { Status } from '../../api/types.ts';
import { describeStatusKind } from '../../features/posts/status-kinds.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
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
import { StatusFormDialog } from './StatusFormDialog.tsx';

export function StatusesAdminPage() {
  const toast = useToast();
  const { data, error, isLoading, setData, reload } = useAsync((signal) => listStatuses(signal).then((page) => page.items), []);
  const [editing, setEditing] = useState<Status | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<Status | null>(null);
  const statuses = [...(data ?? [])].sort((a, b) => a.position - b.position);

  const openForm = (status: Status | null) => {
    setEditing(status);
    setIsFormOpen(true);
  };

  const onSaved = (saved: Status) => {
    setIsFormOpen(false);
    toast.show({ tone: 'success', message: `Status “${saved.name}” saved` });
    // Making one status the default changes the others, so read the list again.
    reload();
  };

  const remove = async (status: Status) => {
    await deleteStatus(status.id);
    setData((current = []) => current.filter((item) => item.id !== status.id));
    toast.show({ message: `Status “${status.name}” deleted` });
  };

  return (
    <>
      <AdminPageHeader
        title="Statuses"
        description="Name the stages feedback moves through. Each status maps to a fixed kind so roadmaps and notifications stay meaningful."
        actions={
          <Button variant="primary" onClick={() => openForm(null)}>
            <PlusIcon size={16} /> New status
          </Button>
        }
      />
      <section className="card table-wrap">
        {isLoading && !data ? <LoadingBlock /> : null}
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        {data && statuses.length === 0 ? <EmptyState title="No statuses" description="Create at least one status for new posts." /> : null}
        {statuses.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Kind</th>
                <th scope="col"><span className="visually-hidden">Default</span></th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {statuses.map((status) => (
                <tr key={status.id}>
                  <td><StatusBadge status={status} /></td>
                  <td className="muted">{describeStatusKind(status.kind)}</td>
                  <td>{status.isDefault ? <Badge color="var(--accent)">Default</Badge> : null}</td>
                  <td>
                    <RowActions
                      subject={`status ${status.name}`}
                      actions={[
                        { label: 'Edit', onClick: () => openForm(status) },
                        { label: 'Delete', onClick: () => setDeleting(status) },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <StatusFormDialog status={editing} isOpen={isFormOpen} onClose={() => setIsFormOpen(false)} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={deleting !== null}
        title={`Delete status “${deleting?.name ?? ''}”?`}
        message="A status can only be deleted while no post uses it. Move those posts to another status first."
        confirmLabel="Delete status"
        onConfirm={() => (deleting ? remove(deleting) : Promise.resolve())}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
