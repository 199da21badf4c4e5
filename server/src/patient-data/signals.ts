import { type Expression, type SqlBool, sql } from 'kysely';
import type { RequestContext } from '../access/context.js';
import { auditActorOf, type ProviderActor } from '../access/context.js';
import { patientAccessCondition } from '../access/index.js';
import { recordAuditEvents } from '../audit/record.js';
import type { PatientDataDependencies } from './patient-access.js';
import { patientDisplayId } from './patient-card.js';

// Signalen (seed 001 §3.3: "Meldingen omtrent een patiënt zoals bijv. een nieuwe verwijzing"): the unopened
// referrals to the actor's organisation (or its parent), to its role or to no role, for patients the actor may
// reach (the policy as SQL: an exclusion by the patient hides it). Opening the patient (the relationship
// confirmation or the card) sets opened_at and the signal disappears (referral-send.ts, markReferralsOpened).

export interface ReferralSignal {
  id: string;
  patientId: string;
  patientDisplayId: string;
  patientName: string;
  birthDate: string;
  fromName: string;
  fromOrganisationName: string;
  reason: string;
  urgency: string | null;
  formKey: string | null;
  createdAt: Date;
}

function unopenedReferrals(actor: ProviderActor, now: Date) {
  const organisations = [actor.organisationId, ...(actor.parentOrganisationId ? [actor.parentOrganisationId] : [])];
  return (eb: { and(list: Expression<SqlBool>[]): Expression<SqlBool> }) =>
    eb.and([
      sql<SqlBool>`r.opened_at is null`,
      sql<SqlBool>`r.to_organisation_id in (${sql.join(organisations)})`,
      sql<SqlBool>`(r.to_role is null or r.to_role = ${actor.role})`,
      patientAccessCondition(actor, now, 'r.patient_id'),
    ]);
}

/** The number of unopened referrals for the navigation badge: no patient data leaves, so not audited. */
export async function countReferralSignals(deps: PatientDataDependencies, actor: ProviderActor): Promise<number> {
  const row = await deps.db
    .selectFrom('referral as r')
    .select(sql<number>`count(*)::int`.as('count'))
    .where(unopenedReferrals(actor, deps.clock.now()))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The Signalen page's "Verwijzingen": who, from whom, why — each shown patient an audited access. */
export async function listReferralSignals(
  deps: PatientDataDependencies,
  context: RequestContext,
  actor: ProviderActor,
): Promise<ReferralSignal[]> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('referral as r')
      .innerJoin('patient as p', 'p.id', 'r.patient_id')
      .innerJoin('account as a', 'a.id', 'r.from_account_id')
      .innerJoin('person as pe', 'pe.id', 'a.person_id')
      .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
      .leftJoin('form_entry as e', 'e.id', 'r.form_entry_id')
      .select([
        'r.id',
        'r.patient_id',
        'p.roepnaam',
        'p.family_name_prefix',
        'p.family_name',
        'p.birth_date',
        'pe.given_name',
        'pe.family_name_prefix as from_prefix',
        'pe.family_name as from_family_name',
        'o.name as from_organisation',
        'r.reason',
        'r.urgency',
        'e.form_key',
        'r.created_at',
      ])
      .where(unopenedReferrals(actor, now))
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(200)
      .execute();
    const signals = rows.map((row) => ({
      id: row.id,
      patientId: row.patient_id,
      patientDisplayId: patientDisplayId(row.patient_id),
      patientName: [row.roepnaam, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
      birthDate: row.birth_date,
      fromName: [row.given_name, row.from_prefix, row.from_family_name].filter(Boolean).join(' '),
      fromOrganisationName: row.from_organisation,
      reason: row.reason,
      urgency: row.urgency,
      formKey: row.form_key,
      createdAt: row.created_at,
    }));
    if (signals.length > 0) {
      await recordAuditEvents(
        trx,
        signals.map((signal) => ({
          actor: auditActorOf(actor),
          patientId: signal.patientId,
          action: 'read' as const,
          objectType: 'referral-signal',
          objectId: signal.id,
          outcome: 'success' as const,
          reason: 'referral',
          ip: context.ip,
          userAgent: context.userAgent,
          sessionRef: context.sessionRef,
          requestId: context.requestId,
          details: {},
        })),
        { now: () => now },
      );
    }
    return signals;
  });
}
