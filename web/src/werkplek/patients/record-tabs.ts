// The tabs of the patient record (seed 001 §5; product.md "Patient record tabs"), in the manual's order,
// each with its own address so a reload or a link opens the right one.

export const recordTabs = ['activities', 'monitoring', 'history', 'dayCurves', 'team', 'memos', 'personalia'] as const;
export type RecordTab = (typeof recordTabs)[number];

const slugs: Record<RecordTab, string> = {
  activities: 'activiteiten',
  monitoring: 'monitoring',
  history: 'historie',
  dayCurves: 'dagcurves',
  team: 'behandelteam',
  memos: 'memos',
  personalia: 'personalia',
};

/** "Activiteiten" is the starting point of every registration (seed 001 §5.2). */
export const defaultRecordTab: RecordTab = 'activities';

export function recordTabSlug(tab: RecordTab): string | undefined {
  return tab === defaultRecordTab ? undefined : slugs[tab];
}

/** The tab for an address segment; undefined for an unknown one. */
export function recordTabFromSlug(slug: string | undefined): RecordTab | undefined {
  if (!slug) return defaultRecordTab;
  return recordTabs.find((tab) => slugs[tab] === slug);
}
