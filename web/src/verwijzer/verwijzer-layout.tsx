import { Outlet } from 'react-router';
import { AreaShell } from '../ui/area-shell';

/** Layout of the Verwijzersportaal, for GPs outside the institution. */
export function VerwijzerLayout() {
  return (
    <AreaShell face="verwijzer">
      <Outlet />
    </AreaShell>
  );
}
