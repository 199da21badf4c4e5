import { auditActorOf, systemActor } from '../access/context.js';
import type { AuditEventInput } from '../audit/audit-event.js';
import { recordAuditEvents } from '../audit/record.js';
import type { LegacyAccountRow } from './export-format.js';
import { mapOldRole } from './old-roles.js';
import {
  findAccountsByUsernames,
  findPersonsByEmails,
  findTakenUserNumbers,
  insertMigratedAccount,
  insertPerson,
} from './repository.js';
import { inBatch, type RunContext } from './run-context.js';

// accounts.csv → persons and accounts (seed 001 §1 item 5: one account per practice a provider works for).
// An account whose username exists is left exactly as it is. A new one gets no password and must set one
// ("Wachtwoord vergeten?"), keeps its old gebruikersnummer (the HIS launch finds the account by it, seed 000)
// and gets the Keten role for its old role name (old-roles.ts). Rows of one person (the same e-mail address)
// share one person; so does an existing person with that address.

interface PlannedAccount {
  row: LegacyAccountRow;
  role: string;
  organisationId: string;
  email: string;
  /** An existing person, or the e-mail key of a person created in this run. */
  person: { existingId: string } | { key: string };
}

export async function importAccountBatch(context: RunContext, rows: readonly LegacyAccountRow[], seen: Map<string, number>) {
  const counts = context.counts.accounts;
  const skip = (row: LegacyAccountRow, reason: string) => {
    counts.skipped++;
    context.skippedAccounts.push({ username: row.username, line: row.line, reason });
  };

  await inBatch(context, async (executor, trx) => {
    const existing = new Map(
      (
        await findAccountsByUsernames(
          executor,
          rows.map((row) => row.username),
        )
      ).map((account) => [account.username.toLowerCase(), account]),
    );
    const candidates: { row: LegacyAccountRow; role: string; organisationId: string; organisationName: string; email: string }[] =
      [];
    for (const row of rows) {
      counts.rows++;
      const key = row.username.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        skip(row, `gebruikersnaam staat al op regel ${earlier}`);
        continue;
      }
      seen.set(key, row.line);
      context.accountNames.set(key, row.name.full);
      const account = existing.get(key);
      if (account) {
        counts.existing++;
        context.authors.set(key, {
          accountId: account.id,
          name: account.name,
          role: account.role,
          organisationId: account.organisationId,
        });
        continue;
      }
      const role = mapOldRole(row.role);
      if (!role) {
        skip(row, `onbekende rol "${row.role}"`);
        continue;
      }
      const organisation = context.organisations.find(row.practice);
      if (!organisation) {
        skip(row, row.practice ? `onbekende praktijk of organisatie "${row.practice}"` : 'geen praktijk ingevuld');
        continue;
      }
      if (!context.roles.get(role)?.includes(organisation.type)) {
        skip(row, `rol ${role} hoort niet bij ${organisation.name}`);
        continue;
      }
      if (!row.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(row.email)) {
        skip(row, 'geen geldig e-mailadres (nodig voor "Wachtwoord vergeten?")');
        continue;
      }
      candidates.push({ row, role, organisationId: organisation.id, organisationName: organisation.name, email: row.email });
    }

    const taken = await findTakenUserNumbers(
      executor,
      candidates.map((candidate) => ({
        organisationId: candidate.organisationId,
        gebruikersnummer: candidate.row.gebruikersnummer,
      })),
    );
    const persons = await findPersonsByEmails(
      executor,
      candidates.map((candidate) => candidate.email),
    );
    const planned: PlannedAccount[] = [];
    for (const candidate of candidates) {
      const { row } = candidate;
      const numberKey = `${candidate.organisationId}:${row.gebruikersnummer}`;
      const holder = taken.get(numberKey);
      if (holder !== undefined) {
        skip(row, `gebruikersnummer ${row.gebruikersnummer} is bij ${candidate.organisationName} al van ${holder}`);
        continue;
      }
      const emailKey = candidate.email.toLowerCase();
      const matches = persons.filter((person) => person.email === emailKey);
      const person = matches.length === 1 && matches[0] ? matches[0] : undefined;
      if (person?.organisationIds.includes(candidate.organisationId)) {
        skip(row, `${candidate.email} heeft al een account bij ${candidate.organisationName}`);
        continue;
      }
      taken.set(numberKey, row.username);
      if (person) person.organisationIds.push(candidate.organisationId);
      else persons.push({ id: `new:${emailKey}`, email: emailKey, organisationIds: [candidate.organisationId] });
      planned.push({
        row,
        role: candidate.role,
        organisationId: candidate.organisationId,
        email: candidate.email,
        person: person && !person.id.startsWith('new:') ? { existingId: person.id } : { key: emailKey },
      });
    }

    const createdPersons = new Map<string, string>();
    const events: AuditEventInput[] = [];
    const at = context.now();
    for (const plan of planned) {
      let accountId: string | null = null;
      if (trx) {
        let personId = 'existingId' in plan.person ? plan.person.existingId : createdPersons.get(plan.person.key);
        if (!personId) {
          personId = await insertPerson(trx, { ...plan.row.name, email: plan.email });
          createdPersons.set('key' in plan.person ? plan.person.key : '', personId);
        }
        accountId = await insertMigratedAccount(trx, {
          personId,
          organisationId: plan.organisationId,
          role: plan.role,
          username: plan.row.username,
          gebruikersnummer: plan.row.gebruikersnummer,
          email: plan.email,
        });
        events.push({
          actor: auditActorOf(systemActor),
          action: 'create',
          objectType: 'account',
          objectId: accountId,
          outcome: 'success',
          reason: 'legacy-import',
          requestId: `legacy-import-run:${context.runId}`,
          details: { username: plan.row.username, role: plan.role, run: context.runId },
        });
      }
      counts.created++;
      const name = [plan.row.name.givenName, plan.row.name.prefix, plan.row.name.familyName].filter(Boolean).join(' ');
      context.authors.set(plan.row.username.toLowerCase(), {
        accountId,
        name,
        role: plan.role,
        organisationId: plan.organisationId,
      });
    }
    if (trx) await recordAuditEvents(trx, events, { now: () => at });
  });
}
