import type { TFunction } from 'i18next';
import type { NavItem } from '../ui/area-shell';

/**
 * The Werkplek's addresses and menu, in the order of the manual (seed 001 §3 "Navigatie";
 * product.md §1). What a role may use comes from the server (`session.navigation`), so the menu
 * never shows an item the server would refuse.
 */
export const werkplekPaths = {
  login: '/werkplek/inloggen',
  forgotPassword: '/werkplek/wachtwoord-vergeten',
  setPassword: '/werkplek/wachtwoord-instellen',
  newPassword: '/werkplek/nieuw-wachtwoord',
  deregistered: '/werkplek/afgemeld',
  dashboard: '/werkplek/dashboard',
  patientSearch: '/werkplek/patienten',
  signals: '/werkplek/signalen',
  messages: '/werkplek/berichten',
  reports: '/werkplek/rapportages',
  patientAdd: '/werkplek/patienten/nieuw',
  helpdesk: '/werkplek/helpdesk',
  settings: '/werkplek/instellingen',
  zioDashboard: '/werkplek/zio-dashboard',
  audit: '/werkplek/audit',
  roleRights: '/werkplek/rollen-en-rechten',
  hisLaunch: '/werkplek/his',
} as const;

/** The function names the server uses in `session.navigation` (server/src/access/role-functions.ts). */
export type WerkplekFunction =
  | 'dashboard'
  | 'patient-search'
  | 'signals'
  | 'messages'
  | 'reports'
  | 'patient-add'
  | 'helpdesk'
  | 'settings'
  | 'zio-dashboard'
  | 'audit-practice'
  | 'audit-platform'
  | 'role-rights';

/** A screen of the Werkplek; its key names the path, the label (`werkplek.nav.*`) and the description. */
export type WerkplekScreen =
  | 'dashboard'
  | 'patientSearch'
  | 'signals'
  | 'messages'
  | 'reports'
  | 'patientAdd'
  | 'helpdesk'
  | 'settings'
  | 'zioDashboard'
  | 'audit'
  | 'roleRights';

/** Which server function(s) open which screen; one of them is enough. */
export const screenFunctions: Record<WerkplekScreen, readonly WerkplekFunction[]> = {
  dashboard: ['dashboard'],
  patientSearch: ['patient-search'],
  signals: ['signals'],
  messages: ['messages'],
  reports: ['reports'],
  patientAdd: ['patient-add'],
  helpdesk: ['helpdesk'],
  settings: ['settings'],
  zioDashboard: ['zio-dashboard'],
  audit: ['audit-practice', 'audit-platform'],
  roleRights: ['role-rights'],
};

/** The side menu in screen order. Instellingen sits top right (seed 001 §3.8), not in this list. */
const menu: readonly WerkplekScreen[] = [
  'dashboard',
  'patientSearch',
  'signals',
  'messages',
  'reports',
  'patientAdd',
  'helpdesk',
  'zioDashboard',
  'audit',
  'roleRights',
];

/** Screens whose pages arrive in later issues; they show a "komt later" page inside the shell. */
export const comingLaterScreens: readonly WerkplekScreen[] = ['roleRights'];

export function mayOpen(screen: WerkplekScreen, navigation: readonly string[]): boolean {
  return screenFunctions[screen].some((fn) => navigation.includes(fn));
}

/** The screens of the side menu this session may use, in menu order. */
export function availableScreens(navigation: readonly string[]): WerkplekScreen[] {
  return menu.filter((screen) => mayOpen(screen, navigation));
}

/** The side menu for a session: only what `navigation` (from the server) allows. */
export function werkplekNavigation(
  t: TFunction,
  navigation: readonly string[],
  counts: { signals?: number; messages?: number } = {},
): NavItem[] {
  return availableScreens(navigation).map((screen) => ({
    to: werkplekPaths[screen],
    label: t(`werkplek.nav.${screen}`),
    badge: screen === 'signals' ? counts.signals : screen === 'messages' ? counts.messages : undefined,
  }));
}
