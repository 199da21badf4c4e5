import { type Kysely, sql } from 'kysely';

// The access model's data (docs/architecture.md "Access model"; product.md §6 "Access"):
// record types, the role × right matrix, explicit grounds for access, patient exclusions, and one view that
// reads every ground (explicit rows, current enrolments, referrals) together.
// Frozen once landed: never edit, add a new numbered migration instead. The seed constants are exported so
// tests can compare the database with them; they are part of this migration, not the app's current truth
// (later migrations may change the matrix; the platform administrator edits it at runtime).
// SQL both PostgreSQL 15 and PGlite (PostgreSQL 17) understand.

/**
 * The kinds of registrations ("taken"/tasks and what they produce). Every Historie entry, Monitoring value,
 * document and memo carries one, and the role × right matrix is per record type (seed 001 §5.4: "Alleen
 * activiteiten waar je toegang tot hebt worden getoond in de historie").
 */
export const recordTypeSeed = [
  {
    code: 'personalia',
    name_nl: 'Personalia',
    name_en: 'Personal details',
    description: 'Stamgegevens: name, birth date, address, contact, insurance, enrolment (seed 001 §5.1, §5.8).',
  },
  {
    code: 'somatic',
    name_nl: 'Somatiek',
    name_en: 'Somatic care',
    description: 'GP and POH-somatiek consults, chain care DM2/CVRM/COPD, measurements and day curves (seed 001 §5.3–5.5).',
  },
  {
    code: 'ggz',
    name_nl: 'GGZ (POH-GGZ)',
    name_en: 'Mental health (practice nurse)',
    description: 'POH-GGZ registrations; hidden from roles without this right (seed 001 §5.4, §5.6).',
  },
  {
    code: 'mgl',
    name_nl: 'Mentale Gezondheidsloket',
    name_en: 'Mental-health desk',
    description: 'Registrations of the regional mental-health desk (MGL), which also refers patients (seed 001 §7.3).',
  },
  {
    code: 'dietetics',
    name_nl: 'Diëtetiek',
    name_en: 'Dietetics',
    description: 'Dietitian registrations in the diëtetiek trajectory.',
  },
  {
    code: 'gli',
    name_nl: 'Gecombineerde leefstijlinterventie',
    name_en: 'Combined lifestyle intervention',
    description: 'GLI registrations by the lifestyle coach (dietitian or physiotherapist) (seed 001 §7.2 "Verwijzing GLI").',
  },
  {
    code: 'podotherapy',
    name_nl: 'Podotherapie/pedicure',
    name_en: 'Podiatry/pedicure',
    description: 'Foot care registrations (voetzorg), e.g. the diabetic foot check.',
  },
  {
    code: 'physiotherapy',
    name_nl: 'Fysiotherapie',
    name_en: 'Physiotherapy',
    description: 'Physiotherapy registrations (e.g. COPD exercise programmes).',
  },
  {
    code: 'hospital',
    name_nl: 'Ziekenhuis',
    name_en: 'Hospital',
    description:
      'Hospital letters, reports and results: discharge letters, correspondence, lab, pathology, radiology (seed 004).',
  },
  {
    code: 'referral',
    name_nl: 'Verwijzing',
    name_en: 'Referral',
    description: 'Sent and received referrals with reason, contact details and letter (seed 001 §7.2–7.4).',
  },
  {
    code: 'memo',
    name_nl: "Memo's",
    name_en: 'Memos',
    description:
      'Personal or practice notes, never in Historie; readable only by the author or their organisation (seed 001 §5.7).',
  },
  {
    code: 'patient-entered',
    name_nl: 'Door patiënt ingevoerd',
    name_en: 'Patient-entered',
    description: 'Diary notes, home measurements and questionnaires the patient enters in Mijn Keten (seed 003; product §8).',
  },
] as const;

/** Record type codes in the column order of the matrix below. */
export const matrixColumns = [
  'personalia',
  'somatic',
  'ggz',
  'mgl',
  'dietetics',
  'gli',
  'podotherapy',
  'physiotherapy',
  'hospital',
  'referral',
  'memo',
  'patient-entered',
] as const;

type Cell = 'rw' | 'r' | '-';

