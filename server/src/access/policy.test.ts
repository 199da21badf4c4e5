import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, PatientActor, ProviderActor } from './context.js';
import { systemActor } from './context.js';
import type { Decision, Obligation, SearchScope } from './decision.js';
import type { AccessExclusion, AccessFacts, AccessGround, RoleRights } from './facts.js';
import { groundTiming } from './facts.js';
import { type Action, can, type Target, teamMemberVisible } from './policy.js';
import { loadRoleRightMatrix } from './repository.js';
import { type AccessTestDatabase, createAccessTestDatabase } from './test-database.js';

// The policy as a table: role × target × ground × exclusion × expiry, with the expected decision and reason.
// Role rights are the seeded matrix, read once from a migrated database (what production reads too).

const now = new Date('2026-11-29T09:00:00Z');
const past = new Date('2025-01-01T00:00:00Z');
const future = new Date('2027-01-01T00:00:00Z');

const practiceA = '1';
const practiceB = '8';
const dietitianOrg = '2';
const hospital = '6';
const department = '7';
const careGroup = '9';
const patient = '1001';
const child = '1002';
const otherPatient = '1003';

function provider(accountId: string, role: string, organisationId: string, extra: Partial<ProviderActor> = {}): ProviderActor {
  return {
    kind: 'provider',
    accountId,
    personId: `p${accountId}`,
    name: `Account ${accountId}`,
    username: `user${accountId}`,
    role,
    personal: true,
    organisationId,
    organisationName: `Organisation ${organisationId}`,
    organisationType: 'gp-practice',
    parentOrganisationId: null,
    ...extra,
  };
}

const huisarts = provider('101', 'huisarts', practiceA);
const pohSomatiek = provider('102', 'poh-somatiek', practiceA);
const pohGgz = provider('103', 'poh-ggz', practiceA);
const assistent = provider('104', 'praktijkassistent', practiceA);
const beheerder = provider('105', 'praktijkbeheerder', practiceA);
const genericPoh = provider('106', 'poh-somatiek', practiceA, { personal: false, username: 'poh-somatiek.hapa' });
const dietist = provider('110', 'dietist', dietitianOrg, { organisationType: 'dietitian' });
const podotherapeut = provider('111', 'podotherapeut', '3', { organisationType: 'podotherapy' });
const fysiotherapeut = provider('112', 'fysiotherapeut', '4', { organisationType: 'physio' });
const mgl = provider('113', 'mgl-medewerker', '5', { organisationType: 'mental-health-desk' });
const specialist = provider('114', 'medisch-specialist', department, {
  organisationType: 'hospital-department',
  parentOrganisationId: hospital,
});
const balie = provider('115', 'baliemedewerker', hospital, { organisationType: 'hospital' });
const helpdesk = provider('120', 'helpdesk', careGroup, { organisationType: 'care-group' });
const platformbeheerder = provider('121', 'platformbeheerder', careGroup, { organisationType: 'care-group' });
const external: Actor = { kind: 'external', uziNumber: '12345678', name: 'Dr. Extern', agbCode: null };
const portalUser: PatientActor = {
  kind: 'patient',
  portalUserId: '501',
  name: 'Patiënt',
  actingForPatientId: patient,
  ownPatientId: patient,
};

let groundCounter = 0;
function ground(
  kind: AccessGround['kind'],
  granteeType: AccessGround['granteeType'],
  granteeId: string,
  extra: Partial<AccessGround> = {},
): AccessGround {
  groundCounter += 1;
  return {
    ref: `${kind === 'enrolment' || kind === 'referral' ? kind : 'access_ground'}:${groundCounter}`,
    patientId: patient,
    granteeType,
    granteeId,
    kind,
    channel: null,
    source: 'test',
    validFrom: past,
    validTo: null,
    ...extra,
  };
}
const enrolledAt = (organisationId: string, patientId = patient) =>
  ground('enrolment', 'organisation', organisationId, { patientId });
const referredTo = (organisationId: string) => ground('referral', 'organisation', organisationId);
const relationship = (accountId: string, extra: Partial<AccessGround> = {}) =>
  ground('treatment-relationship', 'account', accountId, extra);
