import { Outlet } from 'react-router';
import { AreaShell } from '../ui/area-shell';

/** Layout of Mijn Keten, the patient portal. */
export function MijnLayout() {
  return (
    <AreaShell face="mijn">
      <Outlet />
    </AreaShell>
  );
}
