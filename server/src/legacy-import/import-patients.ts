import { amsterdamDate } from '../domain/amsterdam-time.js';
import {
  findLegacyPatientMatches,
  importLegacyPatients,
  type LegacyPatientMatch,
  type NewLegacyPatient,
} from '../patient-data/legacy-import-repository.js';
import { patientDisplayId } from '../patient-data/patient-card.js';
import type { LegacyPatientRow } from './export-format.js';
import { type PatientSkipReason, skipCounter } from './result.js';
import { inBatch, type RunContext } from './run-context.js';

// patients.csv → patient records, by the rules of product.md "Migration from the previous version" and
// seed 001 §1: no BSN or an invalid one (11-proef) → not migrated, listed; empty roepnaam → "?"; a record
// that already exists in Keten with the same BSN (added by hand or through the HIS) gets the old number
// instead of a second record; enrolment at the practice in the "praktijk" column (AGB code or abbreviation).
// An old number that is already in Keten with the same BSN was imported before: nothing changes.

export interface PatientRunState {
  /** Old number → the line it was first seen on. */
  numbers: Map<string, number>;
  /** BSN → the old number that had it first. */
  bsns: Map<string, string>;
}

interface Candidate {
  row: LegacyPatientRow & { bsn: string };
  practiceId: string;
}

type Plan =
  | { kind: 'create'; candidate: Candidate }
  | { kind: 'link'; candidate: Candidate; patientId: string }
  | { kind: 'already'; candidate: Candidate; patientId: string }
  | { kind: 'conflict'; candidate: Candidate; detail: string };

function plan(candidates: readonly Candidate[], matches: readonly LegacyPatientMatch[]): Plan[] {
  const byNumber = new Map(matches.filter((match) => match.legacyId).map((match) => [match.legacyId, match]));
  const byBsn = new Map(matches.filter((match) => match.bsn).map((match) => [match.bsn, match]));
  return candidates.map((candidate): Plan => {
    const { patientNumber, bsn } = candidate.row;
    const numbered = byNumber.get(patientNumber);
    if (numbered) {
      return numbered.bsn === bsn
        ? { kind: 'already', candidate, patientId: numbered.id }
        : {
            kind: 'conflict',
            candidate,
            detail: `het oude nummer hoort in Keten bij ${patientDisplayId(numbered.id)} met een ander BSN`,
          };
    }
    const sameBsn = byBsn.get(bsn);
    if (!sameBsn) return { kind: 'create', candidate };
    if (sameBsn.legacyId === null) return { kind: 'link', candidate, patientId: sameBsn.id };
    return {
      kind: 'conflict',
      candidate,
      detail: `${patientDisplayId(sameBsn.id)} met dit BSN heeft al oud nummer ${sameBsn.legacyId}`,
    };
  });
}

function newPatient(candidate: Candidate, today: string): NewLegacyPatient {
  const { row } = candidate;
  return {
    patientNumber: row.patientNumber,
    bsn: row.bsn,
    initials: row.initials,
    givenNames: row.givenNames,
    // seed 001 §1 item 4: "Bij het ontbreken van de waarde in Medix 3 wordt een vraagteken gebruikt."
    roepnaam: row.roepnaam ?? '?',
    familyNamePrefix: row.familyNamePrefix,
    familyName: row.familyName,
    birthDate: row.birthDate,
    gender: row.gender,
    street: row.street,
    houseNumber: row.houseNumber,
    houseNumberSuffix: row.houseNumberSuffix,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    email: row.email,
    practiceId: candidate.practiceId,
    enrolledFrom: row.enrolledFrom ?? today,
  };
}

export async function importPatientBatch(context: RunContext, rows: readonly LegacyPatientRow[], state: PatientRunState) {
  const counts = context.counts.patients;
  const skip = (row: LegacyPatientRow, reason: PatientSkipReason, detail?: string) => {
    counts[skipCounter[reason]]++;
    context.skippedPatients.push({ patientNumber: row.patientNumber, line: row.line, reason, ...(detail ? { detail } : {}) });
    // A repeated number keeps what its first line got; otherwise its Journaal lines have no patient.
    if (!context.patientIdByNumber.has(row.patientNumber)) context.patientIdByNumber.set(row.patientNumber, false);
  };

  const candidates: Candidate[] = [];
  for (const row of rows) {
    counts.rows++;
    const earlier = state.numbers.get(row.patientNumber);
    if (earlier !== undefined) {
      skip(row, 'duplicate-number', `eerder op regel ${earlier}`);
      continue;
    }
    state.numbers.set(row.patientNumber, row.line);
    if (row.bsnStatus === 'missing' || row.bsn === null) {
      skip(row, 'no-bsn');
      continue;
    }
    if (row.bsnStatus === 'invalid') {
      skip(row, 'invalid-bsn');
      continue;
    }
    const sameBsn = state.bsns.get(row.bsn);
    if (sameBsn !== undefined) {
      skip(row, 'duplicate-bsn', `ook bij ${sameBsn}`);
      continue;
    }
    state.bsns.set(row.bsn, row.patientNumber);
    const practice = context.organisations.practice(row.practice);
    if (!practice) {
      skip(row, 'unknown-practice', row.practice ? `"${row.practice}"` : 'niet ingevuld');
      continue;
    }
    candidates.push({ row: { ...row, bsn: row.bsn }, practiceId: practice.id });
  }
  if (candidates.length === 0) return;

  const at = context.now();
  const today = amsterdamDate(at);
  await inBatch(context, async (executor, trx) => {
    const matches = await findLegacyPatientMatches(
      executor,
      candidates.map((candidate) => candidate.row.bsn),
      candidates.map((candidate) => candidate.row.patientNumber),
    );
    const plans = plan(candidates, matches);
    const create = plans.flatMap((entry) => (entry.kind === 'create' ? [newPatient(entry.candidate, today)] : []));
    const link = plans.flatMap((entry) =>
      entry.kind === 'link' ? [{ patientId: entry.patientId, patientNumber: entry.candidate.row.patientNumber }] : [],
    );
    // A dry run stores nothing: what would be created or linked counts as done.
    const written =
      trx && context.runId
        ? await importLegacyPatients(trx, { create, link }, { runId: context.runId, at })
        : {
            created: new Map(create.map((patient) => [patient.patientNumber, null])),
            linked: new Map(link.map((entry) => [entry.patientNumber, entry.patientId])),
          };

    for (const entry of plans) {
      const { row } = entry.candidate;
      switch (entry.kind) {
        case 'conflict':
          skip(row, 'conflict', entry.detail);
          break;
        case 'already':
          counts.alreadyImported++;
          context.patientIdByNumber.set(row.patientNumber, entry.patientId);
          break;
        case 'create':
          if (!written.created.has(row.patientNumber)) {
            skip(row, 'conflict', 'tegelijk in Keten toegevoegd; draai de import opnieuw');
            break;
          }
          counts.imported++;
          if (row.roepnaam === null) counts.roepnaamQuestionMark++;
          context.patientIdByNumber.set(row.patientNumber, written.created.get(row.patientNumber) ?? null);
          break;
        case 'link':
          if (!written.linked.has(row.patientNumber)) {
            skip(row, 'conflict', 'tegelijk in Keten gewijzigd; draai de import opnieuw');
            break;
          }
          counts.linked++;
          context.linkedPatients.push({ patientNumber: row.patientNumber, patientId: entry.patientId });
          context.patientIdByNumber.set(row.patientNumber, entry.patientId);
          break;
      }
    }
  });
}
