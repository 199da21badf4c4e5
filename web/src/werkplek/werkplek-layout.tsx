import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AreaShell } from '../ui/area-shell';
import { werkplekNavigation } from './navigation';

/**
 * Layout of the Werkplek. Pages before login (inloggen, wachtwoord vergeten) use it without
 * the menu; pages after login will use `<WerkplekLayout withNavigation />`.
 */
export function WerkplekLayout({ withNavigation = false }: { withNavigation?: boolean }) {
  const { t } = useTranslation();
  return (
    <AreaShell face="werkplek" navItems={withNavigation ? werkplekNavigation(t) : []}>
      <Outlet />
    </AreaShell>
  );
}
