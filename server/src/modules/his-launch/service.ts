import type { Kysely } from 'kysely';
import { auditActorOf, type ProviderActor, type RequestContext } from '../../access/context.js';
import type { AuditActor, JsonObject } from '../../audit/audit-event.js';
import { recordAuditEvent } from '../../audit/record.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { passwordProblem } from '../../auth/password-policy.js';
import { enforceRateLimit } from '../../auth/rate-limit.js';
import { findAccountById } from '../../auth/repository.js';
import { type ClientInfo, RATE_WINDOW_MINUTES } from '../../auth/service-context.js';
import { newToken, sameHash, sha256 } from '../../auth/tokens.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { Language } from '../../http/language.js';
import { AppError } from '../../http/problem.js';
import { findPatientForHisLaunch } from '../../patient-data/his-patient-lookup.js';
import {
  genericAccountPage,
  type HisPage,
  incompletePage,
  invalidRequestPage,
  launchFailedPage,
  oldAddressPage,
  secretInSignedLaunchPage,
  signedExpiredPage,
  signedReplayPage,
} from './pages.js';
import { isEmptyContext, type PatientParameters, parsePatientContext } from './patient-context.js';
import {
  findAccountLinkHash,
  findLaunch,
  findPracticeAccountById,
  findPracticeAccountByNumber,
  findPracticeByNumbers,
  findPracticeCredentials,
  insertLaunch,
  listPracticeAccounts,
  type PracticeAccount,
  type PracticeCredentials,
  pruneExpired,
  recordSignatureUse,
  saveAccountLink,
  setPracticePassword,
  setSigningSecret,
  useLaunch,
} from './repository.js';
import {
  newSigningSecret,
  SIGNATURE_CLOCK_SKEW_SECONDS,
  SIGNATURE_PARAMETER,
  SIGNATURE_VALID_SECONDS,
  signatureMatches,
  TIMESTAMP_PARAMETER,
  timestampFresh,
} from './signature.js';
import type { HisLaunchMethod, HisPatientContext } from './tables.js';

// The HIS launch (seed 000; product.md §2). The HIS opens Keten with the practice's credentials, the user's
// Gebruikersnummer and the patient it has open. Keten checks the practice, finds the personal account, and keeps a
// pending launch for 10 minutes; the browser then goes through the normal login (username, password, emailed code —
// seed 000 steps 6–7) unless it is already logged in, and continues the launch: the patient's card, or "Patiënt
// toevoegen" prefilled (step 8). Checking the practice is not a login: the launch is bound to one account, and only a
// session of that account can continue it.

export interface HisLaunchDependencies {
  db: Kysely<Database>;
  clock: Clock;
  /** PUBLIC_URL, or http://localhost:PORT: the addresses practice administrators configure in the HIS. */
  publicBaseUrl: string;
  /** Launch attempts per client IP per 15 minutes (the login's LOGIN_RATE_LIMIT_PER_IP). */
  rateLimitPerIp: number;
}

export const LAUNCH_VALID_MINUTES = 10;
/** Where the web app continues a launch (the token is single use and bound to one account). */
export const WEB_CONTINUE_PATH = '/werkplek/his';
export const LAUNCH_PATH = '/his/launch';
export const SIGNED_LAUNCH_PATH = '/his/launch/signed';
/** The launch addresses of the previous version; they explain the change instead of launching. */
export const OLD_LAUNCH_PATHS = ['/medix/his.php', '/koppeling/open'] as const;

const PRUNE_GRACE_MS = 60 * 60_000;

export type LaunchOutcome = { kind: 'redirect'; location: string } | { kind: 'page'; page: HisPage };

/** The TetraHIS fields (seed 000 §3: "URL", "Organisatienummer", "Praktijknummer", "praktijkwachtwoord", "Gebruikersnummer"). */
export interface LaunchParameters extends PatientParameters {
  organisatienummer?: string | undefined;
  praktijknummer?: string | undefined;
  praktijkwachtwoord?: string | undefined;
  gebruikersnummer?: string | undefined;
  /** The per-account secret of a personal (MiraHIS) link, instead of the practice password. */
  koppeltoken?: string | undefined;
}

