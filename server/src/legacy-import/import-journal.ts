import { createHash } from 'node:crypto';
import {
  findPatientIdsByLegacyNumbers,
  findStoredJournalKeys,
  importLegacyJournalEntries,
  journalKey,
  type NewLegacyJournalEntry,
} from '../patient-data/legacy-import-repository.js';
import type { LegacyJournalRow } from './export-format.js';
import { journalRecordType } from './old-roles.js';
import { findAccountsByUsernames } from './repository.js';
import { inBatch, type RunContext } from './run-context.js';

// journaal.csv → legacy_journal_entry, shown in Historie (seed 001 §1 item 3). A line belongs to the migrated
// patient with its old number (imported in this run or before); lines of patients that were not migrated are
// counted as orphaned per old number. The same line (old number, moment, text) is stored once, however often
// it is in the export or however often the export is imported.

export interface JournalRunState {
  /** Compact digests of the lines seen in this export (repeats within the export). */
  seen: Set<string>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Loads, in one query each, the patients and authors of a batch that the run does not know yet. */
async function resolveBatch(context: RunContext, rows: readonly LegacyJournalRow[]) {
  const numbers = [...new Set(rows.map((row) => row.patientNumber))].filter((number) => !context.patientIdByNumber.has(number));
  if (numbers.length > 0) {
    const found = await findPatientIdsByLegacyNumbers(context.db, numbers);
    for (const number of numbers) context.patientIdByNumber.set(number, found.get(number) ?? false);
  }
  const usernames = [...new Set(rows.flatMap((row) => (row.author ? [row.author.toLowerCase()] : [])))].filter(
    (username) => !context.authors.has(username),
  );
  if (usernames.length > 0) {
    const accounts = await findAccountsByUsernames(context.db, usernames);
    for (const account of accounts) {
      context.authors.set(account.username.toLowerCase(), {
        accountId: account.id,
        name: account.name,
        role: account.role,
        organisationId: account.organisationId,
      });
    }
    for (const username of usernames) if (!context.authors.has(username)) context.authors.set(username, false);
  }
}

export async function importJournalBatch(context: RunContext, rows: readonly LegacyJournalRow[], state: JournalRunState) {
  const counts = context.counts.journal;
  await resolveBatch(context, rows);
  const entries: NewLegacyJournalEntry[] = [];
  /** Dry run: whether each entry's author has (or would get) an account; its id may not exist yet. */
  const hasAccount = new Map<NewLegacyJournalEntry, boolean>();
  const pending: { withoutAccount: boolean }[] = []; // dry run: lines of patients that do not exist yet
  for (const row of rows) {
    counts.rows++;
    const patientId = context.patientIdByNumber.get(row.patientNumber);
    if (patientId === false || patientId === undefined) {
      counts.orphaned++;
      context.orphanedJournal.set(row.patientNumber, (context.orphanedJournal.get(row.patientNumber) ?? 0) + 1);
      continue;
    }
    const textSha256 = sha256(row.text);
    const digest = createHash('sha256')
      .update(journalKey({ patientNumber: row.patientNumber, recordedAt: row.recordedAt, textSha256 }))
      .digest('base64')
      .slice(0, 22);
    if (state.seen.has(digest)) {
      counts.alreadyPresent++;
      counts.duplicateInExport++;
      continue;
    }
    state.seen.add(digest);
    const author = row.author ? context.authors.get(row.author.toLowerCase()) : false;
    if (patientId === null) {
      pending.push({ withoutAccount: !author });
      continue;
    }
    entries.push({
      patientId,
      patientNumber: row.patientNumber,
      recordedAt: row.recordedAt,
      authorAccountId: author ? author.accountId : null,
      authorUsername: row.author,
      // The account's name when there is one, else the name accounts.csv gave, else the old username.
      authorName: author
        ? author.name
        : ((row.author && context.accountNames.get(row.author.toLowerCase())) ?? row.author ?? 'onbekend'),
      authorRole: author ? author.role : null,
      organisationId: author ? author.organisationId : null,
      recordType: journalRecordType(author ? author.role : null),
      kind: row.kind,
      text: row.text,
      textSha256,
    });
    hasAccount.set(entries[entries.length - 1] as NewLegacyJournalEntry, Boolean(author));
  }

  counts.imported += pending.length;
  counts.withoutAuthorAccount += pending.filter((line) => line.withoutAccount).length;
  if (entries.length === 0) return;
  const at = context.now();
  await inBatch(context, async (executor, trx) => {
    if (trx && context.runId) {
      const result = await importLegacyJournalEntries(trx, entries, { runId: context.runId, at });
      counts.imported += result.stored;
      counts.alreadyPresent += entries.length - result.stored;
      counts.withoutAuthorAccount += result.withoutAuthorAccount;
      return;
    }
    const stored = await findStoredJournalKeys(executor, entries);
    const fresh = entries.filter((entry) => !stored.has(journalKey(entry)));
    counts.imported += fresh.length;
    counts.alreadyPresent += stored.size;
    counts.withoutAuthorAccount += fresh.filter((entry) => !hasAccount.get(entry)).length;
  });
}
