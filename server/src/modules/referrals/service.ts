import { latestDefinition } from '@keten/forms';
import type { RequestContext } from '../../access/context.js';
import { type BlobInfo, storeBlob } from '../../blob/index.js';
import { AppError } from '../../http/problem.js';
import type { PatientDataDependencies } from '../../patient-data/patient-access.js';
import { providerOf } from '../../patient-data/record-common.js';
import { readReferralLetter } from '../../patient-data/referral-letter.js';
import { referralEffectOf } from '../../patient-data/referral-send.js';
import { countResultSignals, listResultSignals, markResultSignalsSeen } from '../../patient-data/result-signals.js';
import { countReferralSignals, listReferralSignals } from '../../patient-data/signals.js';
import { countUnreadMessages } from '../messages/repository.js';
import { organisationsOfType } from './repository.js';

// Verwijzing versturen / ontvangen and Signalen (issue 7; seed 001 §3.3, §7.2–7.3). Sending itself happens in the
// publish transaction of the task (patient-data/record-publish.ts → referral-send.ts).

export type ReferralsDependencies = PatientDataDependencies;

/** The organisations a referral task can go to (the form's `referral` effect type); 404 for other forms. */
export async function referralTargets(deps: ReferralsDependencies, context: RequestContext, formKey: string) {
  const actor = providerOf(context);
  const definition = latestDefinition(formKey);
  const effect = definition ? referralEffectOf(definition) : undefined;
  if (!definition || !effect || !definition.startRoles.includes(actor.role)) throw AppError.notFound();
  return {
    toOrganisationType: effect.toOrganisationType,
    toRole: effect.toRole ?? null,
    organisations: await organisationsOfType(deps.db, effect.toOrganisationType),
  };
}

/** Stores an uploaded referral letter (PDF/PNG/JPEG by content, ≤ 10 MB); it is attached when the task is published. */
export async function uploadReferralLetter(
  deps: ReferralsDependencies,
  context: RequestContext,
  input: { bytes: Uint8Array; fileName?: string | undefined },
): Promise<BlobInfo> {
  const actor = providerOf(context);
  return storeBlob(deps.db, {
    bytes: input.bytes,
    fileName: input.fileName,
    accountId: actor.accountId,
    now: deps.clock.now(),
    field: 'letter',
  });
}

export async function downloadReferralLetter(
  deps: ReferralsDependencies,
  context: RequestContext,
  patientId: string,
  entryId: string,
) {
  return readReferralLetter(deps, context, patientId, entryId);
}

/**
 * Signalen per kind. Berichten: the messages module's unread count. Uitslagen: new results since "Gezien"
 * (patient-data/result-signals.ts), a separate number outside `total` (the badge counts referrals). Appointment
 * reminders are not signalled yet (no appointments).
 */
export async function signalCounts(deps: ReferralsDependencies, context: RequestContext) {
  const actor = providerOf(context);
  const referrals = await countReferralSignals(deps, actor);
  const messages = await countUnreadMessages(deps.db, actor.accountId, deps.clock.now());
  const results = await countResultSignals(deps, actor);
  return { total: referrals + messages, referrals, messages, results };
}

export async function signals(deps: ReferralsDependencies, context: RequestContext) {
  const actor = providerOf(context);
  const items = await listReferralSignals(deps, context, actor);
  const messages = await countUnreadMessages(deps.db, actor.accountId, deps.clock.now());
  return {
    total: items.length + messages,
    referrals: items.length,
    messages,
    referralItems: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
    ...(await resultSignals(deps, context)),
  };
}

/** Uitslagen: new results of the patients the account has a treatment relationship with (each patient audited). */
async function resultSignals(deps: ReferralsDependencies, context: RequestContext) {
  const items = await listResultSignals(deps, context, providerOf(context));
  const results = await countResultSignals(deps, providerOf(context));
  return { results, resultItems: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })) };
}

/** "Gezien": the account's results until now are no longer new. */
export async function markResultsSeen(deps: ReferralsDependencies, context: RequestContext) {
  const seenAt = await markResultSignalsSeen(deps, context, providerOf(context));
  return { seenAt: seenAt.toISOString(), results: await countResultSignals(deps, providerOf(context)) };
}
