import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { insertStoryEntries, type StoryEntry } from './demo-history.js';
import type { DemoStories } from './demo-persons.js';
import { demoEmail, demoOrganisations, demoStaff, PHARMACIES, PRACTICES } from './demo-region.js';

// Writes the fixed demo region and the fixed patients' stories. Runs inside the caller's transaction,
// so a region is either complete or absent.

/** Database ids of the demo organisations (by abbreviation) and accounts (by username). */
export interface RegionIds {
  organisations: ReadonlyMap<string, string>;
  accounts: ReadonlyMap<string, string>;
}

/** Serialises demo seeding between processes (two app instances starting on one PostgreSQL). */
export const SEED_LOCK_KEY = 7_271_355_001;

export async function lockSeeding(trx: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(SEED_LOCK_KEY)})`.execute(trx);
}

/**
 * The ids of an existing demo region, or undefined when there is none (no organisation HAPZ).
 * Throws when HAPZ exists but the rest of the region does not: that database was not made by the seed.
 */
export async function loadRegionIds(db: Kysely<Database>): Promise<RegionIds | undefined> {
  const organisations = await db
    .selectFrom('organisation')
    .select(['id', 'abbreviation'])
    .where('abbreviation', 'is not', null)
    .execute();
  const byAbbreviation = new Map(organisations.map((row) => [row.abbreviation ?? '', row.id]));
  if (!byAbbreviation.has('HAPZ')) return undefined;
  const missing = [...PRACTICES, ...PHARMACIES].filter((abbreviation) => !byAbbreviation.has(abbreviation));
  if (missing.length > 0) {
    throw new Error(`The database has an organisation HAPZ but not the rest of the demo region (missing ${missing.join(', ')}).`);
  }
  const accounts = await db.selectFrom('account').select(['id', 'username']).execute();
  return { organisations: byAbbreviation, accounts: new Map(accounts.map((row) => [row.username, row.id])) };
}

export async function insertDemoRegion(
  trx: Kysely<Database>,
  passwordHash: string,
): Promise<{ ids: RegionIds; organisations: number; accounts: number }> {
  const organisations = new Map<string, string>();
  for (const organisation of demoOrganisations) {
    const parentId = organisation.parent ? organisations.get(organisation.parent) : undefined;
    const { id } = await trx
      .insertInto('organisation')
      .values({
        type: organisation.type,
        name: organisation.name,
        abbreviation: organisation.abbreviation,
        parent_id: parentId ?? null,
        agb_code: organisation.agbCode,
        street: organisation.street,
        house_number: organisation.houseNumber,
        postcode: organisation.postcode,
        city: organisation.city,
        phone: organisation.phone,
        email: `${organisation.abbreviation.toLowerCase()}@keten.test`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    organisations.set(organisation.abbreviation, id);
  }

  const accounts = new Map<string, string>();
  for (const member of demoStaff) {
    const [firstAccount] = member.accounts;
    const { id: personId } = await trx
      .insertInto('person')
      .values({
        initials: member.initials || null,
        given_name: member.givenName,
        family_name_prefix: member.prefix,
        family_name: member.familyName,
        email: firstAccount ? demoEmail(firstAccount.username) : null,
        uzi_number: member.uziNumber ?? null,
        big_number: member.bigNumber ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const account of member.accounts) {
      const { id } = await trx
        .insertInto('account')
        .values({
          person_id: personId,
          organisation_id: required(organisations, account.organisation),
          role: account.role,
          username: account.username,
          gebruikersnummer: account.gebruikersnummer,
          personal: account.personal ?? true,
          email: demoEmail(account.username),
          password_hash: passwordHash,
          must_change_password: false,
          state: 'active',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      accounts.set(account.username, id);
    }
  }
  return { ids: { organisations, accounts }, organisations: organisations.size, accounts: accounts.size };
}

/**
 * The fixed patients with their stories. They get the fixed ids 1–5 when those are free (an empty
 * patient table), otherwise ids from the sequence; the identity sequence is moved past them.
 */
export async function insertDemoStories(
  trx: Kysely<Database>,
  ids: RegionIds,
  stories: DemoStories,
  history: readonly StoryEntry[] = [],
): Promise<{ patients: number; measurements: number; entries: number; patientIds: ReadonlyMap<string, string> }> {
  const wanted = stories.patients.map((patient) => String(patient.id));
  const taken = await trx.selectFrom('patient').select('id').where('id', 'in', wanted).execute();
  const useFixedIds = taken.length === 0;

  const patientIds = new Map<string, string>();
  for (const { key, id, pharmacy, ...columns } of stories.patients) {
    const inserted = await trx
      .insertInto('patient')
      .values({
        ...columns,
        ...(useFixedIds ? { id } : {}),
        pharmacy_id: pharmacy ? required(ids.organisations, pharmacy) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    patientIds.set(key, inserted.id);
  }
  if (useFixedIds) {
    await sql`select setval(pg_get_serial_sequence('patient', 'id'), (select max(id) from patient))`.execute(trx);
  }
  const patient = (key: string) => required(patientIds, key);
  const organisation = (abbreviation: string) => required(ids.organisations, abbreviation);
  const account = (username: string) => required(ids.accounts, username);

  await trx
    .insertInto('enrolment')
    .values(
      stories.enrolments.map((row) => ({
        patient_id: patient(row.patient),
        organisation_id: organisation(row.practice),
        valid_from: row.validFrom,
      })),
    )
    .execute();
  await trx
    .insertInto('trajectory')
    .values(
      stories.trajectories.map((row) => ({
        patient_id: patient(row.patient),
        programme: row.programme,
        organisation_id: organisation(row.organisation),
        started_on: row.startedOn,
      })),
    )
    .execute();
  // The history (demo-history.ts): entries first, so the measurements they stand for can name their response.
  const { responseOf, derived } = await insertStoryEntries(trx, history, { patient, organisation, account });
  await trx
    .insertInto('measurement')
    .values(
      stories.measurements.map((row, index) => ({
        patient_id: patient(row.patient),
        code: row.code,
        value: row.value,
        unit: row.unit,
        measured_at: row.measuredAt,
        organisation_id: organisation(row.organisation),
        source: row.source,
        // Known when measured (demo history): a result is "new" by this time (Signalen, demo-result-signals.ts).
        created_at: row.measuredAt,
        form_response_id: responseOf.get(index) ?? null,
        record_type: row.source === 'hospital-lab' ? 'hospital' : 'somatic',
      })),
    )
    .execute();
  await trx
    .insertInto('referral')
    .values(
      stories.referrals.map((row) => ({
        patient_id: patient(row.patient),
        from_account_id: account(row.from),
        to_organisation_id: organisation(row.to),
        to_role: row.toRole,
        reason: row.reason,
        created_at: row.createdAt,
        opened_at: row.openedAt,
        opened_by_account_id: row.openedBy ? account(row.openedBy) : null,
      })),
    )
    .execute();
  await trx
    .insertInto('admission')
    .values(
      stories.admissions.map((row) => ({
        patient_id: patient(row.patient),
        department_id: organisation(row.department),
        attending_account_id: account(row.attending),
        admitted_at: row.admittedAt,
        discharged_at: row.dischargedAt,
        reason: row.reason,
      })),
    )
    .execute();
  await trx
    .insertInto('clinical_document')
    .values(
      stories.documents.map((row) => ({
        patient_id: patient(row.patient),
        organisation_id: organisation(row.organisation),
        author_account_id: row.author ? account(row.author) : null,
        kind: row.kind,
        title: row.title,
        body: row.body,
        recipient_organisation_id: row.recipient ? organisation(row.recipient) : null,
        created_at: row.createdAt,
      })),
    )
    .execute();
  await trx
    .insertInto('patient_relation')
    .values(
      stories.relations.map((row) => ({
        patient_id: patient(row.patient),
        related_patient_id: patient(row.related),
        kind: row.kind,
      })),
    )
    .execute();
  return {
    patients: patientIds.size,
    measurements: stories.measurements.length + derived,
    entries: history.length,
    patientIds,
  };
}

function required(map: ReadonlyMap<string, string>, key: string): string {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed: unknown reference ${key}`);
  return value;
}
