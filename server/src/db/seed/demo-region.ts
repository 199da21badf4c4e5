import type { OrganisationType } from '../schema.js';

// The fixed demo care region: every demo database has exactly these organisations, persons and
// accounts (later work and the browser tests rely on the usernames, abbreviations and user numbers).
// Names, addresses, phone numbers, AGB/UZI/BIG numbers are invented.

/** The password of every demo account (development only; printed in the README and start banner). */
export const DEMO_PASSWORD = 'keten-demo-wachtwoord';

export type RoleCode =
  | 'huisarts'
  | 'poh-somatiek'
  | 'poh-ggz'
  | 'praktijkassistent'
  | 'praktijkbeheerder'
  | 'dietist'
  | 'podotherapeut'
  | 'fysiotherapeut'
  | 'mgl-medewerker'
  | 'medisch-specialist'
  | 'baliemedewerker'
  | 'helpdesk'
  | 'platformbeheerder';

export interface DemoOrganisation {
  abbreviation: string;
  type: OrganisationType;
  name: string;
  /** Abbreviation of the parent (hospital departments). */
  parent?: string;
  agbCode: string | null;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  phone: string;
}

const zkhAddress = { street: 'Ziekenhuislaan', houseNumber: '1', postcode: '5631 BM', city: 'Eindhoven' } as const;

// biome-ignore format: a table, one organisation per line
export const demoOrganisations: readonly DemoOrganisation[] = [
  { abbreviation: 'ZORGGROEP', type: 'care-group', name: 'Zorggroep Dommelstreek', agbCode: null, street: 'Stationsplein', houseNumber: '12', postcode: '5611 AC', city: 'Eindhoven', phone: '040-2190100' },
  { abbreviation: 'HAPZ', type: 'gp-practice', name: 'Huisartsenpraktijk Zonnehof', agbCode: '01059001', street: 'Zonnehof', houseNumber: '4', postcode: '5625 KL', city: 'Eindhoven', phone: '040-2411230' },
  { abbreviation: 'HAPB', type: 'gp-practice', name: 'Huisartsenpraktijk De Brug', agbCode: '01059002', street: 'Brugstraat', houseNumber: '21', postcode: '5504 BN', city: 'Veldhoven', phone: '040-2530871' },
  { abbreviation: 'HAPA', type: 'gp-practice', name: 'Huisartsenpraktijk Het Anker', agbCode: '01059003', street: 'Ankerplein', houseNumber: '3', postcode: '5683 GH', city: 'Best', phone: '0499-371522' },
  { abbreviation: 'HAPL', type: 'gp-practice', name: 'Huisartsenpraktijk De Linde', agbCode: '01059004', street: 'Lindelaan', houseNumber: '47', postcode: '5672 AK', city: 'Nuenen', phone: '040-2834019' },
  { abbreviation: 'VITAAL', type: 'dietitian', name: 'Diëtistenpraktijk Vitaal', agbCode: '24059001', street: 'Kastanjelaan', houseNumber: '8', postcode: '5616 LB', city: 'Eindhoven', phone: '040-2125566' },
  { abbreviation: 'VOETZORG', type: 'podotherapy', name: 'Voetzorg Zuid', agbCode: '94059001', street: 'Heuvel', houseNumber: '15', postcode: '5664 HV', city: 'Geldrop', phone: '040-2867412' },
  { abbreviation: 'BEWEEG', type: 'physio', name: 'Fysiotherapie Beweeg', agbCode: '04059001', street: 'Sportlaan', houseNumber: '2', postcode: '5502 PM', city: 'Veldhoven', phone: '040-2548890' },
  { abbreviation: 'LOKET', type: 'mental-health-desk', name: 'Mentaal Gezondheidsloket', agbCode: null, street: 'Kloosterstraat', houseNumber: '9', postcode: '5611 HX', city: 'Eindhoven', phone: '040-2160300' },
  { abbreviation: 'ZKH', type: 'hospital', name: 'Streekziekenhuis', agbCode: '06059001', ...zkhAddress, phone: '040-8887000' },
  { abbreviation: 'ZKH-INT', type: 'hospital-department', name: 'Interne geneeskunde', parent: 'ZKH', agbCode: null, ...zkhAddress, phone: '040-8887210' },
  { abbreviation: 'ZKH-CAR', type: 'hospital-department', name: 'Cardiologie', parent: 'ZKH', agbCode: null, ...zkhAddress, phone: '040-8887220' },
  { abbreviation: 'ZKH-LON', type: 'hospital-department', name: 'Longziekten', parent: 'ZKH', agbCode: null, ...zkhAddress, phone: '040-8887230' },
  { abbreviation: 'ZKH-CHI', type: 'hospital-department', name: 'Chirurgie', parent: 'ZKH', agbCode: null, ...zkhAddress, phone: '040-8887240' },
  { abbreviation: 'ZKH-GER', type: 'hospital-department', name: 'Geriatrie', parent: 'ZKH', agbCode: null, ...zkhAddress, phone: '040-8887250' },
  { abbreviation: 'APO-ZONNEHOF', type: 'pharmacy', name: 'Apotheek Zonnehof', agbCode: '02059001', street: 'Zonnehof', houseNumber: '6', postcode: '5625 KL', city: 'Eindhoven', phone: '040-2411250' },
  { abbreviation: 'APO-VIJZEL', type: 'pharmacy', name: 'Apotheek De Vijzel', agbCode: '02059002', street: 'Vijzelstraat', houseNumber: '30', postcode: '5503 CE', city: 'Veldhoven', phone: '040-2536020' },
];