/**
 * The role × right matrix as first seeded ('rw' read and write, 'r' read, '-' none). Write implies read (a
 * check constraint holds it). The reasoning per role:
 *
 * | row                | why                                                                                           |
 * | ------------------ | --------------------------------------------------------------------------------------------- |
 * | personalia         | everyone who opens records reads them (Infopaneel, seed 001 §5.1). Written by the GP practice, |
 * |                    | where the patient is enrolled and added (seed 001 §4, §7.1), and by the hospital desk          |
 * |                    | (identity checks, seed 004); chain partners and specialists read them.                         |
 * | huisarts           | medically end-responsible: reads everything incl. GGZ and MGL; writes somatic, ggz (the GP     |
 * |                    | also holds mental-health consults), referrals and memos. Hospital letters are addressed to them.|
 * | poh-somatiek       | somatic rw (chain care DM2/CVRM/COPD); reads what chain partners register for the same chronic  |
 * |                    | care; NOT ggz/mgl: "POH-GGZ registrations are hidden from roles without that right" (§5.4).   |
 * | poh-ggz            | ggz rw; reads somatic (medication, comorbidity) and MGL (the desk refers to the POH-GGZ).      |
 * | praktijkassistent  | limited: personalia, reads somatic (triage, measurements) and referrals (handles their admin). |
 * | praktijkbeheerder  | personalia only: practice administration, no clinical content.                                 |
 * | dietist            | dietetics and GLI rw; reads somatic for the measurements (weight, BMI, HbA1c, cholesterol).   |
 * | podotherapeut      | podotherapy rw; reads somatic: the diabetic-foot risk depends on the DM2 data.                |
 * | fysiotherapeut     | physiotherapy and GLI rw; reads somatic (COPD lung function, CVRM).                           |
 * | mgl-medewerker     | mgl rw; reads ggz to route to POH-GGZ or basic GGZ (both bound by the same mental-health        |
 * |                    | confidentiality); no somatic (data minimisation); refers (§7.3).                             |
 * | medisch-specialist | hospital rw; reads somatic (the GP record a specialist needs for a referral/consult).         |
 * | baliemedewerker    | personalia only: identity checks, desk consent (seed 004), no clinical content.               |
 * | helpdesk           | nothing: helps users, never reads patient records.                                            |
 * | platformbeheerder  | nothing clinical: edits this matrix and reviews audit (admin areas, not record types).        |
 *
 * All clinical roles write referrals (each chain partner may refer, and "naar jezelf verwijzen" creates one,
 * seed 001 §7.4), write memos (§5.7) and read what the patient entered (product §8). Generic (not personal)
 * accounts get no patient data at all, whatever this matrix says — decided in the policy, not here.
 */
// biome-ignore format: kept aligned as a table
export const roleRightMatrix: Record<string, readonly Cell[]> = {
  //                     pers  som   ggz   mgl   diet  gli   podo  fysio hosp  ref   memo  pat
  huisarts:             ['rw', 'rw', 'rw', 'r',  'r',  'r',  'r',  'r',  'r',  'rw', 'rw', 'r'],
  'poh-somatiek':       ['rw', 'rw', '-',  '-',  'r',  'r',  'r',  'r',  'r',  'rw', 'rw', 'r'],
  'poh-ggz':            ['rw', 'r',  'rw', 'r',  '-',  '-',  '-',  '-',  'r',  'rw', 'rw', 'r'],
  praktijkassistent:    ['rw', 'r',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  'r',  'rw', '-'],
  praktijkbeheerder:    ['rw', '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-'],
  dietist:              ['r',  'r',  '-',  '-',  'rw', 'rw', '-',  '-',  '-',  'rw', 'rw', 'r'],
  podotherapeut:        ['r',  'r',  '-',  '-',  '-',  '-',  'rw', '-',  '-',  'rw', 'rw', 'r'],
  fysiotherapeut:       ['r',  'r',  '-',  '-',  '-',  'rw', '-',  'rw', '-',  'rw', 'rw', 'r'],
  'mgl-medewerker':     ['r',  '-',  'r',  'rw', '-',  '-',  '-',  '-',  '-',  'rw', 'rw', 'r'],
  'medisch-specialist': ['r',  'r',  '-',  '-',  '-',  '-',  '-',  '-',  'rw', 'rw', 'rw', 'r'],
  baliemedewerker:      ['rw', '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-'],
  helpdesk:             ['-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-'],
  platformbeheerder:    ['-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-',  '-'],
};

export interface RoleRightSeedRow {
  role: string;
  record_type: string;
  can_read: boolean;
  can_write: boolean;
}

