import { useState } from 'react';
import { Link } from 'react-router';
import { deleteBoard, listBoards } from '../../api/boards.ts';
import type { Board } from '../../api/types.ts';
import { pluralize } from '../../lib/format.ts';
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
import { BoardFormDialog } from './BoardFormDialog.tsx';

export function BoardsAdminPage() {
  const toast = useToast();
  const { data, error, isLoading, setData, reload } = useAsync((signal) => listBoards(signal).then((page) => page.items), []);
  const [editing, setEditing] = useState<Board | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<Board | null>(null);
  const boards = data ?? [];

  const openForm = (board: Board | null) => {
    setEditing(board);
    setIsFormOpen(true);
  };

  const onSaved = (saved: Board) => {
    setData((current = []) =>
      current.some((board) => board.id === saved.id) ? current.map((board) => (board.id === saved.id ? saved : board)) : [...current, saved],
    );
    setIsFormOpen(false);
    toast.show({ tone: 'success', message: editing ? 'Board saved' : `Board “${saved.name}” created` });
  };

  const remove = async (board: Board) => {
    await deleteBoard(board.id);
    setData((current = []) => current.filter((item) => item.id !== board.id));
    toast.show({ message: `Board “${board.name}” deleted` });
  };

  return (
    <>
      <AdminPageHeader
        title="Boards"
        description="Boards group feedback by product area. Private boards are visible to the team only."
        actions={
          <Button variant="primary" onClick={() => openForm(null)} data-testid="new-board-button">
            <PlusIcon size={16} /> New board
          </Button>
        }
      />
      <section className="card table-wrap">
        {isLoading && !data ? <LoadingBlock /> : null}
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        {data && boards.length === 0 ? (
          <EmptyState title="No boards yet" description="Create your first board to start collecting feedback." />
        ) : null}
        {boards.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Board</th>
                <th scope="col">Visibility</th>
                <th scope="col" className="numeric">Posts</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {boards.map((board) => (
                <tr key={board.id}>
                  <td>
                    <Link to={`/b/${board.slug}`} className="table__primary">{board.name}</Link>
                    <div className="subtle">/b/{board.slug}</div>
                  </td>
                  <td>{board.visibility === 'private' ? <Badge>Private</Badge> : <Badge color="var(--success)">Public</Badge>}</td>
                  <td className="numeric">{pluralize(board.postCount, 'post')}</td>
                  <td>
                    <RowActions
                      subject={board.name}
                      actions={[
                        { label: 'Edit', onClick: () => openForm(board) },
                        { label: 'Delete', onClick: () => setDeleting(board) },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <BoardFormDialog board={editing} isOpen={isFormOpen} onClose={() => setIsFormOpen(false)} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        message={`This removes the board and its ${pluralize(deleting?.postCount ?? 0, 'post')} for everyone. This cannot be undone.`}
        confirmLabel="Delete board"
        onConfirm={() => (deleting ? remove(deleting) : Promise.resolve())}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
