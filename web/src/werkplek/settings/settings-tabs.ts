import type { Session } from '../auth/auth-api';
import { werkplekPaths } from '../navigation';

// The parts of Instellingen (seed 001 §3.8), each with its own address so a reload or a link
// (e.g. from the dashboard's terms reminder) opens the right one.

export const settingsTabs = ['account', 'password', 'notifications', 'terms', 'his', 'deregister'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

/**
 * The tabs this account has: the HIS link of the practice is for the praktijkbeheerder of a GP practice only
 * (docs/his-launch.md "Practice administrator settings"; the server answers 404 to others).
 */
export function settingsTabsFor(session: Pick<Session, 'account'>): SettingsTab[] {
  const hisAdmin = session.account.role === 'praktijkbeheerder' && session.account.organisation.type === 'gp-practice';
  return settingsTabs.filter((tab) => tab !== 'his' || hisAdmin);
}

const slugs: Record<SettingsTab, string> = {
  account: '',
  password: 'wachtwoord',
  notifications: 'meldingen',
  terms: 'gebruiksvoorwaarden',
  his: 'his-koppeling',
  deregister: 'afmelden',
};

export function settingsTabPath(tab: SettingsTab): string {
  return slugs[tab] ? `${werkplekPaths.settings}/${slugs[tab]}` : werkplekPaths.settings;
}

/** The tab for the address segment; undefined for an unknown one. */
export function settingsTabFromSlug(slug: string | undefined): SettingsTab | undefined {
  return settingsTabs.find((tab) => slugs[tab] === (slug ?? ''));
}
