import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../features/session/session-context.ts';
import { cx } from '../../lib/class-names.ts';
import { describeError } from '../../lib/form-errors.ts';
import { Button } from '../../ui/Button.tsx';
import { MenuIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { DisabledWebhooksBanner } from '../admin-webhooks/DisabledWebhooksBanner.tsx';
import { NotificationsBell } from '../../features/notifications/NotificationsBell.tsx';
import { isAdminRole } from './RequireAdmin.tsx';
import './admin.css';

type NavItem = { to: string; label: string; isAdminOnly?: boolean };
const navSections: Array<{ label: string; items: NavItem[] }> = [
  {
    label: 'Feedback',
    items: [{ to: 'posts', label: 'Posts' }, { to: 'duplicates', label: 'Duplicates' }, { to: 'demand', label: 'Top demand' }, { to: 'boards', label: 'Boards', isAdminOnly: true }],
  },
  { label: 'Announce', items: [{ to: 'changelog', label: 'Changelog' }, { to: 'notifications', label: 'Notifications' }] },
  {
    label: 'Organize',
    items: [
      { to: 'statuses', label: 'Statuses', isAdminOnly: true },
      { to: 'tags', label: 'Tags', isAdminOnly: true },
    ],
  },
  { label: 'Customers', items: [{ to: 'companies', label: 'Companies' }, { to: 'people', label: 'People' }] },
  {
    label: 'Workspace',
    items: [
      { to: 'members', label: 'Members', isAdminOnly: true },
      { to: 'api-keys', label: 'API keys', isAdminOnly: true },
      { to: 'webhooks', label: 'Webhooks', isAdminOnly: true },
      { to: 'settings', label: 'Settings', isAdminOnly: true },
      { to: 'mail', label: 'Mail', isAdminOnly: true },
    ],
  },
];

export function AdminLayout() {
  const { me, signOut } = useSession();
  const toast = useToast();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [isNavOpen, setIsNavOpen] = useState(false);
  const isAdmin = isAdminRole(me.member?.role);

  useEffect(() => setIsNavOpen(false), [pathname]);

  const handleSignOut = async () => {
    try {
      await signOut();
      navigate('/login', { replace: true });
    } catch (error) {
      toast.show({ tone: 'error', message: describeError(error) });
    }
  };

  return (
    <div className="admin">
      <a className="skip-link" href="#admin-main">
        Skip to content
      </a>
      <div className="admin-topbar">
        <Link to="/admin" className="brand">
          <span className="brand__mark" aria-hidden="true">
            {me.workspace.name.trim().charAt(0).toUpperCase() || 'B'}
          </span>
          <span className="brand__name">{me.workspace.name}</span>
        </Link>
        <button
          type="button"
          className="icon-button"
          aria-expanded={isNavOpen}
          aria-controls="admin-sidebar"
          aria-label="Menu"
          onClick={() => setIsNavOpen((open) => !open)}
        >
          <MenuIcon size={20} />
        </button>
      </div>
      <aside id="admin-sidebar" className={cx('admin-sidebar', isNavOpen && 'admin-sidebar--open')}>
        <div className="admin-sidebar__top">
          <Link to="/admin" className="brand admin-sidebar__brand">
            <span className="brand__mark" aria-hidden="true">
              {me.workspace.name.trim().charAt(0).toUpperCase() || 'B'}
            </span>
            <span className="brand__name">{me.workspace.name}</span>
          </Link>
          <NotificationsBell preferencesPath="/admin/notifications" align="start" />
        </div>
        <nav aria-label="Admin">
          {navSections.map((section) => {
            const items = section.items.filter((item) => isAdmin || !item.isAdminOnly);
            if (items.length === 0) return null;
            return (
              <div key={section.label} className="admin-nav__section">
                <p className="admin-nav__heading">{section.label}</p>
                <ul className="admin-nav__list">
                  {items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={`/admin/${item.to}`} className="admin-nav__link">
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
        <div className="admin-sidebar__footer">
          <Link to="/" className="admin-nav__link">
            View portal ↗
          </Link>
          <div className="admin-sidebar__me">
            <div className="admin-sidebar__identity">
              <span className="admin-sidebar__name">{me.member?.name}</span>
              <span className="subtle">{me.member?.role}</span>
            </div>
            <Button variant="ghost" size="sm" onClick={handleSignOut}>
              Sign out
            </Button>
          </div>
        </div>
      </aside>
      <main id="admin-main" className="admin-main" tabIndex={-1}>
        {isAdmin && !pathname.startsWith('/admin/webhooks') ? <DisabledWebhooksBanner /> : null}
        <Outlet />
      </main>
    </div>
  );
}
