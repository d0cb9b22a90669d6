import { Link, Outlet } from 'react-router';
import { useSession } from '../../features/session/session-context.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LockIcon } from '../../ui/icons.tsx';

export function isAdminRole(role: string | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

// Workspace settings are for owners and admins; plain members triage posts and customers only.
export function RequireAdmin() {
  const { me } = useSession();
  if (isAdminRole(me.member?.role)) return <Outlet />;
  return (
    <div className="card">
      <EmptyState
        icon={<LockIcon size={20} />}
        title="Admins only"
        description="Ask an owner or admin of this workspace to change this for you."
        action={
          <Link to="/admin/posts" className={buttonClassName()}>
            Go to posts
          </Link>
        }
      />
    </div>
  );
}

export function AdminNotFound() {
  return (
    <div className="card">
      <EmptyState
        title="This page does not exist"
        action={
          <Link to="/admin/posts" className={buttonClassName()}>
            Go to posts
          </Link>
        }
      />
    </div>
  );
}
