import type { LegacySourceFile } from './tables.js';

// What a run did: the counts (stored as JSON in legacy_import_run.counts) and the lists the report names.

export interface LegacyImportCounts {
  accounts: { rows: number; created: number; existing: number; skipped: number };
  patients: {
    rows: number;
    imported: number;
    linked: number;
    alreadyImported: number;
    skippedNoBsn: number;
    skippedInvalidBsn: number;
    skippedUnknownPractice: number;
    skippedDuplicate: number;
    skippedConflict: number;
    /** Imported in this run with an empty roepnaam, which became "?" (seed 001 §1 item 4). */
    roepnaamQuestionMark: number;
  };
  journal: {
    rows: number;
    imported: number;
    /** Already stored (an earlier run) or a repeat of a line earlier in this export. */
    alreadyPresent: number;
    /** Of alreadyPresent: the same line twice in this export. */
    duplicateInExport: number;
    /** For a patient that was not migrated (no BSN, unknown practice…) or an unknown number. */
    orphaned: number;
    /** Imported lines whose old author has no Keten account (the name is kept). */
    withoutAuthorAccount: number;
  };
}

export type PatientSkipReason = 'no-bsn' | 'invalid-bsn' | 'unknown-practice' | 'duplicate-number' | 'duplicate-bsn' | 'conflict';

export interface SkippedPatient {
  patientNumber: string;
  line: number;
  reason: PatientSkipReason;
  /** Extra words for the report (never the BSN or name: the list is about old numbers). */
  detail?: string;
}

export interface SkippedAccount {
  username: string;
  line: number;
  reason: string;
}

export interface LegacyImportResult {
  /** Null for a dry run (nothing stored). */
  runId: string | null;
  dryRun: boolean;
  interrupted: boolean;
  location: string;
  source: LegacySourceFile[];
  startedAt: Date;
  finishedAt: Date;
  counts: LegacyImportCounts;
  skippedPatients: SkippedPatient[];
  skippedAccounts: SkippedAccount[];
  /** Old number → Keten patient id, for records that existed already and got their old number now. */
  linkedPatients: { patientNumber: string; patientId: string | null }[];
  /** Old number → Journaal lines that found no migrated patient. */
  orphanedJournal: Map<string, number>;
  /** Earlier runs that read exactly the same files (same SHA-256). */
  sameSourceRuns: { id: string; startedAt: Date }[];
  report: string;
}

export function emptyCounts(): LegacyImportCounts {
  return {
    accounts: { rows: 0, created: 0, existing: 0, skipped: 0 },
    patients: {
      rows: 0,
      imported: 0,
      linked: 0,
      alreadyImported: 0,
      skippedNoBsn: 0,
      skippedInvalidBsn: 0,
      skippedUnknownPractice: 0,
      skippedDuplicate: 0,
      skippedConflict: 0,
      roepnaamQuestionMark: 0,
    },
    journal: { rows: 0, imported: 0, alreadyPresent: 0, duplicateInExport: 0, orphaned: 0, withoutAuthorAccount: 0 },
  };
}

export const skipCounter: Readonly<Record<PatientSkipReason, keyof LegacyImportCounts['patients']>> = {
  'no-bsn': 'skippedNoBsn',
  'invalid-bsn': 'skippedInvalidBsn',
  'unknown-practice': 'skippedUnknownPractice',
  'duplicate-number': 'skippedDuplicate',
  'duplicate-bsn': 'skippedDuplicate',
  conflict: 'skippedConflict',
};
