import { werkplekPaths } from '../navigation';

// The parts of Instellingen (seed 001 §3.8), each with its own address so a reload or a link
// (e.g. from the dashboard's terms reminder) opens the right one.

export const settingsTabs = ['account', 'password', 'notifications', 'terms', 'deregister'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

const slugs: Record<SettingsTab, string> = {
  account: '',
  password: 'wachtwoord',
  notifications: 'meldingen',
  terms: 'gebruiksvoorwaarden',
  deregister: 'afmelden',
};

export function settingsTabPath(tab: SettingsTab): string {
  return slugs[tab] ? `${werkplekPaths.settings}/${slugs[tab]}` : werkplekPaths.settings;
}

/** The tab for the address segment; undefined for an unknown one. */
export function settingsTabFromSlug(slug: string | undefined): SettingsTab | undefined {
  return settingsTabs.find((tab) => slugs[tab] === (slug ?? ''));
}
