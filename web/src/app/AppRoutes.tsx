import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireAuth } from './auth/RequireAuth';
import { RequireRole } from './auth/RequireRole';
import { lazyRoute } from './lazyRoute';
import { RouteErrorBoundary } from './RouteErrorBoundary';

// Every page is its own chunk, so the overview only loads what it draws.
const LoginPage = lazy(() => import('../features/login/LoginPage').then((m) => ({ default: m.LoginPage })));
const overview = lazyRoute(() => import('../features/overview/OverviewPage').then((m) => m.OverviewPage));
const OverviewPage = overview.Page;
const IncidentsPage = lazy(() => import('../features/incidents/IncidentsPage').then((m) => ({ default: m.IncidentsPage })));
const IncidentPage = lazy(() => import('../features/incident/IncidentPage').then((m) => ({ default: m.IncidentPage })));
const NewIncidentPage = lazy(() => import('../features/incident/NewIncidentPage').then((m) => ({ default: m.NewIncidentPage })));
const ServicesPage = lazy(() => import('../features/services/ServicesPage').then((m) => ({ default: m.ServicesPage })));
const ActionItemsPage = lazy(() => import('../features/action-items/ActionItemsPage').then((m) => ({ default: m.ActionItemsPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const ImportPage = lazy(() => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

/**
 * Starts loading the page at `pathname` (the overview, the page most sessions open on) before the first render, so it
 * renders at once instead of behind a loading fallback. Never rejects: a failed chunk shows the route's error boundary.
 */
export function preloadRoute(pathname: string): Promise<void> {
  if (pathname !== '/') return Promise.resolve();
  return overview.preload().then(
    () => undefined,
    () => undefined,
  );
}

function Loading() {
  return (
    <div className="page-loading" role="status">
      Loading…
    </div>
  );
}

function Protected({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <RequireAuth>
      <AppLayout>
        <RouteErrorBoundary key={pathname}>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </RouteErrorBoundary>
      </AppLayout>
    </RequireAuth>
  );
}

function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
    </div>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<Loading />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        path="/"
        element={
          <Protected>
            <OverviewPage />
          </Protected>
        }
      />
      <Route
        path="/incidents"
        element={
          <Protected>
            <IncidentsPage />
          </Protected>
        }
      />
      <Route
        path="/incidents/new"
        element={
          <Protected>
            <RequireRole role="RESPONDER">
              <NewIncidentPage />
            </RequireRole>
          </Protected>
        }
      />
      <Route
        path="/incidents/:id"
        element={
          <Protected>
            <IncidentPage />
          </Protected>
        }
      />
      <Route
        path="/services"
        element={
          <Protected>
            <ServicesPage />
          </Protected>
        }
      />
      <Route
        path="/action-items"
        element={
          <Protected>
            <ActionItemsPage />
          </Protected>
        }
      />
      <Route
        path="/reports"
        element={
          <Protected>
            <ReportsPage />
          </Protected>
        }
      />
      <Route
        path="/import"
        element={
          <Protected>
            <RequireRole role="RESPONDER">
              <ImportPage />
            </RequireRole>
          </Protected>
        }
      />
      <Route
        path="/settings"
        element={
          <Protected>
            <RequireRole role="ADMIN">
              <SettingsPage />
            </RequireRole>
          </Protected>
        }
      />
      <Route
        path="*"
        element={
          <Protected>
            <NotFound />
          </Protected>
        }
      />
    </Routes>
  );
}
