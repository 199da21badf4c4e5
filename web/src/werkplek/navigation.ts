import type { TFunction } from 'i18next';
import type { NavItem } from '../ui/area-shell';

/**
 * The Werkplek menu, in the order of the manual (seed 001, "Navigatie"; product.md §1).
 * Items a role has no right to will be filtered out here once sessions carry the role.
 */
export const werkplekPaths = {
  login: '/werkplek/inloggen',
  forgotPassword: '/werkplek/wachtwoord-vergeten',
  dashboard: '/werkplek/dashboard',
  patientSearch: '/werkplek/patienten',
  signals: '/werkplek/signalen',
  messages: '/werkplek/berichten',
  reports: '/werkplek/rapportages',
  patientAdd: '/werkplek/patient-toevoegen',
  helpdesk: '/werkplek/helpdesk',
  settings: '/werkplek/instellingen',
} as const;

const menu = ['dashboard', 'patientSearch', 'signals', 'messages', 'reports', 'patientAdd', 'helpdesk', 'settings'] as const;

export function werkplekNavigation(t: TFunction, counts: { signals?: number } = {}): NavItem[] {
  return menu.map((key) => ({
    to: werkplekPaths[key],
    label: t(`werkplek.nav.${key}`),
    badge: key === 'signals' ? counts.signals : undefined,
  }));
}
