// The role names of the previous system and the Keten role each becomes (docs/legacy-import.md has the
// table). Matching ignores case, accents, spaces, hyphens and a trailing "(e)": "Doktersassistent(e)",
// "POH-S" and "poh s" are all found. A name not listed here is not guessed: the account is not created and
// the report names it, so the migration team decides.

// biome-ignore format: a table, one old name per line
const oldRoleNames: Readonly<Record<string, string>> = {
  'huisarts': 'huisarts',
  'waarnemend huisarts': 'huisarts',
  'waarnemer': 'huisarts',
  'haio': 'huisarts',
  'poh': 'poh-somatiek',
  'poh s': 'poh-somatiek',
  'poh somatiek': 'poh-somatiek',
  'praktijkondersteuner': 'poh-somatiek',
  'praktijkverpleegkundige': 'poh-somatiek',
  'poh ggz': 'poh-ggz',
  'praktijkondersteuner ggz': 'poh-ggz',
  'assistent': 'praktijkassistent',
  'assistente': 'praktijkassistent',
  'doktersassistent': 'praktijkassistent',
  'doktersassistente': 'praktijkassistent',
  'praktijkassistent': 'praktijkassistent',
  'praktijkassistente': 'praktijkassistent',
  'praktijkmanager': 'praktijkbeheerder',
  'praktijkbeheerder': 'praktijkbeheerder',
  'beheerder': 'praktijkbeheerder',
  'dietist': 'dietist',
  'pedicure': 'podotherapeut',
  'medisch pedicure': 'podotherapeut',
  'podotherapeut': 'podotherapeut',
  'podotherapeut pedicure': 'podotherapeut',
  'fysiotherapeut': 'fysiotherapeut',
  'fysio': 'fysiotherapeut',
  'mgl': 'mgl-medewerker',
  'mgl medewerker': 'mgl-medewerker',
  'loketmedewerker': 'mgl-medewerker',
  'specialist': 'medisch-specialist',
  'medisch specialist': 'medisch-specialist',
  'baliemedewerker': 'baliemedewerker',
  'balie': 'baliemedewerker',
  'helpdesk': 'helpdesk',
  'applicatiebeheerder': 'platformbeheerder',
  'functioneel beheerder': 'platformbeheerder',
};

export function normaliseRoleName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\((e|ster)\)/g, '')
    .replace(/[\s\-_/.]+/g, ' ')
    .trim();
}

/** The Keten role code of an old role name, or undefined when the name is not known. */
export function mapOldRole(value: string): string | undefined {
  return oldRoleNames[normaliseRoleName(value)];
}

/** Every old name with its role, for the docs and tests. */
export function oldRoleTable(): ReadonlyArray<readonly [string, string]> {
  return Object.entries(oldRoleNames);
}

/**
 * The record type a Journaal line gets from its author's role: who may read it in Historie follows from the
 * role × record-type matrix (migration 0003), so a POH-GGZ note stays hidden from roles without GGZ rights
 * (seed 001 §5.4). A line whose author is unknown counts as somatic, the GP record's ordinary content.
 */
// biome-ignore format: a table, one role per line
const recordTypeByRole: Readonly<Record<string, string>> = {
  'huisarts': 'somatic',
  'poh-somatiek': 'somatic',
  'praktijkassistent': 'somatic',
  'praktijkbeheerder': 'somatic',
  'poh-ggz': 'ggz',
  'dietist': 'dietetics',
  'podotherapeut': 'podotherapy',
  'fysiotherapeut': 'physiotherapy',
  'mgl-medewerker': 'mgl',
  'medisch-specialist': 'hospital',
  'baliemedewerker': 'hospital',
};

export function journalRecordType(role: string | null | undefined): string {
  return (role ? recordTypeByRole[role] : undefined) ?? 'somatic';
}