function parseNumber(value: string | undefined): number | null {
  const trimmed = value?.trim() ?? '';
  return /^\d{1,9}$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : null;
}

// A real argon2id hash of a random string, so an unknown practice costs as much time as a known one.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(newToken());
  return dummyHash;
}
const DUMMY_TOKEN_HASH = sha256('no link');
const DUMMY_SIGNING_SECRET = 'no signing secret';

function page(value: HisPage): LaunchOutcome {
  return { kind: 'page', page: value };
}

function auditClient(client: ClientInfo) {
  return { ip: client.ip, userAgent: client.userAgent, requestId: client.requestId };
}

async function providerActorOf(deps: HisLaunchDependencies, accountId: string): Promise<ProviderActor | undefined> {
  return (await findAccountById(deps.db, accountId))?.actor;
}

/** A refused launch, in the log as a failed login (NEN 7513: failed access attempts are logged), with the cause. */
async function auditRefusedLaunch(
  deps: HisLaunchDependencies,
  client: ClientInfo,
  now: Date,
  refusal: { practice: PracticeCredentials | undefined; account: PracticeAccount | undefined; cause: string; method: string },
): Promise<void> {
  const actor = refusal.account ? await providerActorOf(deps, refusal.account.id) : undefined;
  const auditActor: AuditActor = actor
    ? auditActorOf(actor)
    : {
        type: 'provider',
        id: null,
        organisationId: refusal.practice?.organisationId ?? null,
        organisationName: refusal.practice?.organisationName ?? null,
      };
  await deps.db.transaction().execute((trx) =>
    recordAuditEvent(
      trx,
      {
        actor: auditActor,
        action: 'login-failed',
        outcome: 'failure',
        reason: 'his-launch',
        details: { cause: refusal.cause, method: refusal.method },
        ...auditClient(client),
      },
      { now: () => now },
    ),
  );
}

/** After the practice (or signature) checked out: the personal account, then the pending launch and the redirect. */
async function startLaunch(
  deps: HisLaunchDependencies,
  client: ClientInfo,
  now: Date,
  input: {
    practice: PracticeCredentials;
    account: PracticeAccount | undefined;
    method: HisLaunchMethod;
    patientContext: HisPatientContext;
  },
): Promise<LaunchOutcome> {
  const { practice, account, method } = input;
  if (!account?.active) {
    await auditRefusedLaunch(deps, client, now, {
      practice,
      account,
      cause: account ? 'account-deactivated' : 'unknown-gebruikersnummer',
      method,
    });
    return page(launchFailedPage(client.requestId));
  }
  if (!account.personal) {
    await auditRefusedLaunch(deps, client, now, { practice, account, cause: 'not-personal-account', method });
    return page(genericAccountPage(client.requestId));
  }
  const actor = await providerActorOf(deps, account.id);
  if (!actor) return page(launchFailedPage(client.requestId));
  const token = newToken();
  await deps.db.transaction().execute(async (trx) => {
    await pruneExpired(trx, new Date(now.getTime() - PRUNE_GRACE_MS), now);
    const launchId = await insertLaunch(trx, {
      tokenHash: sha256(token),
      accountId: account.id,
      method,
      patientContext: input.patientContext,
      now,
      expiresAt: new Date(now.getTime() + LAUNCH_VALID_MINUTES * 60_000),
    });
    await recordAuditEvent(
      trx,
      {
        actor: auditActorOf(actor),
        action: 'create',
        objectType: 'his-launch',
        objectId: launchId,
        outcome: 'success',
        reason: method,
        details: { withPatient: !isEmptyContext(input.patientContext) },
        ...auditClient(client),
      },
      { now: () => now },
    );
  });
  return { kind: 'redirect', location: `${WEB_CONTINUE_PATH}?launch=${token}` };
}

