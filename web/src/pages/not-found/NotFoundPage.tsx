import { Link } from 'react-router';
import { usePageTitle } from '../../features/session/session-context.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  usePageTitle('Not found');
  return (
    <div className="card">
      <EmptyState
        title={`This ${what} does not exist`}
        description={`It may have been removed, made private, or the link is mistyped.`}
        action={
          <Link to="/" className={buttonClassName('secondary')}>
            Back to all boards
          </Link>
        }
      />
    </div>
  );
}
