import { lazy, Suspense, useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { IdentityProvider } from './features/identity/IdentityProvider.tsx';
import { SessionProvider } from './features/session/SessionProvider.tsx';
import { BoardPage } from './pages/board/BoardPage.tsx';
import { BoardsPage } from './pages/boards/BoardsPage.tsx';
import { ChangelogEntryPage } from './pages/changelog/ChangelogEntryPage.tsx';
import { ChangelogPage } from './pages/changelog/ChangelogPage.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { MagicLinkPage } from './pages/magic-link/MagicLinkPage.tsx';
import { NotFoundPage } from './pages/not-found/NotFoundPage.tsx';
import { PortalLayout } from './pages/portal-layout/PortalLayout.tsx';
import { PostPage } from './pages/post/PostPage.tsx';
import { PreferencesPage } from './pages/preferences/PreferencesPage.tsx';
import { RoadmapPage } from './pages/roadmap/RoadmapPage.tsx';
import { SetupPage } from './pages/setup/SetupPage.tsx';
import { LoadingBlock } from './ui/Spinner.tsx';
import { ToastProvider } from './ui/Toast.tsx';

// The admin is a separate chunk: visitors of the public portal never download it.
const AdminApp = lazy(() => import('./pages/admin-layout/AdminApp.tsx').then((module) => ({ default: module.AdminApp })));

function ScrollToTopOnNavigate() {
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

export function App() {
  return (
    <ToastProvider>
      <SessionProvider>
        <IdentityProvider>
          <ScrollToTopOnNavigate />
          <Routes>
            <Route element={<PortalLayout />}>
              <Route index element={<BoardsPage />} />
              <Route path="b/:boardSlug" element={<BoardPage />} />
              <Route path="p/:postId" element={<PostPage />} />
              <Route path="roadmap" element={<RoadmapPage />} />
              <Route path="changelog" element={<ChangelogPage />} />
              <Route path="changelog/:entryId" element={<ChangelogEntryPage />} />
              <Route path="preferences" element={<PreferencesPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
            <Route path="auth/magic" element={<MagicLinkPage />} />
            <Route path="setup/:token" element={<SetupPage />} />
            <Route path="login" element={<LoginPage />} />
            <Route
              path="admin/*"
              element={
                <Suspense fallback={<LoadingBlock label="Loading admin…" />}>
                  <AdminApp />
                </Suspense>
              }
            />
          </Routes>
        </IdentityProvider>
      </SessionProvider>
    </ToastProvider>
  );
}
