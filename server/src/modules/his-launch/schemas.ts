import { z } from 'zod';

// Query parameters arrive as the HIS sends them: strings, possibly with parameters we do not know (kept, and for
// the signed launch part of the signature). A parameter given twice arrives as an array and fails validation.
const field = (max: number) => z.string().max(max).optional();

const patientFields = {
  bsn: field(40).describe('BSN (9 digits; dots and spaces are ignored)'),
  geboortedatum: field(20).describe('Birth date: dd-mm-jjjj, yyyymmdd or yyyy-mm-dd'),
  achternaam: field(200),
  tussenvoegsel: field(60),
  voorletters: field(60),
  roepnaam: field(120),
  geslacht: field(20).describe('M, V or O'),
  straat: field(200),
  huisnummer: field(40).describe('House number, with or without suffix ("12a")'),
  huisnummertoevoeging: field(20),
  postcode: field(20),
  woonplaats: field(120),
};

export const launchQuery = z.looseObject({
  organisatienummer: field(20),
  praktijknummer: field(20),
  praktijkwachtwoord: field(1024).describe('The practice password (TetraHIS "praktijkwachtwoord")'),
  gebruikersnummer: field(20).describe('The personal user number in this practice (not the username)'),
  koppeltoken: field(200).describe('The secret of a personal (MiraHIS) link, instead of praktijkwachtwoord'),
  ...patientFields,
});

export const signedLaunchQuery = z.looseObject({
  organisatienummer: field(20),
  praktijknummer: field(20),
  gebruikersnummer: field(20),
  ...patientFields,
  ts: field(20).describe('Unix time in seconds when the HIS made the link'),
  sig: field(200).describe('Hex HMAC-SHA256 of the canonical parameter string with the practice signing secret'),
});

export const launchTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/) });

export const launchStatusResponse = z.object({ valid: z.boolean(), expiresAt: z.string().nullable() });

/** Shaped like `newPatientBody` (modules/patients/schemas.ts), every field possibly empty. */
export const prefillSchema = z.object({
  bsn: z.string().nullable(),
  birthDate: z.string().nullable(),
  roepnaam: z.string().nullable(),
  initials: z.string().nullable(),
  familyNamePrefix: z.string().nullable(),
  familyName: z.string().nullable(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  houseNumberSuffix: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
});

export const continueResponse = z.discriminatedUnion('action', [
  z.object({ action: z.literal('open-patient'), patientId: z.string() }),
  z.object({ action: z.literal('add-patient'), prefill: prefillSchema }),
  z.object({ action: z.literal('dashboard') }),
]);

export const settingsResponse = z.object({
  practice: z.object({ id: z.string(), name: z.string() }),
  configured: z.boolean(),
  organisatienummer: z.number().nullable(),
  praktijknummer: z.number().nullable(),
  passwordSet: z.boolean(),
  passwordChangedAt: z.string().nullable(),
  signingSecretSet: z.boolean(),
  signingSecretCreatedAt: z.string().nullable(),
  launchUrl: z.string(),
  signedLaunchUrl: z.string(),
  accounts: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      name: z.string(),
      roleName: z.string(),
      gebruikersnummer: z.number(),
      linkCreatedAt: z.string().nullable(),
    }),
  ),
});

export const passwordBody = z.object({ newPassword: z.string().min(1).max(1024) });

export const accountParams = z.object({ accountId: z.string().regex(/^\d{1,18}$/) });

export const accountLinkResponse = z.object({
  accountId: z.string(),
  username: z.string(),
  gebruikersnummer: z.number(),
  link: z.string(),
  createdAt: z.string(),
});

export const signingSecretResponse = z.object({
  signingSecret: z.string(),
  createdAt: z.string(),
  organisatienummer: z.number(),
  praktijknummer: z.number(),
  signedLaunchUrl: z.string(),
});
