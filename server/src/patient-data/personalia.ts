import type { Transaction, Updateable } from 'kysely';
import type { Actor, RequestContext } from '../access/context.js';
import { type AccessFacts, can } from '../access/index.js';
import type { JsonObject, JsonValue } from '../audit/audit-event.js';
import type { Database, Gender, PatientTable } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { patientDisplayId } from './patient-card.js';
import { assertRecordOpen } from './treatment-team.js';

// Personalia (seed 001 §5.8): "De persoonsgegevens van de patiënt, eventueel te wijzigen indien je hiertoe rechten
// hebt. Om te wijzigen klik je op het potloodje aan de rechterkant van de gegevensgroep". Read and written per group;
// who may write is the policy's (`write` on record type `personalia`). The BSN is identity, not editable here: a
// wrong BSN is a wrong record (one record per BSN, seed 001 §4).

/** The groups edited with the pencil, in screen order. Identification and enrolments are not edited here. */
export const editablePersonaliaGroups = ['names', 'birth', 'address', 'contact', 'insurance', 'pharmacy'] as const;
export type PersonaliaGroup = (typeof editablePersonaliaGroups)[number];

export interface PersonaliaGroupValues {
  names: {
    initials: string | null;
    givenNames: string | null;
    roepnaam: string;
    familyNamePrefix: string | null;
    familyName: string;
  };
  birth: { birthDate: string; gender: Gender; nationality: string };
  address: {
    street: string | null;
    houseNumber: string | null;
    houseNumberSuffix: string | null;
    postcode: string | null;
    city: string | null;
    country: string;
  };
  contact: { phone: string | null; email: string | null };
  insurance: { insuranceCountry: string; foreignIdType: 'passport' | 'id-card' | null; foreignIdNumber: string | null };
  pharmacy: { pharmacyId: string | null };
}

export type PersonaliaChange = {
  [G in PersonaliaGroup]: { group: G; values: PersonaliaGroupValues[G] };
}[PersonaliaGroup];

export interface Personalia {
  patientId: string;
  displayId: string;
  identification: {
    /** The full BSN for roles that may write personalia, otherwise only its last three digits (`******019`). */
    bsn: string | null;
    bsnMasked: boolean;
    legacyId: string | null;
  };
  names: PersonaliaGroupValues['names'];
  birth: PersonaliaGroupValues['birth'];
  address: PersonaliaGroupValues['address'];
  contact: PersonaliaGroupValues['contact'];
  insurance: PersonaliaGroupValues['insurance'] & {
    lastInsuranceCheck: {
      checkedAt: Date;
      outcome: string;
      insurerName: string | null;
      uzoviCode: string | null;
      policyNumber: string | null;
    } | null;
  };
  /** Enrolment history (seed 001 §7.1 keeps it), newest first. */
  enrolments: {
    id: string;
    practice: { id: string; name: string };
    validFrom: string;
    validTo: string | null;
    current: boolean;
  }[];
  pharmacy: { pharmacyId: string | null; pharmacyName: string | null };
  editableGroups: PersonaliaGroup[];
}

/** API field → patient column, per group. */
const columns = {
  names: {
    initials: 'initials',
    givenNames: 'given_names',
    roepnaam: 'roepnaam',
    familyNamePrefix: 'family_name_prefix',
    familyName: 'family_name',
  },
  birth: { birthDate: 'birth_date', gender: 'gender', nationality: 'nationality' },
  address: {
    street: 'street',
    houseNumber: 'house_number',
    houseNumberSuffix: 'house_number_suffix',
    postcode: 'postcode',
    city: 'city',
    country: 'country',
  },
  contact: { phone: 'phone', email: 'email' },
  insurance: { insuranceCountry: 'insurance_country', foreignIdType: 'foreign_id_type', foreignIdNumber: 'foreign_id_number' },
  pharmacy: { pharmacyId: 'pharmacy_id' },
} as const satisfies { [G in PersonaliaGroup]: Record<keyof PersonaliaGroupValues[G], keyof PatientTable> };

/** Identity-document numbers are logged like the BSN in lists: only the last three characters. */
const maskedInAudit: ReadonlySet<string> = new Set(['foreignIdNumber']);

function mask(value: string | null): string | null {
  return value === null ? null : `******${value.slice(-3)}`;
}

function mayWritePersonalia(actor: Actor, patientId: string, facts: AccessFacts): boolean {
  return can(actor, 'write', { kind: 'record-entry', patientId, recordType: 'personalia' }, facts).allow;
}

async function selectPatientRow(trx: Transaction<Database>, patientId: string, lock: boolean) {
  const query = trx
    .selectFrom('patient')
    .leftJoin('organisation as pharmacy', 'pharmacy.id', 'patient.pharmacy_id')
    .selectAll('patient')
    .select('pharmacy.name as pharmacy_name')
    .where('patient.id', '=', patientId);
  return (lock ? query.forUpdate('patient') : query).executeTakeFirst();
}