/** GET /his/launch: the TetraHIS form (practice password) or a personal MiraHIS link (koppeltoken). */
export async function launchWithCredentials(
  deps: HisLaunchDependencies,
  parameters: LaunchParameters,
  client: ClientInfo,
): Promise<LaunchOutcome> {
  const now = deps.clock.now();
  await enforceRateLimit(deps.db, `his-launch:${client.ip}`, deps.rateLimitPerIp, RATE_WINDOW_MINUTES, now);
  const organisatienummer = parseNumber(parameters.organisatienummer);
  const praktijknummer = parseNumber(parameters.praktijknummer);
  const gebruikersnummer = parseNumber(parameters.gebruikersnummer);
  const secret = parameters.koppeltoken ? 'koppeltoken' : parameters.praktijkwachtwoord ? 'praktijkwachtwoord' : null;
  const missing = [
    organisatienummer === null ? 'organisatienummer' : null,
    praktijknummer === null ? 'praktijknummer' : null,
    gebruikersnummer === null ? 'gebruikersnummer' : null,
    secret === null ? 'praktijkwachtwoord' : null,
  ].filter((field): field is string => field !== null);
  if (organisatienummer === null || praktijknummer === null || gebruikersnummer === null || missing.length > 0)
    return page(incompletePage(missing, client.requestId));

  const practice = await findPracticeByNumbers(deps.db, organisatienummer, praktijknummer);
  let method: HisLaunchMethod;
  let verified: boolean;
  let account: PracticeAccount | undefined;
  if (parameters.koppeltoken) {
    method = 'account-link';
    account = practice && (await findPracticeAccountByNumber(deps.db, practice.organisationId, gebruikersnummer));
    const stored = account && (await findAccountLinkHash(deps.db, account.id));
    const matches = sameHash(stored ?? DUMMY_TOKEN_HASH, sha256(parameters.koppeltoken));
    verified = matches && stored !== undefined;
  } else {
    method = 'practice-password';
    const passwordOk = await verifyPassword(
      practice?.passwordHash ?? (await dummyPasswordHash()),
      parameters.praktijkwachtwoord ?? '',
    );
    verified = passwordOk && Boolean(practice?.passwordHash);
    if (verified && practice) account = await findPracticeAccountByNumber(deps.db, practice.organisationId, gebruikersnummer);
  }
  if (!verified || !practice) {
    await auditRefusedLaunch(deps, client, now, {
      practice,
      account: undefined,
      cause: !practice ? 'unknown-practice' : method === 'account-link' ? 'wrong-koppeltoken' : 'wrong-praktijkwachtwoord',
      method,
    });
    return page(launchFailedPage(client.requestId));
  }
  return startLaunch(deps, client, now, { practice, account, method, patientContext: parsePatientContext(parameters) });
}

/**
 * GET /his/launch/signed: the same launch without a secret in the address. HMAC-SHA256 over the canonical string of
 * the parameters (signature.ts) with the practice's signing secret, valid 5 minutes, each signature once.
 */
