import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from '../../features/session/session-context.ts';
import { ApiKeysAdminPage } from '../admin-api-keys/ApiKeysAdminPage.tsx';
import { BoardsAdminPage } from '../admin-boards/BoardsAdminPage.tsx';
import { ChangelogAdminPage } from '../admin-changelog/ChangelogAdminPage.tsx';
import { ChangelogEditorPage } from '../admin-changelog/ChangelogEditorPage.tsx';
import { CompaniesAdminPage } from '../admin-companies/CompaniesAdminPage.tsx';
import { TopDemandPage } from '../admin-demand/TopDemandPage.tsx';
import { DuplicatesAdminPage } from '../admin-duplicates/DuplicatesAdminPage.tsx';
import { MailSettingsAdminPage } from '../admin-mail/MailSettingsAdminPage.tsx';
import { MembersAdminPage } from '../admin-members/MembersAdminPage.tsx';
import { NotificationsAdminPage } from '../admin-notifications/NotificationsAdminPage.tsx';
import { PeopleAdminPage } from '../admin-people/PeopleAdminPage.tsx';
import { AdminPostDrawer } from '../admin-post/AdminPostDrawer.tsx';
import { AdminPostsPage } from '../admin-posts/AdminPostsPage.tsx';
import { SettingsAdminPage } from '../admin-settings/SettingsAdminPage.tsx';
import { StatusesAdminPage } from '../admin-taxonomy/StatusesAdminPage.tsx';
import { TagsAdminPage } from '../admin-taxonomy/TagsAdminPage.tsx';
import { WebhookDetailPage } from '../admin-webhooks/WebhookDetailPage.tsx';
import { WebhooksAdminPage } from '../admin-webhooks/WebhooksAdminPage.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { AdminNotFound, RequireAdmin } from './RequireAdmin.tsx';

// Everything under /admin. Only workspace members get in; others are sent to the team sign-in and
// brought back afterwards.
export function AdminApp() {
  const { isMember } = useSession();
  const location = useLocation();
  if (!isMember) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<Navigate to="posts" replace />} />
        <Route path="posts" element={<AdminPostsPage />}>
          <Route path=":postId" element={<AdminPostDrawer />} />
        </Route>
        <Route path="changelog" element={<ChangelogAdminPage />} />
        <Route path="changelog/:entryId" element={<ChangelogEditorPage />} />
        <Route path="demand" element={<TopDemandPage />} />
        <Route path="duplicates" element={<DuplicatesAdminPage />} />
        <Route path="companies" element={<CompaniesAdminPage />} />
        <Route path="people" element={<PeopleAdminPage />} />
        <Route path="notifications" element={<NotificationsAdminPage />} />
        <Route element={<RequireAdmin />}>
          <Route path="boards" element={<BoardsAdminPage />} />
          <Route path="tags" element={<TagsAdminPage />} />
          <Route path="statuses" element={<StatusesAdminPage />} />
          <Route path="members" element={<MembersAdminPage />} />
          <Route path="api-keys" element={<ApiKeysAdminPage />} />
          <Route path="webhooks" element={<WebhooksAdminPage />} />
          <Route path="webhooks/:endpointId" element={<WebhookDetailPage />} />
          <Route path="settings" element={<SettingsAdminPage />} />
          <Route path="mail" element={<MailSettingsAdminPage />} />
        </Route>
        <Route path="*" element={<AdminNotFound />} />
      </Route>
    </Routes>
  );
}