const exclusion = (granteeType: AccessExclusion['granteeType'], granteeId: string): AccessExclusion => ({
  id: `x${granteeId}`,
  patientId: patient,
  granteeType,
  granteeId,
});

const entry = (recordType: string, extra: Partial<Extract<Target, { kind: 'record-entry' }>> = {}): Target => ({
  kind: 'record-entry',
  patientId: patient,
  recordType,
  ...extra,
});
const card: Target = { kind: 'patient', patientId: patient };
const search = (...criteria: ('patient-id' | 'bsn' | 'birth-date' | 'family-name')[]): Target => ({
  kind: 'patient-search',
  criteria,
});

interface Case {
  name: string;
  actor: Actor;
  action: Action;
  target: Target;
  grounds?: AccessGround[];
  exclusions?: AccessExclusion[];
  uzi?: string;
  expect: `allow:${string}` | `deny:${string}`;
  obligations?: Obligation[];
  scope?: SearchScope;
}

const cases: Case[] = [
  // GP practice roles on an enrolled patient: the matrix decides per record type (seed 001 §5.4).
  {
    name: 'huisarts reads a GGZ entry',
    actor: huisarts,
    action: 'read',
    target: entry('ggz'),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: 'POH-somatiek reads a GGZ entry',
    actor: pohSomatiek,
    action: 'read',
    target: entry('ggz'),
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'POH-GGZ reads a GGZ entry',
    actor: pohGgz,
    action: 'read',
    target: entry('ggz'),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: 'POH-somatiek reads a somatic entry',
    actor: pohSomatiek,
    action: 'read',
    target: entry('somatic'),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: 'POH-somatiek starts a somatic task',
    actor: pohSomatiek,
    action: 'start',
    target: entry('somatic'),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: 'POH-GGZ writes a somatic entry',
    actor: pohGgz,
    action: 'write',
    target: entry('somatic'),
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'POH-GGZ reads a somatic entry',
    actor: pohGgz,
    action: 'read',
    target: entry('somatic'),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: 'assistant reads a somatic entry',
    actor: assistent,
    action: 'read',
    target: entry('somatic'),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: 'assistant reads a hospital letter',
    actor: assistent,
    action: 'read',
    target: entry('hospital'),
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'practice administrator opens the card',
    actor: beheerder,
    action: 'read',
    target: card,
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
    obligations: ['confirm-treatment-relationship'],
  },
  {
    name: 'practice administrator reads a somatic entry',
    actor: beheerder,
    action: 'read',
    target: entry('somatic'),
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'practice administrator edits personalia',
    actor: beheerder,
    action: 'write',
    target: entry('personalia'),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: 'dietitian edits personalia (the practice keeps them)',
    actor: dietist,
    action: 'write',
    target: entry('personalia'),
    grounds: [referredTo(dietitianOrg)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'huisarts opens a patient enrolled elsewhere',
    actor: huisarts,
    action: 'read',
    target: card,
    grounds: [enrolledAt(practiceB)],
    expect: 'deny:no-relationship',
  },
  {
    name: 'huisarts with a confirmed relationship opens the card',
    actor: huisarts,
    action: 'read',
    target: card,
    grounds: [enrolledAt(practiceA), relationship(huisarts.accountId)],
    expect: 'allow:treatment-relationship',
  },
  {
    name: 'a generic account opens an enrolled patient',
    actor: genericPoh,
    action: 'read',
    target: card,
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:not-personal-account',
  },
  {
    name: 'a generic account starts a somatic task type',
    actor: genericPoh,
    action: 'start',
    target: { kind: 'record-type', recordType: 'somatic' },
    expect: 'deny:not-personal-account',
  },

  // Chain partners need a referral to their organisation or their own treatment relationship (seed 001 §7.3–7.4).
  {
    name: 'dietitian without referral',
    actor: dietist,
    action: 'read',
    target: entry('somatic'),
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:no-relationship',
  },
  {
    name: 'dietitian with referral reads somatic',
    actor: dietist,
    action: 'read',
    target: entry('somatic'),
    grounds: [referredTo(dietitianOrg)],
    expect: 'allow:referral',
  },
  {
    name: 'dietitian with referral writes dietetics',
    actor: dietist,
    action: 'write',
    target: entry('dietetics'),
    grounds: [referredTo(dietitianOrg)],
    expect: 'allow:referral',
  },
  {
    name: 'dietitian with referral reads GGZ',
    actor: dietist,
    action: 'read',
    target: entry('ggz'),
    grounds: [referredTo(dietitianOrg)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'dietitian with an expired relationship',
    actor: dietist,
    action: 'read',
    target: entry('somatic'),
    grounds: [relationship(dietist.accountId, { validTo: new Date('2026-06-01T00:00:00Z') })],
    expect: 'deny:ground-expired',
  },
  {
    name: 'dietitian with a relationship starting later',
    actor: dietist,
    action: 'read',
    target: entry('somatic'),
    grounds: [relationship(dietist.accountId, { validFrom: future })],
    expect: 'deny:ground-not-yet-valid',
  },
  {
    name: 'dietitian referred but the organisation is excluded',
    actor: dietist,
    action: 'read',
    target: entry('dietetics'),
    grounds: [referredTo(dietitianOrg)],
    exclusions: [exclusion('organisation', dietitianOrg)],
    expect: 'deny:excluded-by-patient',
  },
  {
    name: 'dietitian with only portal consent writes',
    actor: dietist,
    action: 'write',
    target: entry('dietetics'),
    grounds: [ground('consent', 'organisation', dietitianOrg, { channel: 'portal' })],
    expect: 'deny:read-only-ground',
  },
  {
    name: 'dietitian with only portal consent reads',
    actor: dietist,
    action: 'read',
    target: entry('dietetics'),
    grounds: [ground('consent', 'organisation', dietitianOrg, { channel: 'portal' })],
    expect: 'allow:consent:portal',
  },
  {
    name: 'dietitian edits a dietetics entry of another organisation',
    actor: dietist,
    action: 'write',
    target: entry('dietetics', { authorAccountId: '999', organisationId: '42' }),
    grounds: [referredTo(dietitianOrg)],
    expect: 'deny:not-own-entry',
  },
  {
    name: 'dietitian edits their own dietetics entry',
    actor: dietist,
    action: 'write',
    target: entry('dietetics', { authorAccountId: dietist.accountId, organisationId: dietitianOrg }),
    grounds: [referredTo(dietitianOrg)],
    expect: 'allow:referral',
  },
  {
    name: 'podotherapist writes foot care with own relationship',
    actor: podotherapeut,
    action: 'write',
    target: entry('podotherapy'),
    grounds: [relationship(podotherapeut.accountId)],
    expect: 'allow:treatment-relationship',
  },
  {
    name: 'physiotherapist writes GLI with referral',
    actor: fysiotherapeut,
    action: 'write',
    target: entry('gli'),
    grounds: [referredTo('4')],
    expect: 'allow:referral',
  },
  {
    name: 'physiotherapist reads dietetics with referral',
    actor: fysiotherapeut,
    action: 'read',
    target: entry('dietetics'),
    grounds: [referredTo('4')],
    expect: 'deny:no-role-right',
  },
  {
    name: 'MGL reads GGZ with referral',
    actor: mgl,
    action: 'read',
    target: entry('ggz'),
    grounds: [referredTo('5')],
    expect: 'allow:referral',
  },
  {
    name: 'MGL reads somatic with referral',
    actor: mgl,
    action: 'read',
    target: entry('somatic'),
    grounds: [referredTo('5')],
    expect: 'deny:no-role-right',
  },
  {
    name: 'a relationship of another account does not count',
    actor: dietist,
    action: 'read',
    target: entry('somatic'),
    grounds: [relationship('999')],
    expect: 'deny:no-relationship',
  },
  {
    name: 'a ground for another patient does not count',
    actor: dietist,
    action: 'read',
    target: entry('somatic'),
    grounds: [ground('referral', 'organisation', dietitianOrg, { patientId: otherPatient })],
    expect: 'deny:no-relationship',
  },

  // Exclusions always win (seed 003 "uitsluitingen").
  {
    name: 'huisarts enrolled but excluded by account',
    actor: huisarts,
    action: 'read',
    target: card,
    grounds: [enrolledAt(practiceA)],
    exclusions: [exclusion('account', huisarts.accountId)],
    expect: 'deny:excluded-by-patient',
  },
  {
    name: 'huisarts excluded by the UZI number of their person',
    actor: huisarts,
    action: 'read',
    target: entry('somatic'),
    grounds: [enrolledAt(practiceA), relationship(huisarts.accountId)],
    exclusions: [exclusion('uzi', '87654321')],
    uzi: '87654321',
    expect: 'deny:excluded-by-patient',
  },
  {
    name: 'an exclusion of another patient does not count',
    actor: huisarts,
    action: 'read',
    target: card,
    grounds: [enrolledAt(practiceA)],
    exclusions: [{ ...exclusion('account', huisarts.accountId), patientId: otherPatient }],
    expect: 'allow:enrolment',
    obligations: ['confirm-treatment-relationship'],
  },
  {
    name: 'exclusion wins over break-glass',
    actor: huisarts,
    action: 'read',
    target: entry('somatic'),
    grounds: [ground('break-glass', 'account', huisarts.accountId)],
    exclusions: [exclusion('organisation', practiceA)],
    expect: 'deny:excluded-by-patient',
  },

  // Hospitals: a department holds what was given to its parent hospital.
  {
    name: 'specialist reads a hospital letter via referral to the hospital',
    actor: specialist,
    action: 'read',
    target: entry('hospital'),
    grounds: [referredTo(hospital)],
    expect: 'allow:referral',
  },
  {
    name: 'specialist reads somatic via referral to the department',
    actor: specialist,
    action: 'read',
    target: entry('somatic'),
    grounds: [referredTo(department)],
    expect: 'allow:referral',
  },
  {
    name: 'specialist with a referral to another hospital',
    actor: specialist,
    action: 'read',
    target: entry('hospital'),
    grounds: [referredTo('66')],
    expect: 'deny:no-relationship',
  },
  {
    name: 'specialist reads GGZ',
    actor: specialist,
    action: 'read',
    target: entry('ggz'),
    grounds: [referredTo(hospital)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'specialist when the hospital is excluded',
    actor: specialist,
    action: 'read',
    target: entry('hospital'),
    grounds: [referredTo(department)],
    exclusions: [exclusion('organisation', hospital)],
    expect: 'deny:excluded-by-patient',
  },
  {
    name: 'desk clerk reads a hospital letter',
    actor: balie,
    action: 'read',
    target: entry('hospital'),
    grounds: [referredTo(hospital)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'desk clerk opens the card',
    actor: balie,
    action: 'read',
    target: card,
    grounds: [referredTo(hospital)],
    expect: 'allow:referral',
    obligations: ['confirm-treatment-relationship'],
  },

  // No clinical reads for helpdesk and platform administration.
  {
    name: 'helpdesk opens a card even with a ground',
    actor: helpdesk,
    action: 'read',
    target: card,
    grounds: [relationship(helpdesk.accountId)],
    expect: 'deny:no-role-right',
  },
  {
    name: 'platform administrator reads somatic',
    actor: platformbeheerder,
    action: 'read',
    target: entry('somatic'),
    grounds: [relationship(platformbeheerder.accountId)],
    expect: 'deny:no-role-right',
  },

  // External provider (UZI, seed 004): consent first, hospital data only, read only.
  {
    name: 'external provider with desk consent reads a hospital report',
    actor: external,
    action: 'read',
    target: entry('hospital'),
    grounds: [ground('consent', 'uzi', '12345678', { channel: 'desk' })],
    expect: 'allow:consent:desk',
  },
  {
    name: 'external provider with portal consent opens the card',
    actor: external,
    action: 'read',
    target: card,
    grounds: [ground('consent', 'uzi', '12345678', { channel: 'portal' })],
    expect: 'allow:consent:portal',
  },
  {
    name: 'external provider reads somatic',
    actor: external,
    action: 'read',
    target: entry('somatic'),
    grounds: [ground('consent', 'uzi', '12345678', { channel: 'desk' })],
    expect: 'deny:no-role-right',
  },
  {
    name: 'external provider writes a hospital entry',
    actor: external,
    action: 'write',
    target: entry('hospital'),
    grounds: [ground('consent', 'uzi', '12345678', { channel: 'desk' })],
    expect: 'deny:no-role-right',
  },
  {
    name: 'external provider without consent',
    actor: external,
    action: 'read',
    target: entry('hospital'),
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:no-relationship',
  },
  {
    name: 'external provider whose consent ended',
    actor: external,
    action: 'read',
    target: entry('hospital'),
    grounds: [ground('consent', 'uzi', '12345678', { channel: 'desk', validTo: new Date('2026-01-01T00:00:00Z') })],
    expect: 'deny:ground-expired',
  },
  {
    name: 'external provider excluded by UZI number',
    actor: external,
    action: 'read',
    target: entry('hospital'),
    grounds: [ground('consent', 'uzi', '12345678', { channel: 'desk' })],
    exclusions: [exclusion('uzi', '12345678')],
    expect: 'deny:excluded-by-patient',
  },
  {
    name: 'external provider with a share code',
    actor: external,
    action: 'read',
    target: entry('hospital'),
    grounds: [ground('share-code', 'uzi', '12345678')],
    expect: 'allow:share-code',
  },

  // Patient portal: own record, proxies, release rules (seed 002, seed 003).
  {
    name: 'patient reads own somatic entry',
    actor: portalUser,
    action: 'read',
    target: entry('somatic'),
    expect: 'allow:own-record',
  },
  { name: 'patient reads own GGZ entry', actor: portalUser, action: 'read', target: entry('ggz'), expect: 'allow:own-record' },
  {
    name: 'patient reads a memo about them',
    actor: portalUser,
    action: 'read',
    target: entry('memo', { authorAccountId: huisarts.accountId }),
    expect: 'deny:no-role-right',
  },
  {
    name: 'patient reads a lab result before release',
    actor: portalUser,
    action: 'read',
    target: entry('hospital', { releaseAt: new Date('2026-11-30T09:00:00Z') }),
    expect: 'deny:release-pending-until:2026-11-30T09:00:00.000Z',
  },
  {
    name: 'patient reads a lab result after release',
    actor: portalUser,
    action: 'read',
    target: entry('hospital', { releaseAt: new Date('2026-11-28T09:00:00Z') }),
    expect: 'allow:own-record',
  },
  {
    name: 'patient reads an episode not visible to the patient',
    actor: portalUser,
    action: 'read',
    target: entry('somatic', { hiddenFromPatient: true }),
    expect: 'deny:not-released',
  },
  {
    name: 'patient writes a diary note',
    actor: portalUser,
    action: 'write',
    target: entry('patient-entered'),
    expect: 'allow:own-record',
  },
  {
    name: 'patient writes a somatic entry',
    actor: portalUser,
    action: 'write',
    target: entry('somatic'),
    expect: 'deny:no-role-right',
  },
  {
    name: 'patient opens another patient without ground',
    actor: portalUser,
    action: 'read',
    target: { kind: 'patient', patientId: otherPatient },
    expect: 'deny:no-relationship',
  },
  {
    name: 'parent reads the child record',
    actor: portalUser,
    action: 'read',
    target: entry('somatic', { patientId: child }),
    grounds: [ground('proxy-parent', 'portal-user', '501', { patientId: child })],
    expect: 'allow:proxy-parent',
  },
  {
    name: 'parent after the link ended (child turned 16)',
    actor: portalUser,
    action: 'read',
    target: { kind: 'patient', patientId: child },
    grounds: [ground('proxy-parent', 'portal-user', '501', { patientId: child, validTo: new Date('2026-10-01T00:00:00Z') })],
    expect: 'deny:ground-expired',
  },
  {
    name: 'parent fills in a questionnaire for the child',
    actor: portalUser,
    action: 'write',
    target: entry('patient-entered', { patientId: child }),
    grounds: [ground('proxy-parent', 'portal-user', '501', { patientId: child })],
    expect: 'allow:proxy-parent',
  },
  {
    name: 'third party writes for the patient',
    actor: portalUser,
    action: 'write',
    target: entry('patient-entered', { patientId: child }),
    grounds: [ground('proxy-third-party', 'portal-user', '501', { patientId: child })],
    expect: 'deny:read-only-ground',
  },
  {
    name: 'third party reads, under the release rules',
    actor: portalUser,
    action: 'read',
    target: entry('hospital', { patientId: child, releaseAt: future }),
    grounds: [ground('proxy-third-party', 'portal-user', '501', { patientId: child })],
    expect: `deny:release-pending-until:${future.toISOString()}`,
  },

  // Memos (seed 001 §5.7).
  {
    name: 'huisarts reads own memo',
    actor: huisarts,
    action: 'read',
    target: entry('memo', { authorAccountId: huisarts.accountId, organisationId: practiceA }),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: "POH reads the huisarts's personal memo",
    actor: pohSomatiek,
    action: 'read',
    target: entry('memo', { authorAccountId: huisarts.accountId, organisationId: practiceA }),
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:private-memo',
  },
  {
    name: 'POH reads a practice memo of the own practice',
    actor: pohSomatiek,
    action: 'read',
    target: entry('memo', { authorAccountId: huisarts.accountId, organisationId: practiceA, audience: 'organisation' }),
    grounds: [enrolledAt(practiceA)],
    expect: 'allow:enrolment',
  },
  {
    name: 'POH edits a practice memo written by the huisarts',
    actor: pohSomatiek,
    action: 'write',
    target: entry('memo', { authorAccountId: huisarts.accountId, organisationId: practiceA, audience: 'organisation' }),
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:private-memo',
  },
  {
    name: 'dietitian reads a practice memo of another organisation',
    actor: dietist,
    action: 'read',
    target: entry('memo', { authorAccountId: huisarts.accountId, organisationId: practiceA, audience: 'organisation' }),
    grounds: [referredTo(dietitianOrg)],
    expect: 'deny:private-memo',
  },

  // Precedence of grounds and the confirmation obligation (seed 001 §3.2).
  {
    name: 'own relationship wins over enrolment and break-glass',
    actor: huisarts,
    action: 'read',
    target: card,
    grounds: [ground('break-glass', 'account', huisarts.accountId), enrolledAt(practiceA), relationship(huisarts.accountId)],
    expect: 'allow:treatment-relationship',
  },
  {
    name: 'enrolment wins over break-glass, still to confirm',
    actor: huisarts,
    action: 'read',
    target: card,
    grounds: [ground('break-glass', 'account', huisarts.accountId), enrolledAt(practiceA)],
    expect: 'allow:enrolment',
    obligations: ['confirm-treatment-relationship'],
  },
  {
    name: 'break-glass alone opens without confirmation',
    actor: huisarts,
    action: 'read',
    target: card,
    grounds: [ground('break-glass', 'account', huisarts.accountId)],
    expect: 'allow:break-glass',
  },
  {
    name: 'an expired relationship next to a current enrolment',
    actor: pohSomatiek,
    action: 'read',
    target: card,
    grounds: [relationship(pohSomatiek.accountId, { validTo: new Date('2026-01-01T00:00:00Z') }), enrolledAt(practiceA)],
    expect: 'allow:enrolment',
    obligations: ['confirm-treatment-relationship'],
  },

  // Confirming a relationship ("naar jezelf verwijzen", §7.4) and break-glass (product §6).
  {
    name: 'dietitian may confirm a relationship without a referral',
    actor: dietist,
    action: 'establish-relationship',
    target: card,
    expect: 'allow:role-right',
  },
  {
    name: 'an excluded dietitian may not confirm a relationship',
    actor: dietist,
    action: 'establish-relationship',
    target: card,
    exclusions: [exclusion('account', dietist.accountId)],
    expect: 'deny:excluded-by-patient',
  },
  {
    name: 'helpdesk may not confirm a relationship',
    actor: helpdesk,
    action: 'establish-relationship',
    target: card,
    expect: 'deny:no-role-right',
  },
  {
    name: 'a generic account may not confirm a relationship',
    actor: genericPoh,
    action: 'establish-relationship',
    target: card,
    expect: 'deny:not-personal-account',
  },
  {
    name: 'a portal user may not confirm a treatment relationship',
    actor: portalUser,
    action: 'establish-relationship',
    target: card,
    expect: 'deny:no-role-right',
  },
  { name: 'huisarts may invoke break-glass', actor: huisarts, action: 'break-glass', target: card, expect: 'allow:role-right' },
  {
    name: 'desk clerk may not invoke break-glass',
    actor: balie,
    action: 'break-glass',
    target: card,
    expect: 'deny:no-role-right',
  },

  // Record types without a patient: Activiteiten and menus.
  {
    name: 'POH-somatiek may not start GGZ tasks',
    actor: pohSomatiek,
    action: 'start',
    target: { kind: 'record-type', recordType: 'ggz' },
    expect: 'deny:no-role-right',
  },
  {
    name: 'POH-GGZ may start GGZ tasks',
    actor: pohGgz,
    action: 'start',
    target: { kind: 'record-type', recordType: 'ggz' },
    expect: 'allow:role-right',
  },
  {
    name: 'assistant may see referrals but not start them',
    actor: assistent,
    action: 'start',
    target: { kind: 'record-type', recordType: 'referral' },
    expect: 'deny:no-role-right',
  },
  {
    name: 'patient may start a patient-entered task',
    actor: portalUser,
    action: 'start',
    target: { kind: 'record-type', recordType: 'patient-entered' },
    expect: 'allow:role-right',
  },
  {
    name: 'an unknown record type has no right',
    actor: huisarts,
    action: 'read',
    target: { kind: 'record-type', recordType: 'astrology' },
    expect: 'deny:no-role-right',
  },

  // Administration.
  {
    name: 'platform administrator edits the matrix',
    actor: platformbeheerder,
    action: 'write',
    target: { kind: 'admin', area: 'role-rights' },
    expect: 'allow:role-right',
  },
  {
    name: 'practice administrator edits the matrix',
    actor: beheerder,
    action: 'write',
    target: { kind: 'admin', area: 'role-rights' },
    expect: 'deny:no-role-right',
  },
  {
    name: 'practice administrator reads own audit items',
    actor: beheerder,
    action: 'read',
    target: { kind: 'admin', area: 'audit', organisationId: practiceA },
    expect: 'allow:role-right',
  },
  {
    name: 'practice administrator reads audit of another practice',
    actor: beheerder,
    action: 'read',
    target: { kind: 'admin', area: 'audit', organisationId: practiceB },
    expect: 'deny:other-organisation',
  },
  {
    name: 'huisarts reviews break-glass use in the own practice',
    actor: huisarts,
    action: 'read',
    target: { kind: 'admin', area: 'break-glass-review', organisationId: practiceA },
    expect: 'allow:role-right',
  },
  {
    name: 'specialist reads audit items',
    actor: specialist,
    action: 'read',
    target: { kind: 'admin', area: 'audit' },
    expect: 'deny:no-role-right',
  },
  {
    name: 'helpdesk reviews break-glass',
    actor: helpdesk,
    action: 'read',
    target: { kind: 'admin', area: 'break-glass-review' },
    expect: 'deny:no-role-right',
  },

  // Search (seed 001 §7.4).
  {
    name: 'dietitian searches by family name',
    actor: dietist,
    action: 'search',
    target: search('family-name'),
    expect: 'allow:role-right',
    scope: 'within-grounds',
  },
  {
    name: 'dietitian searches by BSN and birth date',
    actor: dietist,
    action: 'search',
    target: search('bsn', 'birth-date'),
    expect: 'allow:role-right',
    scope: 'any-patient',
  },
  {
    name: 'dietitian searches by BSN alone',
    actor: dietist,
    action: 'search',
    target: search('bsn'),
    expect: 'allow:role-right',
    scope: 'within-grounds',
  },
  {
    name: 'huisarts searches by any criterion',
    actor: huisarts,
    action: 'search',
    target: search('family-name', 'birth-date'),
    expect: 'allow:role-right',
    scope: 'within-grounds',
  },
  {
    name: 'external provider searches by BSN and birth date',
    actor: external,
    action: 'search',
    target: search('bsn', 'birth-date'),
    expect: 'allow:role-right',
    scope: 'within-grounds',
  },
  {
    name: 'portal user searches patients',
    actor: portalUser,
    action: 'search',
    target: search('family-name'),
    expect: 'deny:no-role-right',
  },
  {
    name: 'generic account searches',
    actor: genericPoh,
    action: 'search',
    target: search('bsn', 'birth-date'),
    expect: 'deny:not-personal-account',
  },
  { name: 'helpdesk searches', actor: helpdesk, action: 'search', target: search('patient-id'), expect: 'deny:no-role-right' },

  // System and unsupported combinations.
  { name: 'the system actor', actor: systemActor, action: 'read', target: entry('ggz'), expect: 'allow:system' },
  {
    name: 'search on a record card is not an action',
    actor: huisarts,
    action: 'search',
    target: card,
    grounds: [enrolledAt(practiceA)],
    expect: 'deny:unsupported-action',
  },
];

function summarise(decision: Decision) {
  return {
    outcome: `${decision.allow ? 'allow' : 'deny'}:${decision.reason}`,
    obligations: decision.allow ? (decision.obligations ?? []) : [],
    scope: decision.allow ? decision.scope : undefined,
  };
}

let database: AccessTestDatabase;
const rightsByRole = new Map<string, Record<string, { read: boolean; write: boolean }>>();

beforeAll(async () => {
  database = await createAccessTestDatabase('pglite');
  for (const row of await loadRoleRightMatrix(database.handle.db)) {
    const rights = rightsByRole.get(row.role) ?? {};
    rights[row.recordType] = { read: row.canRead, write: row.canWrite };
    rightsByRole.set(row.role, rights);
  }
});

afterAll(async () => {
  await database?.close();
});

function factsFor(testCase: Case): AccessFacts {
  const roleRights: RoleRights = testCase.actor.kind === 'provider' ? (rightsByRole.get(testCase.actor.role) ?? {}) : {};
  return {
    now,
    grounds: testCase.grounds ?? [],
    exclusions: testCase.exclusions ?? [],
    roleRights,
    providerUziNumber: testCase.uzi ?? null,
  };
}

describe('can(actor, action, target, facts)', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const decision = can(testCase.actor, testCase.action, testCase.target, factsFor(testCase));
    expect(summarise(decision)).toEqual({
      outcome: testCase.expect,
      obligations: testCase.obligations ?? [],
      scope: testCase.scope,
    });
  });

  it('names the ground that gave access, for the audit log', () => {
    const enrolment = enrolledAt(practiceA);
    const facts = factsFor({ name: '', actor: huisarts, action: 'read', target: card, grounds: [enrolment], expect: 'allow:' });
    const decision = can(huisarts, 'read', entry('somatic'), facts);
    expect(decision).toMatchObject({ allow: true, reason: 'enrolment', groundRef: enrolment.ref });
  });
});

describe('ground validity', () => {
  it('is valid from valid_from (inclusive) to valid_to (exclusive)', () => {
    expect(groundTiming({ validFrom: now, validTo: null }, now)).toBe('current');
    expect(groundTiming({ validFrom: past, validTo: now }, now)).toBe('expired');
    expect(groundTiming({ validFrom: new Date(now.getTime() + 1), validTo: null }, now)).toBe('not-yet-valid');
  });
});

describe('Behandelteam visibility (seed 001 §5.6)', () => {
  const rights = (role: string) => rightsByRole.get(role) ?? {};
  it.each([
    ['poh-somatiek', 'poh-ggz', false],
    ['poh-somatiek', 'huisarts', true],
    ['poh-somatiek', 'dietist', true],
    ['poh-ggz', 'huisarts', true],
    ['poh-somatiek', 'praktijkbeheerder', true],
    ['dietist', 'mgl-medewerker', false],
    ['huisarts', 'poh-ggz', true],
  ])('%s sees %s: %s', (viewer, member, visible) => {
    expect(teamMemberVisible(rights(viewer), rights(member))).toBe(visible);
  });
});
