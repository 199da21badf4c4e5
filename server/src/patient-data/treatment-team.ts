import { type SqlBool, sql, type Transaction } from 'kysely';
import type { Actor, RequestContext } from '../access/context.js';
import { type AccessFacts, can, type RoleRights, teamMemberVisible } from '../access/index.js';
import type { Database, OrganisationType } from '../db/schema.js';
import { amsterdamDate } from '../domain/amsterdam-time.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';

// Behandelteam (seed 001 §5.6): "de zorgverleners die betrokken zijn bij de behandeling van de patiënt (lees: die
// minimaal het dossier een keer hebben geopend en daarmee de behandelrelatie hebben vastgelegd)" — the accounts with
// a current treatment-relationship ground — plus the organisations that reach the record through an enrolment or a
// referral. "Heb je geen inzage in de registratie van de POH-GGZ, dan zie je ook niet dat een POH-GGZ betrokken is":
// a member is shown only when `teamMemberVisible` says so for the viewer's and the member's role rights.

/**
 * The tabs of the record open only after the account confirmed the treatment relationship (seed 001 §3.2: "Without
 * it the record does not open"); before that the card answers `confirm-relationship` and the tabs this error.
 */
export function assertRecordOpen(actor: Actor, patientId: string, facts: AccessFacts): void {
  const opening = can(actor, 'read', { kind: 'patient', patientId }, facts);
  if (!opening.allow) throw AppError.notFound();
  if (opening.obligations?.includes('confirm-treatment-relationship')) {
    throw new AppError(409, 'relationship-required', 'patient.relationshipRequired.title', 'patient.relationshipRequired.detail');
  }
}

export interface TeamMember {
  accountId: string;
  name: string;
  role: { code: string; nl: string; en: string };
  organisation: { id: string; name: string; type: OrganisationType };
  /** When the relationship was confirmed (the earliest current ground of this account). */
  since: Date;
}

export interface TeamOrganisation {
  organisation: { id: string; name: string; type: OrganisationType };
  reason: 'enrolment' | 'referral' | 'treatment-relationship';
  /** The role a referral was addressed to, if any. */
  role: { code: string; nl: string; en: string } | null;
  /** Calendar date (Europe/Amsterdam), YYYY-MM-DD. */
  since: string;
}

export interface TreatmentTeam {
  members: TeamMember[];
  organisations: TeamOrganisation[];
}

const currentGround = (now: Date) =>
  sql<SqlBool>`g.revoked_at is null and g.valid_from <= ${now} and (g.valid_to is null or g.valid_to > ${now})`;

async function roleRightsOf(trx: Transaction<Database>, roles: readonly string[]): Promise<Map<string, RoleRights>> {
  const rights = new Map<string, Record<string, { read: boolean; write: boolean }>>();
  if (roles.length === 0) return rights;
  const rows = await trx
    .selectFrom('role_right')
    .select(['role', 'record_type', 'can_read', 'can_write'])
    .where('role', 'in', [...roles])
    .execute();
  for (const row of rows) {
    const entry = rights.get(row.role) ?? {};
    entry[row.record_type] = { read: row.can_read, write: row.can_write };
    rights.set(row.role, entry);
  }
  return rights;
}

async function selectMembers(trx: Transaction<Database>, patientId: string, now: Date) {
  return trx
    .selectFrom('access_ground as g')
    .innerJoin('account as a', (join) => join.on(sql<SqlBool>`a.id::text = g.grantee_id`))
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .innerJoin('role as r', 'r.code', 'a.role')
    .select([
      'a.id as account_id',
      'a.role',
      'r.name_nl as role_nl',
      'r.name_en as role_en',
      'p.given_name',
      'p.family_name_prefix',
      'p.family_name',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.type as organisation_type',
      'g.valid_from',
    ])
    .where('g.patient_id', '=', patientId)
    .where('g.kind', '=', 'treatment-relationship')
    .where('g.grantee_type', '=', 'account')
    .where(currentGround(now))
    .where('a.state', '=', 'active')
    .orderBy('g.valid_from')
    .orderBy('g.id')
    .execute();
}

