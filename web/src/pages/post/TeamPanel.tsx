import { Link } from 'react-router';
import { listStatuses } from '../../api/taxonomy.ts';
import type { Post } from '../../api/types.ts';
import { StatusChangeForm } from '../../features/posts/StatusChangeForm.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { LoadingBlock } from '../../ui/Spinner.tsx';

type TeamPanelProps = { post: Post; onSaved: (post: Post) => void };

// Members see the triage controls right on the public page, like they would in the admin.
export function TeamPanel({ post, onSaved }: TeamPanelProps) {
  const statuses = useAsync((signal) => listStatuses(signal).then((page) => page.items), []);
  return (
    <section className="card post-aside-card" aria-labelledby="team-panel-title">
      <div className="post-aside-card__head">
        <h2 id="team-panel-title" className="post-aside-card__title">
          Team
        </h2>
        <Link to={`/admin/posts/${post.id}`} className="subtle">
          Open in admin
        </Link>
      </div>
      {statuses.data ? (
        <StatusChangeForm key={`${post.id}:${post.status.id}`} post={post} statuses={statuses.data} onSaved={onSaved} />
      ) : (
        <LoadingBlock label="Loading statuses…" />
      )}
    </section>
  );
}
