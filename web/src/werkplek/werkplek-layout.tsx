import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { AreaShell } from '../ui/area-shell';

/**
 * Layout of the Werkplek pages before login (inloggen, wachtwoord vergeten/instellen, afgemeld):
 * no menu. Pages after login use `WerkplekShell` (through the route guard).
 */
export function WerkplekLayout({ children }: { children?: ReactNode }) {
  return <AreaShell face="werkplek">{children ?? <Outlet />}</AreaShell>;
}
