import { Link } from 'react-router';
import { deleteBoard, listBoards } from '../../api/boards.ts';
import type { Board } from '../../api/types.ts';
import { pluralize } from '../../lib/format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { editAndDeleteActions, RowActions } from '../admin-layout/RowActions.tsx';
import { useAdminCollection } from '../admin-layout/use-admin-collection.ts';
import { BoardFormDialog } from './BoardFormDialog.tsx';

export function BoardsAdminPage() {
  const toast = useToast();
  const boards = useAdminCollection<Board>(listBoards, (board) => deleteBoard(board.id));

  const onSaved = (saved: Board) => {
    const isNew = boards.editing === null;
    boards.saved(saved);
    toast.show({ tone: 'success', message: isNew ? `Board “${saved.name}” created` : 'Board saved' });
  };

  const remove = async () => {
    const removed = await boards.confirmDelete();
    if (removed) toast.show({ message: `Board “${removed.name}” deleted` });
  };

  return (
    <>
      <AdminPageHeader
        title="Boards"
        description="Boards group feedback by product area. Private boards are visible to the team only."
        actions={
          <Button variant="primary" onClick={() => boards.openForm(null)} data-testid="new-board-button">
            <PlusIcon size={16} /> New board
          </Button>
        }
      />
      <CollectionTable
        state={boards}
        count={boards.items.length}
        empty={{ title: 'No boards yet', description: 'Create your first board to start collecting feedback.' }}
        columns={[{ label: 'Board' }, { label: 'Visibility' }, { label: 'Posts', className: 'numeric' }]}
      >
        {boards.items.map((board) => (
          <tr key={board.id}>
            <td>
              <Link to={`/b/${board.slug}`} className="table__primary">{board.name}</Link>
              <div className="subtle">/b/{board.slug}</div>
            </td>
            <td>{board.visibility === 'private' ? <Badge>Private</Badge> : <Badge color="var(--success)">Public</Badge>}</td>
            <td className="numeric">{pluralize(board.postCount, 'post')}</td>
            <RowActions subject={board.name} actions={editAndDeleteActions(boards, board)} />
          </tr>
        ))}
      </CollectionTable>
      <BoardFormDialog board={boards.editing} isOpen={boards.isFormOpen} onClose={boards.closeForm} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={boards.deleting !== null}
        title={`Delete “${boards.deleting?.name ?? ''}”?`}
        message={`This removes the board and its ${pluralize(boards.deleting?.postCount ?? 0, 'post')} for everyone. This cannot be undone.`}
        confirmLabel="Delete board"
        onConfirm={remove}
        onClose={boards.cancelDelete}
      />
    </>
  );
}