async function selectPersonalia(trx: Transaction<Database>, actor: Actor, patientId: string, facts: AccessFacts) {
  const row = await selectPatientRow(trx, patientId, false);
  if (!row) throw AppError.notFound();
  const check = await trx
    .selectFrom('insurance_check')
    .select(['checked_at', 'outcome', 'insurer_name', 'uzovi_code', 'policy_number'])
    .where('patient_id', '=', patientId)
    .orderBy('checked_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const enrolments = await trx
    .selectFrom('enrolment')
    .innerJoin('organisation', 'organisation.id', 'enrolment.organisation_id')
    .select(['enrolment.id', 'enrolment.valid_from', 'enrolment.valid_to', 'organisation.id as practice_id', 'organisation.name'])
    .where('enrolment.patient_id', '=', patientId)
    .orderBy('enrolment.valid_from', 'desc')
    .orderBy('enrolment.id', 'desc')
    .execute();
  const writable = mayWritePersonalia(actor, patientId, facts);
  const personalia: Personalia = {
    patientId: row.id,
    displayId: patientDisplayId(row.id),
    identification: {
      bsn: writable ? row.bsn : mask(row.bsn),
      bsnMasked: !writable && row.bsn !== null,
      legacyId: row.legacy_id,
    },
    names: {
      initials: row.initials,
      givenNames: row.given_names,
      roepnaam: row.roepnaam,
      familyNamePrefix: row.family_name_prefix,
      familyName: row.family_name,
    },
    birth: { birthDate: row.birth_date, gender: row.gender, nationality: row.nationality },
    address: {
      street: row.street,
      houseNumber: row.house_number,
      houseNumberSuffix: row.house_number_suffix,
      postcode: row.postcode,
      city: row.city,
      country: row.country,
    },
    contact: { phone: row.phone, email: row.email },
    insurance: {
      insuranceCountry: row.insurance_country,
      foreignIdType: row.foreign_id_type,
      foreignIdNumber: row.foreign_id_number,
      lastInsuranceCheck: check
        ? {
            checkedAt: check.checked_at,
            outcome: check.outcome,
            insurerName: check.insurer_name,
            uzoviCode: check.uzovi_code,
            policyNumber: check.policy_number,
          }
        : null,
    },
    enrolments: enrolments.map((enrolment) => ({
      id: enrolment.id,
      practice: { id: enrolment.practice_id, name: enrolment.name },
      validFrom: enrolment.valid_from,
      validTo: enrolment.valid_to,
      current: enrolment.valid_to === null,
    })),
    pharmacy: { pharmacyId: row.pharmacy_id, pharmacyName: row.pharmacy_name },
    editableGroups: writable ? [...editablePersonaliaGroups] : [],
  };
  return personalia;
}

/** The Personalia tab; the read is logged (NEN 7513). */
export async function readPersonalia(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
): Promise<Personalia> {
  return withPatient(deps, context, patientId, {
    action: 'read',
    target: { kind: 'record-entry', patientId, recordType: 'personalia' },
    objectType: 'personalia',
    objectId: patientId,
    async run(trx, _decision, facts) {
      assertRecordOpen(context.actor, patientId, facts);
      return selectPersonalia(trx, context.actor, patientId, facts);
    },
  });
}

/**
 * Saves one group (the pencil). The group is replaced as a whole: what the form shows is what is stored. Rules that
 * need the stored record (a Dutch insurance needs the BSN; the pharmacy must be one) are checked here, in the
 * transaction; nothing is saved when one fails. The audit event names every changed field with its old and new
 * value, so the change is traceable (NEN 7513); identity-document numbers only masked, the BSN never.
 */
export async function updatePersonalia(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  change: PersonaliaChange,
): Promise<Personalia> {
  const result = await withPatient<{ personalia: Personalia; changes: JsonObject }>(deps, context, patientId, {
    action: 'write',
    target: { kind: 'record-entry', patientId, recordType: 'personalia' },
    objectType: 'personalia',
    objectId: patientId,
    details: { group: change.group },
    auditAfter: ({ changes }) => ({ details: { group: change.group, changes } }),
    async run(trx, _decision, facts) {
      assertRecordOpen(context.actor, patientId, facts);
      const row = await selectPatientRow(trx, patientId, true);
      if (!row) throw AppError.notFound();
      await checkGroupRules(trx, row, change);

      const mapping: Record<string, keyof PatientTable> = columns[change.group];
      const values: Record<string, unknown> = change.values;
      const update: Record<string, string | null> = {};
      const changes: JsonObject = {};
      for (const [field, column] of Object.entries(mapping)) {
        const next = (values[field] ?? null) as string | null;
        const previous = (row[column as keyof typeof row] ?? null) as string | null;
        if (next === previous) continue;
        update[column] = next;
        const masked = maskedInAudit.has(field);
        changes[field] = { old: masked ? mask(previous) : previous, new: masked ? mask(next) : next } satisfies JsonValue;
      }
      if (Object.keys(update).length > 0) {
        await trx
          .updateTable('patient')
          .set(update as Updateable<PatientTable>)
          .where('id', '=', patientId)
          .execute();
      }
      return { personalia: await selectPersonalia(trx, context.actor, patientId, facts), changes };
    },
  });
  return result.personalia;
}

type PatientRow = NonNullable<Awaited<ReturnType<typeof selectPatientRow>>>;

async function checkGroupRules(trx: Transaction<Database>, row: PatientRow, change: PersonaliaChange): Promise<void> {
  if (change.group === 'insurance' && change.values.insuranceCountry === 'NL' && row.bsn === null) {
    // Dutch insurance needs a BSN (seed 001 §4), and the BSN is not edited here.
    throw AppError.validation([{ field: 'insuranceCountry', key: 'personalia.bsnRequiredForDutchInsurance' }]);
  }
  if (change.group === 'pharmacy' && change.values.pharmacyId !== null) {
    const pharmacy = await trx
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', change.values.pharmacyId)
      .where('type', '=', 'pharmacy')
      .executeTakeFirst();
    if (!pharmacy) throw AppError.validation([{ field: 'pharmacyId', key: 'personalia.notAPharmacy' }]);
  }
}