/** GP practices of the region, by abbreviation. */
export const PRACTICES = ['HAPZ', 'HAPB', 'HAPA', 'HAPL'] as const;
export type PracticeAbbreviation = (typeof PRACTICES)[number];
export const PHARMACIES = ['APO-ZONNEHOF', 'APO-VIJZEL'] as const;
export type PharmacyAbbreviation = (typeof PHARMACIES)[number];

export interface DemoStaffMember {
  initials: string;
  givenName: string;
  prefix: string | null;
  familyName: string;
  uziNumber?: string;
  bigNumber?: string;
  accounts: readonly {
    username: string;
    role: RoleCode;
    /** Organisation abbreviation. */
    organisation: string;
    /** Unique within the organisation; the HIS launch finds the account by it (seed 000). */
    gebruikersnummer: number;
    /** Generic accounts ("poh-somatiek", "assistente") are not personal: never usable for the HIS launch. */
    personal?: false;
  }[];
}

// User numbers: 1x GPs and specialists, 2x practice nurses, 3x assistants and desk, 4x administrators, 9x generic.
// biome-ignore format: a table, one person per line
export const demoStaff: readonly DemoStaffMember[] = [
  // Huisartsenpraktijk Zonnehof
  { initials: 'J.P.', givenName: 'Jeroen', prefix: 'de', familyName: 'Vries', uziNumber: '900010011', bigNumber: '19050011001', accounts: [{ username: 'huisarts.hapz', role: 'huisarts', organisation: 'HAPZ', gebruikersnummer: 11 }] },
  { initials: 'T.', givenName: 'Tamara', prefix: null, familyName: 'Koster', uziNumber: '900010012', bigNumber: '19050012001', accounts: [{ username: 'tkoster.hapz', role: 'huisarts', organisation: 'HAPZ', gebruikersnummer: 12 }] },
  { initials: 'M.', givenName: 'Marieke', prefix: null, familyName: 'Jansen', bigNumber: '79050021001', accounts: [{ username: 'poh.hapz', role: 'poh-somatiek', organisation: 'HAPZ', gebruikersnummer: 21 }] },
  { initials: 'S.', givenName: 'Sevda', prefix: null, familyName: 'Kaya', accounts: [{ username: 'pohggz.hapz', role: 'poh-ggz', organisation: 'HAPZ', gebruikersnummer: 22 }] },
  { initials: 'L.', givenName: 'Lotte', prefix: 'van den', familyName: 'Berg', accounts: [{ username: 'assistent.hapz', role: 'praktijkassistent', organisation: 'HAPZ', gebruikersnummer: 31 }] },
  { initials: 'H.', givenName: 'Henk', prefix: null, familyName: 'Smits', accounts: [{ username: 'beheer.hapz', role: 'praktijkbeheerder', organisation: 'HAPZ', gebruikersnummer: 41 }] },
  // account.person_id is required: a generic account points at a person row that names the account, not a human.
  { initials: '', givenName: 'Algemeen account', prefix: null, familyName: 'POH-somatiek Zonnehof', accounts: [{ username: 'poh-somatiek.hapz', role: 'poh-somatiek', organisation: 'HAPZ', gebruikersnummer: 91, personal: false }] },
  // Huisartsenpraktijk De Brug
  { initials: 'R.', givenName: 'Ruud', prefix: 'van der', familyName: 'Heijden', uziNumber: '900020011', bigNumber: '19050011002', accounts: [{ username: 'huisarts.hapb', role: 'huisarts', organisation: 'HAPB', gebruikersnummer: 11 }] },
  { initials: 'M.A.', givenName: 'Merel', prefix: 'van', familyName: 'Dijk', uziNumber: '900020012', bigNumber: '19050012002', accounts: [{ username: 'mvandijk.hapb', role: 'huisarts', organisation: 'HAPB', gebruikersnummer: 12 }] },
  { initials: 'I.', givenName: 'Ilse', prefix: null, familyName: 'Wouters', bigNumber: '79050021002', accounts: [{ username: 'poh.hapb', role: 'poh-somatiek', organisation: 'HAPB', gebruikersnummer: 21 }] },
  // One person, two practices, two accounts (product.md §1 Accounts).
  { initials: 'S.', givenName: 'Sanne', prefix: null, familyName: 'Willems', accounts: [
    { username: 'pohggz.hapb', role: 'poh-ggz', organisation: 'HAPB', gebruikersnummer: 22 },
    { username: 'pohggz.hapa', role: 'poh-ggz', organisation: 'HAPA', gebruikersnummer: 22 },
  ] },
  { initials: 'N.', givenName: 'Noor', prefix: null, familyName: 'Aarts', accounts: [{ username: 'assistent.hapb', role: 'praktijkassistent', organisation: 'HAPB', gebruikersnummer: 31 }] },
  { initials: 'P.', givenName: 'Patrick', prefix: null, familyName: 'Donkers', accounts: [{ username: 'beheer.hapb', role: 'praktijkbeheerder', organisation: 'HAPB', gebruikersnummer: 41 }] },
  { initials: '', givenName: 'Algemeen account', prefix: null, familyName: 'Assistente De Brug', accounts: [{ username: 'assistente.hapb', role: 'praktijkassistent', organisation: 'HAPB', gebruikersnummer: 91, personal: false }] },
  // Huisartsenpraktijk Het Anker
  { initials: 'E.', givenName: 'Erik', prefix: null, familyName: 'Swinkels', uziNumber: '900030011', bigNumber: '19050011003', accounts: [{ username: 'huisarts.hapa', role: 'huisarts', organisation: 'HAPA', gebruikersnummer: 11 }] },
  { initials: 'F.', givenName: 'Farid', prefix: null, familyName: 'Benali', uziNumber: '900030012', bigNumber: '19050012003', accounts: [{ username: 'fbenali.hapa', role: 'huisarts', organisation: 'HAPA', gebruikersnummer: 12 }] },
  { initials: 'E.M.', givenName: 'Esther', prefix: 'van de', familyName: 'Ven', bigNumber: '79050021003', accounts: [{ username: 'poh.hapa', role: 'poh-somatiek', organisation: 'HAPA', gebruikersnummer: 21 }] },
  { initials: 'K.', givenName: 'Kim', prefix: null, familyName: 'Scheepers', accounts: [{ username: 'assistent.hapa', role: 'praktijkassistent', organisation: 'HAPA', gebruikersnummer: 31 }] },
  // Huisartsenpraktijk De Linde
  { initials: 'A.', givenName: 'Annelies', prefix: null, familyName: 'Timmermans', uziNumber: '900040011', bigNumber: '19050011004', accounts: [{ username: 'huisarts.hapl', role: 'huisarts', organisation: 'HAPL', gebruikersnummer: 11 }] },
  { initials: 'B.', givenName: 'Bart', prefix: null, familyName: 'Leenders', bigNumber: '79050021004', accounts: [{ username: 'poh.hapl', role: 'poh-somatiek', organisation: 'HAPL', gebruikersnummer: 21 }] },
  { initials: 'J.', givenName: 'Joyce', prefix: null, familyName: 'Hermans', accounts: [{ username: 'assistent.hapl', role: 'praktijkassistent', organisation: 'HAPL', gebruikersnummer: 31 }] },
  // Chain partners
  { initials: 'F.', givenName: 'Femke', prefix: null, familyName: 'Kuipers', accounts: [{ username: 'dietist.vitaal', role: 'dietist', organisation: 'VITAAL', gebruikersnummer: 11 }] },
  { initials: 'I.', givenName: 'Ingrid', prefix: null, familyName: 'Maas', accounts: [{ username: 'pedicure.voetzorg', role: 'podotherapeut', organisation: 'VOETZORG', gebruikersnummer: 11 }] },
  { initials: 'T.', givenName: 'Thijs', prefix: null, familyName: 'Brouwer', accounts: [{ username: 'fysio.beweeg', role: 'fysiotherapeut', organisation: 'BEWEEG', gebruikersnummer: 11 }] },
  { initials: 'N.', givenName: 'Naima', prefix: null, familyName: 'Ouali', accounts: [{ username: 'mgl.loket', role: 'mgl-medewerker', organisation: 'LOKET', gebruikersnummer: 11 }] },
  // Streekziekenhuis: every hospital account belongs to the hospital itself (one organisation for access,
  // consent and referrals); departments are where patients are admitted and where letters come from.
  { initials: 'M.J.', givenName: 'Marloes', prefix: 'van', familyName: 'Gils', uziNumber: '900050011', bigNumber: '39050011005', accounts: [{ username: 'specialist.zkh', role: 'medisch-specialist', organisation: 'ZKH', gebruikersnummer: 11 }] },
  { initials: 'K.', givenName: 'Koen', prefix: null, familyName: 'Janssen', uziNumber: '900050012', bigNumber: '39050012005', accounts: [{ username: 'cardioloog.zkh', role: 'medisch-specialist', organisation: 'ZKH', gebruikersnummer: 12 }] },
  { initials: 'A.', givenName: 'Ayşe', prefix: null, familyName: 'Demir', uziNumber: '900050013', bigNumber: '39050013005', accounts: [{ username: 'longarts.zkh', role: 'medisch-specialist', organisation: 'ZKH', gebruikersnummer: 13 }] },
  { initials: 'W.', givenName: 'Willem', prefix: null, familyName: 'Sanders', uziNumber: '900050014', bigNumber: '39050014005', accounts: [{ username: 'chirurg.zkh', role: 'medisch-specialist', organisation: 'ZKH', gebruikersnummer: 14 }] },
  { initials: 'J.', givenName: 'Johanna', prefix: 'van', familyName: 'Asten', uziNumber: '900050015', bigNumber: '39050015005', accounts: [{ username: 'geriater.zkh', role: 'medisch-specialist', organisation: 'ZKH', gebruikersnummer: 15 }] },
  { initials: 'M.', givenName: 'Monique', prefix: null, familyName: 'Claassen', accounts: [{ username: 'balie.zkh', role: 'baliemedewerker', organisation: 'ZKH', gebruikersnummer: 31 }] },
  // Zorggroep
  { initials: 'B.', givenName: 'Bas', prefix: null, familyName: 'Peters', accounts: [{ username: 'helpdesk.zorggroep', role: 'helpdesk', organisation: 'ZORGGROEP', gebruikersnummer: 11 }] },
  { initials: 'L.', givenName: 'Linda', prefix: null, familyName: 'Hoekstra', accounts: [{ username: 'beheer.zorggroep', role: 'platformbeheerder', organisation: 'ZORGGROEP', gebruikersnummer: 21 }] },
];

