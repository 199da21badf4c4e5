import { z } from 'zod';
import { newPatientBody } from '../patients/schemas.js';

// The tabs of the patient record (seed 001 §5.6–5.8) and Overschrijven (§7.1). The personalia fields reuse the
// field schemas of Patiënt toevoegen, so a field is valid here exactly when it was valid when the patient was added.

const added = newPatientBody.in.shape;

export const patientParams = z.object({ patientId: z.string().regex(/^\d{1,18}$/) });
export const memoParams = patientParams.extend({ memoId: z.string().regex(/^\d{1,18}$/) });

// --- Overschrijven ---

/** The BSN and birth date the new practice searched with (seed 001 §7.1), and both confirmations. */
export const transferBody = z.object({
  bsn: z
    .string()
    .trim()
    .regex(/^\d{9}$/, 'field.badFormat'),
  birthDate: z.iso.date({ error: 'field.dateFormat' }),
  confirm: z.literal(true, { error: 'field.mustConfirm' }),
});

/** Naar jezelf verwijzen states the same: the identity the patient was found with, and the confirmation. */
export const selfReferralBody = transferBody;

export const selfReferralResponse = z.object({ referred: z.literal(true), newReferral: z.boolean() });

const organisationRef = z.object({ id: z.string(), name: z.string() });

export const transferResponse = z.object({
  enrolmentId: z.string(),
  practice: organisationRef,
  previousPractice: organisationRef.nullable(),
  validFrom: z.string(),
});

// --- Personalia ---

/** Not editable in any group: sending it is named, not silently dropped. */
const bsnNotEditable = z.never({ error: 'personalia.bsnNotEditable' }).optional();

const DUTCH_POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

export const namesBody = z.strictObject({
  bsn: bsnNotEditable,
  initials: added.initials,
  givenNames: added.givenNames,
  roepnaam: added.roepnaam,
  familyNamePrefix: added.familyNamePrefix,
  familyName: added.familyName,
});

export const birthBody = z.strictObject({
  bsn: bsnNotEditable,
  birthDate: added.birthDate,
  gender: added.gender,
  nationality: added.nationality,
});

export const addressBody = z
  .strictObject({
    bsn: bsnNotEditable,
    street: added.street,
    houseNumber: added.houseNumber,
    houseNumberSuffix: added.houseNumberSuffix,
    postcode: added.postcode,
    city: added.city,
    country: added.country,
  })
  .superRefine(
    (value, context) => {
      if (value.country === 'NL' && value.postcode && !DUTCH_POSTCODE.test(value.postcode))
        context.addIssue({ code: 'custom', path: ['postcode'], message: 'field.postcodeFormat' });
    },
    { when: () => true },
  )
  .transform(({ bsn: _bsn, ...value }) => ({
    ...value,
    postcode:
      value.postcode && value.country === 'NL'
        ? `${value.postcode.slice(0, 4)} ${value.postcode.slice(-2).toUpperCase()}`
        : value.postcode,
  }));

export const contactBody = z.strictObject({ bsn: bsnNotEditable, phone: added.phone, email: added.email });

export const insuranceBody = z
  .strictObject({
    bsn: bsnNotEditable,
    insuranceCountry: added.insuranceCountry,
    foreignIdType: added.foreignIdType,
    foreignIdNumber: added.foreignIdNumber,
  })
  .superRefine(
    (value, context) => {
      // As in Patiënt toevoegen: insured abroad → country of insurance plus an identity document (seed 001 §4).
      if (value.insuranceCountry !== 'NL') {
        if (!value.foreignIdNumber)
          context.addIssue({ code: 'custom', path: ['foreignIdNumber'], message: 'field.requiredForForeignInsurance' });
        if (!value.foreignIdType)
          context.addIssue({ code: 'custom', path: ['foreignIdType'], message: 'field.requiredForForeignInsurance' });
      }
    },
    { when: () => true },
  );

export const pharmacyBody = z.strictObject({ bsn: bsnNotEditable, pharmacyId: added.pharmacyId });

/** One schema per pencil; the route path names the group. */
export const personaliaBodies = {
  names: namesBody,
  birth: birthBody,
  address: addressBody,
  contact: contactBody,
  insurance: insuranceBody,
  pharmacy: pharmacyBody,
} as const;

export const personaliaResponse = z.object({
  patientId: z.string(),
  displayId: z.string(),
  identification: z.object({ bsn: z.string().nullable(), bsnMasked: z.boolean(), legacyId: z.string().nullable() }),
  names: z.object({
    initials: z.string().nullable(),
    givenNames: z.string().nullable(),
    roepnaam: z.string(),
    familyNamePrefix: z.string().nullable(),
    familyName: z.string(),
  }),
  birth: z.object({ birthDate: z.string(), gender: z.enum(['male', 'female', 'other', 'unknown']), nationality: z.string() }),
  address: z.object({
    street: z.string().nullable(),
    houseNumber: z.string().nullable(),
    houseNumberSuffix: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string(),
  }),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
  insurance: z.object({
    insuranceCountry: z.string(),
    foreignIdType: z.enum(['passport', 'id-card']).nullable(),
    foreignIdNumber: z.string().nullable(),
    lastInsuranceCheck: z
      .object({
        checkedAt: z.string(),
        outcome: z.string(),
        insurerName: z.string().nullable(),
        uzoviCode: z.string().nullable(),
        policyNumber: z.string().nullable(),
      })
      .nullable(),
  }),
  enrolments: z.array(
    z.object({
      id: z.string(),
      practice: organisationRef,
      validFrom: z.string(),
      validTo: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  pharmacy: z.object({ pharmacyId: z.string().nullable(), pharmacyName: z.string().nullable() }),
  editableGroups: z.array(z.enum(['names', 'birth', 'address', 'contact', 'insurance', 'pharmacy'])),
});

export const pharmaciesResponse = z.object({
  pharmacies: z.array(z.object({ id: z.string(), name: z.string(), city: z.string().nullable() })),
});

// --- Memo's ---

export const memoBody = z.strictObject({
  text: z.string().trim().min(1).max(4000),
  visibility: z.enum(['personal', 'practice']),
});

const roleName = z.object({ code: z.string(), nl: z.string(), en: z.string() });

export const memoResponse = z.object({
  id: z.string(),
  text: z.string(),
  visibility: z.enum(['personal', 'practice']),
  author: z.object({ accountId: z.string(), name: z.string(), role: roleName }),
  organisation: organisationRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  mine: z.boolean(),
});

export const memosResponse = z.object({ memos: z.array(memoResponse) });

// --- Behandelteam ---

const organisationWithType = organisationRef.extend({ type: z.string() });

export const teamResponse = z.object({
  members: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      role: roleName,
      organisation: organisationWithType,
      since: z.string(),
    }),
  ),
  organisations: z.array(
    z.object({
      organisation: organisationWithType,
      reason: z.enum(['enrolment', 'referral', 'treatment-relationship']),
      role: roleName.nullable(),
      since: z.string(),
    }),
  ),
});