export async function launchSigned(
  deps: HisLaunchDependencies,
  query: Readonly<Record<string, unknown>>,
  client: ClientInfo,
): Promise<LaunchOutcome> {
  const now = deps.clock.now();
  await enforceRateLimit(deps.db, `his-launch:${client.ip}`, deps.rateLimitPerIp, RATE_WINDOW_MINUTES, now);
  const parameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    // A repeated parameter has no single canonical value: refused rather than guessed.
    if (typeof value !== 'string') return page(invalidRequestPage(client.requestId));
    parameters[name] = value;
  }
  if (parameters.praktijkwachtwoord !== undefined || parameters.koppeltoken !== undefined) {
    await auditRefusedLaunch(deps, client, now, {
      practice: undefined,
      account: undefined,
      cause: 'secret-in-signed-launch',
      method: 'signed',
    });
    return page(secretInSignedLaunchPage(client.requestId));
  }
  const organisatienummer = parseNumber(parameters.organisatienummer);
  const praktijknummer = parseNumber(parameters.praktijknummer);
  const gebruikersnummer = parseNumber(parameters.gebruikersnummer);
  const ts = parameters[TIMESTAMP_PARAMETER] ?? '';
  const signature = parameters[SIGNATURE_PARAMETER] ?? '';
  const missing = [
    organisatienummer === null ? 'organisatienummer' : null,
    praktijknummer === null ? 'praktijknummer' : null,
    gebruikersnummer === null ? 'gebruikersnummer' : null,
    /^\d{1,12}$/.test(ts) ? null : TIMESTAMP_PARAMETER,
    signature ? null : SIGNATURE_PARAMETER,
  ].filter((field): field is string => field !== null);
  if (organisatienummer === null || praktijknummer === null || gebruikersnummer === null || missing.length > 0)
    return page(incompletePage(missing, client.requestId));

  const practice = await findPracticeByNumbers(deps.db, organisatienummer, praktijknummer);
  const matches = signatureMatches(parameters, practice?.signingSecret ?? DUMMY_SIGNING_SECRET, signature);
  if (!practice?.signingSecret || !matches) {
    await auditRefusedLaunch(deps, client, now, {
      practice,
      account: undefined,
      cause: !practice ? 'unknown-practice' : !practice.signingSecret ? 'no-signing-secret' : 'wrong-signature',
      method: 'signed',
    });
    return page(launchFailedPage(client.requestId));
  }
  // From here the sender provably holds the secret, so telling "expired" from "used" helps without leaking anything.
  if (!timestampFresh(ts, now)) {
    await auditRefusedLaunch(deps, client, now, { practice, account: undefined, cause: 'signature-expired', method: 'signed' });
    return page(signedExpiredPage(client.requestId));
  }
  const firstUse = await recordSignatureUse(deps.db, {
    signatureHash: sha256(signature.toLowerCase()),
    organisationId: practice.organisationId,
    expiresAt: new Date((Number(ts) + SIGNATURE_VALID_SECONDS + SIGNATURE_CLOCK_SKEW_SECONDS) * 1000),
  });
  if (!firstUse) {
    await auditRefusedLaunch(deps, client, now, { practice, account: undefined, cause: 'signature-replayed', method: 'signed' });
    return page(signedReplayPage(client.requestId));
  }
  const account = await findPracticeAccountByNumber(deps.db, practice.organisationId, gebruikersnummer);
  return startLaunch(deps, client, now, { practice, account, method: 'signed', patientContext: parsePatientContext(parameters) });
}

/** The previous version's address: explains the one-time change, with this practice's numbers when they match one. */
export async function explainOldAddress(
  deps: HisLaunchDependencies,
  parameters: LaunchParameters,
  client: ClientInfo,
): Promise<HisPage> {
  const now = deps.clock.now();
  // Limited like the launch itself, so the page cannot be used to map numbers to practices in bulk.
  await enforceRateLimit(deps.db, `his-launch:${client.ip}`, deps.rateLimitPerIp, RATE_WINDOW_MINUTES, now);
  const organisatienummer = parseNumber(parameters.organisatienummer);
  const praktijknummer = parseNumber(parameters.praktijknummer);
  const practice =
    organisatienummer !== null && praktijknummer !== null
      ? await findPracticeByNumbers(deps.db, organisatienummer, praktijknummer)
      : undefined;
  return oldAddressPage({
    launchUrl: `${deps.publicBaseUrl}${LAUNCH_PATH}?`,
    practice: practice
      ? {
          name: practice.organisationName,
          organisatienummer: practice.organisatienummer,
          praktijknummer: practice.praktijknummer,
        }
      : null,
    requestId: client.requestId,
  });
}

/** For the web app before login: is this launch still usable, and until when. Reveals nothing about the account. */
export async function launchStatus(deps: HisLaunchDependencies, token: string) {
  const launch = await findLaunch(deps.db, sha256(token));
  const valid = Boolean(launch && !launch.usedAt && launch.expiresAt > deps.clock.now());
  return { valid, expiresAt: valid && launch ? launch.expiresAt.toISOString() : null };
}

export type ContinueResult =
  | { action: 'open-patient'; patientId: string }
  | { action: 'add-patient'; prefill: HisPatientContext }
  | { action: 'dashboard' };

function providerOf(context: RequestContext): ProviderActor {
  if (context.actor.kind !== 'provider') throw AppError.notFound();
  return context.actor;
}

function auditContext(context: RequestContext) {
  return {
    actor: auditActorOf(context.actor),
    ip: context.ip,
    userAgent: context.userAgent,
    sessionRef: context.sessionRef,
    requestId: context.requestId,
  };
}

