import { Navigate, Outlet, type RouteObject } from 'react-router';
import { LoginPage as MijnLoginPage } from '../mijn/auth/login-page';
import { MijnLayout } from '../mijn/mijn-layout';
import { AreaShell } from '../ui/area-shell';
import { NotFoundPage } from '../ui/not-found-page';
import { LoginPage as VerwijzerLoginPage } from '../verwijzer/auth/login-page';
import { VerwijzerLayout } from '../verwijzer/verwijzer-layout';
import { AuditPage } from '../werkplek/audit/audit-page';
import { DeregisteredPage } from '../werkplek/auth/deregistered-page';
import { ForgotPasswordPage } from '../werkplek/auth/forgot-password-page';
import { LoginPage as WerkplekLoginPage } from '../werkplek/auth/login-page';
import { NewPasswordPage } from '../werkplek/auth/new-password-page';
import { RequireScreen, RequireSession, WerkplekFallback } from '../werkplek/auth/require-session';
import { SetPasswordPage } from '../werkplek/auth/set-password-page';
import { ComingLaterPage } from '../werkplek/coming-later/coming-later-page';
import { DashboardPage } from '../werkplek/dashboard/dashboard-page';
import { TaskPage } from '../werkplek/forms/task-page';
import { HelpdeskPage } from '../werkplek/helpdesk/helpdesk-page';
import { HisLaunchPage } from '../werkplek/his/his-launch-page';
import { MessagesPage } from '../werkplek/messages/messages-page';
import { comingLaterScreens, werkplekPaths } from '../werkplek/navigation';
import { PatientAddPage } from '../werkplek/patients/patient-add-page';
import { PatientCardPage } from '../werkplek/patients/patient-card-page';
import { PatientSearchPage } from '../werkplek/patients/patient-search-page';
import { HistoryEntryRoute } from '../werkplek/patients/record/history/history-entry-route';
import { ReportsPage } from '../werkplek/reports/reports-page';
import { SettingsPage } from '../werkplek/settings/settings-page';
import { SignalsPage } from '../werkplek/signals/signals-page';
import { WerkplekLayout } from '../werkplek/werkplek-layout';
import { ZioDashboardPage } from '../werkplek/zio/zio-dashboard-page';
import { LandingPage } from './landing-page';

// Dutch paths, as users see and share them. The server sends index.html for every path under
// /werkplek, /mijn and /verwijzer, so these routes also work on reload and as bookmarks.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <AreaShell>
        <Outlet />
      </AreaShell>
    ),
    children: [
      { index: true, element: <LandingPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/werkplek',
    children: [
      // Before login: no menu.
      {
        element: <WerkplekLayout />,
        children: [
          { path: 'inloggen', element: <WerkplekLoginPage /> },
          { path: 'wachtwoord-vergeten', element: <ForgotPasswordPage /> },
          { path: 'wachtwoord-instellen', element: <SetPasswordPage /> },
          { path: 'afgemeld', element: <DeregisteredPage /> },
        ],
      },
      // After login: the guard sends logged-out users to the login page and shows the menu of the role.
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <Navigate to="dashboard" replace /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'nieuw-wachtwoord', element: <NewPasswordPage /> },
          // The HIS launch lands here (docs/his-launch.md); the guard above makes the user log in first.
          { path: 'his', element: <HisLaunchPage /> },
          {
            path: 'instellingen/:tab?',
            element: (
              <RequireScreen screen="settings">
                <SettingsPage />
              </RequireScreen>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequireScreen screen="audit">
                <AuditPage />
              </RequireScreen>
            ),
          },
          {
            path: werkplekPaths.reports.slice('/werkplek/'.length),
            element: (
              <RequireScreen screen="reports">
                <ReportsPage />
              </RequireScreen>
            ),
          },
          {
            path: 'patienten',
            element: (
              <RequireScreen screen="patientSearch">
                <PatientSearchPage />
              </RequireScreen>
            ),
          },
          {
            path: 'patienten/nieuw',
            element: (
              <RequireScreen screen="patientAdd">
                <PatientAddPage />
              </RequireScreen>
            ),
          },
          {
            path: 'patienten/:patientId/taak/:formKey',
            element: (
              <RequireScreen screen="patientSearch">
                <TaskPage />
              </RequireScreen>
            ),
          },
          {
            path: 'patienten/:patientId/:tab?',
            element: (
              <RequireScreen screen="patientSearch">
                <PatientCardPage />
              </RequireScreen>
            ),
          },
          {
            // One entry of the Historie: `/werkplek/patienten/1/historie/42`.
            path: 'patienten/:patientId/:tab/:entryId',
            element: (
              <RequireScreen screen="patientSearch">
                <HistoryEntryRoute>
                  <PatientCardPage />
                </HistoryEntryRoute>
              </RequireScreen>
            ),
          },
          {
            path: werkplekPaths.zioDashboard.slice('/werkplek/'.length),
            element: (
              <RequireScreen screen="zioDashboard">
                <ZioDashboardPage />
              </RequireScreen>
            ),
          },
          {
            path: 'berichten/:threadId?',
            element: (
              <RequireScreen screen="messages">
                <MessagesPage />
              </RequireScreen>
            ),
          },
          {
            path: 'helpdesk/:slug?',
            element: (
              <RequireScreen screen="helpdesk">
                <HelpdeskPage />
              </RequireScreen>
            ),
          },
          {
            path: 'signalen',
            element: (
              <RequireScreen screen="signals">
                <SignalsPage />
              </RequireScreen>
            ),
          },
          ...comingLaterScreens.map((screen) => ({
            path: werkplekPaths[screen].slice('/werkplek/'.length),
            element: (
              <RequireScreen screen={screen}>
                <ComingLaterPage key={screen} screen={screen} />
              </RequireScreen>
            ),
          })),
        ],
      },
      { path: '*', element: <WerkplekFallback /> },
    ],
  },
  {
    path: '/mijn',
    element: <MijnLayout />,
    children: [
      { index: true, element: <Navigate to="inloggen" replace /> },
      { path: 'inloggen', element: <MijnLoginPage /> },
      { path: '*', element: <NotFoundPage face="mijn" homePath="/mijn" /> },
    ],
  },
  {
    path: '/verwijzer',
    element: <VerwijzerLayout />,
    children: [
      { index: true, element: <Navigate to="inloggen" replace /> },
      { path: 'inloggen', element: <VerwijzerLoginPage /> },
      { path: '*', element: <NotFoundPage face="verwijzer" homePath="/verwijzer" /> },
    ],
  },
];
