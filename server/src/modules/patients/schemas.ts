import { z } from 'zod';
import { isValidBsn } from '../../domain/bsn.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

const isoDate = z.iso.date({ error: 'field.dateFormat' });

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const searchHit = z.object({
  id: z.string(),
  displayId: z.string(),
  legacyId: z.string().nullable(),
  roepnaam: z.string(),
  initials: z.string().nullable(),
  familyNamePrefix: z.string().nullable(),
  familyName: z.string(),
  birthDate: z.string(),
  gender: z.string(),
  bsnMasked: z.string().nullable(),
  practiceName: z.string().nullable(),
});

export const searchResponse = z.object({ hits: z.array(searchHit), hasMore: z.boolean(), page: z.number(), scope: z.string() });

export const insuranceCheckBody = z.object({
  bsn: z.string().trim().refine(isValidBsn, 'field.bsnElevenTest'),
  birthDate: isoDate,
});

export const insuranceCheckResponse = z.object({
  id: z.string(),
  checkedAt: z.string(),
  outcome: z.enum(['insured', 'not-insured', 'unavailable']),
  insurerName: z.string().nullable(),
  uzoviCode: z.string().nullable(),
  policyNumber: z.string().nullable(),
});

/**
 * Patiënt toevoegen (seed 001 §4): BSN always for Dutch insurance (11-proef); otherwise the country of insurance
 * and an identity document; roepnaam required; Dutch postcode format for a Dutch address.
 */
export const newPatientBody = z
  .object({
    insuranceCountry: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, 'field.badFormat')
      .default('NL'),
    bsn: optionalText(9),
    foreignIdType: z
      .enum(['passport', 'id-card'])
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    foreignIdNumber: optionalText(40),
    nationality: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, 'field.badFormat')
      .default('NL'),
    initials: optionalText(20),
    givenNames: optionalText(120),
    roepnaam: z.string().trim().min(1).max(60),
    familyNamePrefix: optionalText(20),
    familyName: z.string().trim().min(1).max(120),
    birthDate: isoDate,
    gender: z.enum(['male', 'female', 'other', 'unknown']),
    street: optionalText(120),
    houseNumber: optionalText(10),
    houseNumberSuffix: optionalText(10),
    postcode: optionalText(10),
    city: optionalText(80),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, 'field.badFormat')
      .default('NL'),
    phone: optionalText(30),
    email: z
      .union([z.email({ error: 'field.badFormat' }), z.literal('')])
      .nullable()
      .optional()
      .transform((value) => value || null),
    pharmacyId: z
      .string()
      .regex(/^\d+$/)
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    insuranceCheckId: z
      .string()
      .regex(/^\d+$/)
      .nullable()
      .optional()
      .transform((value) => value ?? null),
  })
  .superRefine(
    (value, context) => {
      const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
      if ((value.insuranceCountry ?? 'NL') === 'NL') {
        if (!value.bsn) issue('bsn', 'field.requiredForDutchInsurance');
        else if (!isValidBsn(value.bsn)) issue('bsn', 'field.bsnElevenTest');
      } else {
        if (value.bsn && !isValidBsn(value.bsn)) issue('bsn', 'field.bsnElevenTest');
        if (!value.foreignIdNumber) issue('foreignIdNumber', 'field.requiredForForeignInsurance');
        if (!value.foreignIdType) issue('foreignIdType', 'field.requiredForForeignInsurance');
      }
      if (value.country === 'NL' && value.postcode && !/^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(value.postcode))
        issue('postcode', 'field.postcodeFormat');
      // Also when other fields failed: the user sees every problem at once.
    },
    { when: () => true },
  )
  .transform((value) => ({
    ...value,
    postcode:
      value.postcode && value.country === 'NL'
        ? `${value.postcode.slice(0, 4)} ${value.postcode.slice(-2).toUpperCase()}`
        : value.postcode,
  }));

export type NewPatientBody = z.infer<typeof newPatientBody>;

export const createdResponse = z.object({ id: z.string(), displayId: z.string() });

export const patientIdParams = z.object({ patientId: z.string().regex(/^\d{1,18}$/) });

export const cardResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('confirm-relationship'),
    id: z.string(),
    displayId: z.string(),
    name: z.string(),
    birthDate: z.string(),
  }),
  z.object({
    status: z.literal('open'),
    card: z.object({
      id: z.string(),
      displayId: z.string(),
      bsn: z.string().nullable(),
      insuranceCountry: z.string(),
      roepnaam: z.string(),
      familyNamePrefix: z.string().nullable(),
      familyName: z.string(),
      birthDate: z.string(),
      gender: z.string(),
      practice: z.object({ id: z.string(), name: z.string() }).nullable(),
      pharmacy: z.object({ id: z.string(), name: z.string() }).nullable(),
      lastInsuranceCheck: z
        .object({
          checkedAt: z.string(),
          outcome: z.string(),
          insurerName: z.string().nullable(),
          uzoviCode: z.string().nullable(),
          policyNumber: z.string().nullable(),
        })
        .nullable(),
      accessReason: z.string(),
      dayCurvesAvailable: z.boolean(),
    }),
  }),
]);
