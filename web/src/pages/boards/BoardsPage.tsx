import { Link } from 'react-router';
import { listBoards } from '../../api/boards.ts';
import { useSession, usePageTitle } from '../../features/session/session-context.ts';
import { pluralize } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { buttonClassName } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LockIcon } from '../../ui/icons.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { RetryAlert } from '../../ui/RetryAlert.tsx';
import './boards-page.css';

export function BoardsPage() {
  const { me, isMember } = useSession();
  usePageTitle('Feedback');
  const { data, error, isLoading, reload } = useAsync((signal) => listBoards(signal), []);
  const boards = data?.items ?? [];

  return (
    <>
      <header className="page-header">
        <h1 className="page-header__title">Help shape {me.workspace.name}</h1>
        <p className="page-header__lead">
          Share ideas, vote on what matters to you, and follow along as we plan and ship.
        </p>
      </header>
      {me.needsSetup ? (
        <div className="boards-page__notice">
          <Alert tone="warning" title="This workspace is not set up yet">
            Open the one-time setup link printed in the server log to create the owner account.
          </Alert>
        </div>
      ) : null}
      {error ? (
        <RetryAlert title="Boards could not be loaded" error={error} onRetry={reload} />
      ) : null}
      {isLoading && !data ? <LoadingBlock label="Loading boards…" /> : null}
      {data && boards.length === 0 ? (
        <div className="card">
          <EmptyState
            title="No boards yet"
            description={isMember ? 'Create a board to start collecting feedback.' : 'Check back soon — the team is getting things ready.'}
            action={
              isMember ? (
                <Link to="/admin/boards" className={buttonClassName('primary')}>
                  Create a board
                </Link>
              ) : null
            }
          />
        </div>
      ) : null}
      {boards.length > 0 ? (
        <ul className="board-grid">
          {boards.map((board) => (
            <li key={board.id}>
              <Link to={`/b/${board.slug}`} className="board-card card" data-testid="board-card">
                <span className="board-card__head">
                  <span className="board-card__name">{board.name}</span>
                  {board.visibility === 'private' ? (
                    <Badge title="Only visible to the team">
                      <LockIcon size={11} /> Private
                    </Badge>
                  ) : null}
                </span>
                <span className="board-card__description">{board.description || 'Share your ideas and feedback.'}</span>
                <span className="board-card__count">{pluralize(board.postCount, 'post')}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