/** The matrix as rows, one per role × record type. */
export const roleRightSeed: readonly RoleRightSeedRow[] = Object.entries(roleRightMatrix).flatMap(([role, cells]) =>
  matrixColumns.map((recordType, index) => {
    const cell = cells[index] ?? '-';
    return { role, record_type: recordType, can_read: cell !== '-', can_write: cell === 'rw' };
  }),
);

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table record_type (
      code text primary key check (code ~ '^[a-z][a-z-]*$'),
      name_nl text not null,
      name_en text not null,
      description text not null
    )`.execute(db);
  await db
    .insertInto('record_type')
    .values([...recordTypeSeed])
    .execute();

  // The matrix as data; the platform administrator edits it later, so who and when is stored per cell.
  await sql`
    create table role_right (
      role text not null references role (code),
      record_type text not null references record_type (code),
      can_read boolean not null default false,
      can_write boolean not null default false,
      updated_at timestamptz not null default now(),
      updated_by text not null default 'migration:0003-access',
      primary key (role, record_type),
      check (can_read or not can_write)
    )`.execute(db);
  await db
    .insertInto('role_right')
    .values([...roleRightSeed])
    .execute();
  // A role added later without matrix rows simply has no rights: the policy denies what is not listed.

  // Explicit grounds for access (architecture "Domain model": one table, read together by the policy).
  // Enrolments and referrals are grounds too but live in their own tables; the view below adds them.
  await sql`
    create table access_ground (
      id bigint generated always as identity primary key,
      patient_id bigint not null references patient (id),
      grantee_type text not null check (grantee_type in ('account', 'organisation', 'portal-user', 'uzi')),
      grantee_id text not null,
      kind text not null check (kind in ('treatment-relationship', 'referral', 'consent', 'proxy-parent',
        'proxy-third-party', 'share-code', 'break-glass')),
      source text not null,
      valid_from timestamptz not null default now(),
      valid_to timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      details jsonb not null default '{}'::jsonb,
      check (valid_to is null or valid_to > valid_from),
      -- Proxies act in the patient portal, so a proxy ground always names a portal user and nothing else does.
      check ((kind in ('proxy-parent', 'proxy-third-party')) = (grantee_type = 'portal-user')),
      -- Consent is given at the desk or in the portal (seed 004; product §5); the reason names which.
      check (kind <> 'consent' or coalesce(details ->> 'channel', '') in ('desk', 'portal'))
    )`.execute(db);
  await sql`create index access_ground_patient_grantee_idx on access_ground (patient_id, grantee_type, grantee_id)
    where revoked_at is null`.execute(db);
  await sql`create index access_ground_grantee_patient_idx on access_ground (grantee_type, grantee_id, patient_id)
    where revoked_at is null`.execute(db);

  // A patient excludes a provider or organisation (seed 003 "Toegangen > uitsluitingen"); always wins.
  await sql`
    create table access_exclusion (
      id bigint generated always as identity primary key,
      patient_id bigint not null references patient (id),
      grantee_type text not null check (grantee_type in ('account', 'organisation', 'uzi')),
      grantee_id text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      created_by text not null
    )`.execute(db);
  await sql`create unique index access_exclusion_active_key on access_exclusion (patient_id, grantee_type, grantee_id)
    where revoked_at is null`.execute(db);

  // The view compares grantee ids as text (portal users and UZI numbers are not organisation ids); these
  // indexes let "patients of my organisation" lists use an index on the enrolment and referral branches.
  await sql`create index enrolment_organisation_text_idx on enrolment ((organisation_id::text), patient_id)
    where valid_to is null`.execute(db);
  await sql`create index referral_organisation_text_idx on referral ((to_organisation_id::text), patient_id)`.execute(db);

  // Every ground in one place, so one query (or one EXISTS) reads them all. Enrolment dates are Dutch calendar
  // days: a ground from that day 00:00 Europe/Amsterdam. Referrals have no end yet (a later migration can add
  // one). ground_ref names the row for the audit log ("on which ground", NEN 7513).
  await sql`
    create view effective_access_ground as
      select 'access_ground:' || g.id as ground_ref, g.patient_id, g.grantee_type, g.grantee_id, g.kind,
             g.details ->> 'channel' as channel, g.source, g.valid_from, g.valid_to
        from access_ground g
       where g.revoked_at is null
      union all
      select 'enrolment:' || e.id, e.patient_id, 'organisation', e.organisation_id::text, 'enrolment',
             null, 'enrolment:' || e.id, e.valid_from::timestamp at time zone 'Europe/Amsterdam', null::timestamptz
        from enrolment e
       where e.valid_to is null
      union all
      select 'referral:' || r.id, r.patient_id, 'organisation', r.to_organisation_id::text, 'referral',
             null, 'account:' || r.from_account_id, r.created_at, null::timestamptz
        from referral r`.execute(db);
}