/** Role names as on screen (the `role` table's name_nl). */
export const roleNames: Readonly<Record<RoleCode, string>> = {
  huisarts: 'Huisarts',
  'poh-somatiek': 'POH-somatiek',
  'poh-ggz': 'POH-GGZ',
  praktijkassistent: 'Praktijkassistent',
  praktijkbeheerder: 'Praktijkbeheerder',
  dietist: 'Diëtist',
  podotherapeut: 'Podotherapeut/pedicure',
  fysiotherapeut: 'Fysiotherapeut',
  'mgl-medewerker': 'MGL-medewerker',
  'medisch-specialist': 'Medisch specialist',
  baliemedewerker: 'Baliemedewerker',
  helpdesk: 'Helpdesk',
  platformbeheerder: 'Platformbeheerder',
};

export interface DemoAccount {
  username: string;
  role: RoleCode;
  roleName: string;
  /** The account's organisation as stored (organisation.name). */
  organisationName: string;
  organisationAbbreviation: string;
  gebruikersnummer: number;
  personal: boolean;
  /** The person's name as shown. */
  name: string;
  email: string;
}

/** Every demo account, in a stable order, for the README and the start banner. All use DEMO_PASSWORD. */
export const demoAccounts: readonly DemoAccount[] = demoStaff.flatMap((member) =>
  member.accounts.map((account) => ({
    username: account.username,
    role: account.role,
    roleName: roleNames[account.role],
    organisationName: organisationByAbbreviation(account.organisation).name,
    organisationAbbreviation: account.organisation,
    gebruikersnummer: account.gebruikersnummer,
    personal: account.personal ?? true,
    name: [member.givenName, member.prefix, member.familyName].filter(Boolean).join(' '),
    email: demoEmail(account.username),
  })),
);

/** All demo mail goes to the development mailbox: addresses under the reserved .test domain. */
export function demoEmail(username: string): string {
  return `${username}@keten.test`;
}

export function organisationByAbbreviation(abbreviation: string): DemoOrganisation {
  const found = demoOrganisations.find((organisation) => organisation.abbreviation === abbreviation);
  if (!found) throw new Error(`unknown demo organisation ${abbreviation}`);
  return found;
}