/**
 * After login: the launch's account must be the session's account. Single use. The patient is looked up for this
 * actor through the access policy (patient-data/his-patient-lookup.ts); unknown → "Patiënt toevoegen" prefilled.
 */
export async function continueLaunch(
  deps: HisLaunchDependencies,
  context: RequestContext,
  token: string,
): Promise<ContinueResult> {
  const actor = providerOf(context);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const launch = await findLaunch(trx, sha256(token), { lock: true });
    if (!launch) return { kind: 'unknown' as const };
    if (launch.accountId !== actor.accountId) {
      await recordAuditEvent(
        trx,
        {
          ...auditContext(context),
          action: 'access-denied',
          objectType: 'his-launch',
          objectId: launch.id,
          outcome: 'denied',
          reason: 'other-account',
        },
        { now: () => now },
      );
      return { kind: 'other-account' as const };
    }
    if (launch.usedAt) return { kind: 'used' as const };
    if (launch.expiresAt <= now) return { kind: 'expired' as const };
    if (!(await useLaunch(trx, launch.id, now))) return { kind: 'used' as const };
    await recordAuditEvent(
      trx,
      {
        ...auditContext(context),
        action: 'update',
        objectType: 'his-launch',
        objectId: launch.id,
        outcome: 'success',
        reason: 'continued',
        details: { method: launch.method },
      },
      { now: () => now },
    );
    return { kind: 'ok' as const, patientContext: launch.patientContext };
  });

  switch (outcome.kind) {
    case 'unknown':
      throw AppError.notFound();
    case 'other-account':
      throw new AppError(403, 'his-launch-other-user', 'his.otherUser.title', 'his.otherUser.detail');
    case 'used':
      throw new AppError(410, 'his-launch-used', 'his.launchUsed.title', 'his.launchUsed.detail');
    case 'expired':
      throw new AppError(410, 'his-launch-expired', 'his.launchExpired.title', 'his.launchExpired.detail', [], {
        minutes: LAUNCH_VALID_MINUTES,
      });
  }
  const patient = outcome.patientContext;
  if (!patient || isEmptyContext(patient)) return { action: 'dashboard' };
  if (patient.bsn) {
    const found = await findPatientForHisLaunch(deps, context, { bsn: patient.bsn, birthDate: patient.birthDate });
    if (found) return { action: 'open-patient', patientId: found.patientId };
  }
  return { action: 'add-patient', prefill: patient };
}

// --- the practice administrator's settings ---

/** The practice administrator (praktijkbeheerder) of a GP practice; anyone else finds no such function. */
function practiceAdministrator(context: RequestContext): ProviderActor {
  const actor = providerOf(context);
  if (actor.role !== 'praktijkbeheerder' || actor.organisationType !== 'gp-practice' || !actor.personal)
    throw AppError.notFound();
  return actor;
}

async function configuredPractice(deps: HisLaunchDependencies, actor: ProviderActor): Promise<PracticeCredentials> {
  const practice = await findPracticeCredentials(deps.db, actor.organisationId);
  if (!practice) throw new AppError(409, 'his-not-configured', 'his.notConfigured.title', 'his.notConfigured.detail');
  return practice;
}

function launchUrls(deps: HisLaunchDependencies) {
  return {
    // TetraHIS appends the fields to the URL as given, so it ends with "?" (seed 000 §4: ".../sso-login?").
    launchUrl: `${deps.publicBaseUrl}${LAUNCH_PATH}?`,
    signedLaunchUrl: `${deps.publicBaseUrl}${SIGNED_LAUNCH_PATH}`,
  };
}

export async function readHisSettings(deps: HisLaunchDependencies, context: RequestContext, language: Language) {
  const actor = practiceAdministrator(context);
  const practice = await findPracticeCredentials(deps.db, actor.organisationId);
  const accounts = await listPracticeAccounts(deps.db, actor.organisationId);
  return {
    practice: { id: actor.organisationId, name: actor.organisationName },
    configured: Boolean(practice),
    organisatienummer: practice?.organisatienummer ?? null,
    praktijknummer: practice?.praktijknummer ?? null,
    passwordSet: Boolean(practice?.passwordHash),
    passwordChangedAt: practice?.passwordChangedAt?.toISOString() ?? null,
    signingSecretSet: Boolean(practice?.signingSecret),
    signingSecretCreatedAt: practice?.signingSecretCreatedAt?.toISOString() ?? null,
    ...launchUrls(deps),
    // Only personal accounts get a link (seed 000: "alle koppelingen persoonsgebonden").
    accounts: accounts
      .filter((account) => account.personal && account.active)
      .map((account) => ({
        id: account.id,
        username: account.username,
        name: account.name,
        roleName: account.roleName[language],
        gebruikersnummer: account.gebruikersnummer,
        linkCreatedAt: account.linkCreatedAt?.toISOString() ?? null,
      })),
  };
}