async function selectOrganisations(trx: Transaction<Database>, patientId: string, now: Date) {
  const enrolments = await trx
    .selectFrom('enrolment as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .select(['o.id', 'o.name', 'o.type', 'e.valid_from'])
    .where('e.patient_id', '=', patientId)
    .where('e.valid_to', 'is', null)
    .execute();
  const referrals = await trx
    .selectFrom('referral as f')
    .innerJoin('organisation as o', 'o.id', 'f.to_organisation_id')
    .leftJoin('role as r', 'r.code', 'f.to_role')
    .select(['o.id', 'o.name', 'o.type', 'f.created_at', 'f.to_role', 'r.name_nl as role_nl', 'r.name_en as role_en'])
    .where('f.patient_id', '=', patientId)
    .orderBy('f.created_at')
    .execute();
  const grounds = await trx
    .selectFrom('access_ground as g')
    .innerJoin('organisation as o', (join) => join.on(sql<SqlBool>`o.id::text = g.grantee_id`))
    .select(['o.id', 'o.name', 'o.type', 'g.kind', 'g.valid_from'])
    .where('g.patient_id', '=', patientId)
    .where('g.grantee_type', '=', 'organisation')
    .where('g.kind', 'in', ['referral', 'treatment-relationship'])
    .where(currentGround(now))
    .orderBy('g.valid_from')
    .execute();
  return { enrolments, referrals, grounds };
}

export async function readTreatmentTeam(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
): Promise<TreatmentTeam> {
  const now = deps.clock.now();
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'treatment-team',
    objectId: patientId,
    auditAfter: (team) => ({ details: { members: team.members.length, organisations: team.organisations.length } }),
    async run(trx, _decision, facts) {
      assertRecordOpen(context.actor, patientId, facts);
      const memberRows = await selectMembers(trx, patientId, now);
      const { enrolments, referrals, grounds } = await selectOrganisations(trx, patientId, now);
      const roles = new Set<string>(memberRows.map((row) => row.role));
      for (const referral of referrals) if (referral.to_role) roles.add(referral.to_role);
      const rights = await roleRightsOf(trx, [...roles]);
      const visible = (role: string | null) => role === null || teamMemberVisible(facts.roleRights, rights.get(role) ?? {});

      const members = new Map<string, TeamMember>();
      for (const row of memberRows) {
        if (members.has(row.account_id) || !visible(row.role)) continue;
        members.set(row.account_id, {
          accountId: row.account_id,
          name: [row.given_name, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
          role: { code: row.role, nl: row.role_nl, en: row.role_en },
          organisation: { id: row.organisation_id, name: row.organisation_name, type: row.organisation_type },
          since: row.valid_from,
        });
      }

      const organisations: TeamOrganisation[] = [];
      const seen = new Set<string>();
      const add = (entry: TeamOrganisation) => {
        const key = `${entry.organisation.id}:${entry.reason}`;
        if (seen.has(key)) return;
        seen.add(key);
        organisations.push(entry);
      };
      for (const row of enrolments) {
        add({
          organisation: { id: row.id, name: row.name, type: row.type },
          reason: 'enrolment',
          role: null,
          since: row.valid_from,
        });
      }
      for (const row of referrals) {
        // A referral to the POH-GGZ or the mental-health desk says as much as its registrations would (§5.6).
        if (!visible(row.to_role)) continue;
        add({
          organisation: { id: row.id, name: row.name, type: row.type },
          reason: 'referral',
          role: row.to_role ? { code: row.to_role, nl: row.role_nl ?? row.to_role, en: row.role_en ?? row.to_role } : null,
          since: amsterdamDate(row.created_at),
        });
      }
      for (const row of grounds) {
        add({
          organisation: { id: row.id, name: row.name, type: row.type },
          reason: row.kind === 'referral' ? 'referral' : 'treatment-relationship',
          role: null,
          since: amsterdamDate(row.valid_from),
        });
      }
      return { members: [...members.values()], organisations };
    },
  });
}
