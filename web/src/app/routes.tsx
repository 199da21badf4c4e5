import { Navigate, Outlet, type RouteObject } from 'react-router';
import { LoginPage as MijnLoginPage } from '../mijn/auth/login-page';
import { MijnLayout } from '../mijn/mijn-layout';
import { AreaShell } from '../ui/area-shell';
import { NotFoundPage } from '../ui/not-found-page';
import { LoginPage as VerwijzerLoginPage } from '../verwijzer/auth/login-page';
import { VerwijzerLayout } from '../verwijzer/verwijzer-layout';
import { ForgotPasswordPage } from '../werkplek/auth/forgot-password-page';
import { LoginPage as WerkplekLoginPage } from '../werkplek/auth/login-page';
import { WerkplekLayout } from '../werkplek/werkplek-layout';
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
    element: <WerkplekLayout />,
    children: [
      // Until login exists every Werkplek page starts at the login page.
      { index: true, element: <Navigate to="inloggen" replace /> },
      { path: 'inloggen', element: <WerkplekLoginPage /> },
      { path: 'wachtwoord-vergeten', element: <ForgotPasswordPage /> },
      { path: '*', element: <NotFoundPage face="werkplek" homePath="/werkplek" /> },
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