async function auditSettingsChange(
  deps: HisLaunchDependencies,
  context: RequestContext,
  now: Date,
  change: { action: 'create' | 'update'; objectType: string; objectId: string; details?: JsonObject },
  write: (trx: Kysely<Database>) => Promise<void>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await write(trx);
    await recordAuditEvent(trx, { ...auditContext(context), ...change, outcome: 'success' }, { now: () => now });
  });
}

/** PUT …/settings/password: every HIS configuration of the practice must then use the new password. */
export async function changePracticePassword(
  deps: HisLaunchDependencies,
  context: RequestContext,
  newPassword: string,
  language: Language,
) {
  const actor = practiceAdministrator(context);
  const practice = await configuredPractice(deps, actor);
  const problem = passwordProblem(newPassword);
  if (problem) throw AppError.validation([{ field: 'newPassword', key: problem }]);
  const passwordHash = await hashPassword(newPassword);
  const now = deps.clock.now();
  await auditSettingsChange(
    deps,
    context,
    now,
    { action: 'update', objectType: 'his-practice-password', objectId: practice.organisationId },
    (trx) => setPracticePassword(trx, practice.organisationId, passwordHash, now, actor.accountId),
  );
  return readHisSettings(deps, context, language);
}

/** POST …/accounts/:accountId/link: a new personal MiraHIS link, shown once; the previous one stops working. */
export async function regenerateAccountLink(deps: HisLaunchDependencies, context: RequestContext, accountId: string) {
  const actor = practiceAdministrator(context);
  const practice = await configuredPractice(deps, actor);
  const account = await findPracticeAccountById(deps.db, actor.organisationId, accountId);
  if (!account?.active) throw AppError.notFound();
  if (!account.personal)
    throw new AppError(409, 'his-account-not-personal', 'his.accountNotPersonal.title', 'his.accountNotPersonal.detail');
  const token = newToken();
  const now = deps.clock.now();
  await auditSettingsChange(
    deps,
    context,
    now,
    { action: 'create', objectType: 'his-account-link', objectId: account.id },
    (trx) => saveAccountLink(trx, { accountId: account.id, tokenHash: sha256(token), now, byAccountId: actor.accountId }),
  );
  const query = new URLSearchParams({
    organisatienummer: String(practice.organisatienummer),
    praktijknummer: String(practice.praktijknummer),
    gebruikersnummer: String(account.gebruikersnummer),
    koppeltoken: token,
  });
  return {
    accountId: account.id,
    username: account.username,
    gebruikersnummer: account.gebruikersnummer,
    link: `${deps.publicBaseUrl}${LAUNCH_PATH}?${query.toString()}`,
    createdAt: now.toISOString(),
  };
}

/** POST …/settings/signing-secret: a new secret for signed launches, shown once; the previous one stops working. */
export async function regenerateSigningSecret(deps: HisLaunchDependencies, context: RequestContext) {
  const actor = practiceAdministrator(context);
  const practice = await configuredPractice(deps, actor);
  const secret = newSigningSecret();
  const now = deps.clock.now();
  await auditSettingsChange(
    deps,
    context,
    now,
    { action: 'create', objectType: 'his-signing-secret', objectId: practice.organisationId },
    (trx) => setSigningSecret(trx, practice.organisationId, secret, now),
  );
  return {
    signingSecret: secret,
    createdAt: now.toISOString(),
    organisatienummer: practice.organisatienummer,
    praktijknummer: practice.praktijknummer,
    signedLaunchUrl: launchUrls(deps).signedLaunchUrl,
  };
}
