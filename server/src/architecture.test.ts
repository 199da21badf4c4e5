import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// "One access policy, one audit path": patient data is reached only through the actor-scoped data access
// (server/src/patient-data/), which applies access.can and writes the audit event in the same transaction.
// This test fails when any other production module names a patient-data table in a query.

const sourceRoot = import.meta.dirname;

/** Tables that hold data about a patient (every one carries patient_id, or is the patient). */
const PATIENT_DATA_TABLES = [
  'patient',
  'enrolment',
  'trajectory',
  'measurement',
  'referral',
  'admission',
  'clinical_document',
  'patient_relation',
  'insurance_check',
  'memo',
  'legacy_journal_entry',
  'form_entry',
  'form_response',
  'form_draft',
  'invoice_line',
  'message_thread',
  'patient_name_gram',
];

/** Where naming them is the job: the data-access layer, the policy's own ground queries, schema and seed. */
const ALLOWED = [
  /^patient-data\//,
  /^access\/repository\.ts$/,
  /^db\/migrations\//,
  /^db\/seed\//,
  /^db\/schema\.ts$/,
  /^test\//,
  /\.test\.ts$/,
  /^architecture\.test\.ts$/,
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const tableList = PATIENT_DATA_TABLES.join('|');
const builderCall = new RegExp(
  `\\b(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|with)\\(\\s*['"\`](${tableList})(\\s+as\\s+\\w+)?['"\`]`,
  'g',
);
const rawSql = new RegExp(`\\b(from|join|into|update)\\s+(${tableList})\\b(?!_)`, 'gi');

export function patientTableUses(source: string): string[] {
  const hits = [...source.matchAll(builderCall)].map((match) => `${match[1]}('${match[2]}')`);
  // Raw SQL only counts inside sql`…` templates.
  for (const template of source.matchAll(/sql(?:<[^>]*>)?`([^`]*)`/g)) {
    for (const match of (template[1] ?? '').matchAll(rawSql)) hits.push(`sql: ${match[0]}`);
  }
  return hits;
}

describe('architecture: patient data only through the actor-scoped data access', () => {
  it('finds table uses the way the rule means them (the detector itself)', () => {
    expect(patientTableUses("db.selectFrom('patient').selectAll()")).toEqual(["selectFrom('patient')"]);
    expect(patientTableUses("trx.updateTable('measurement').set({})")).toEqual(["updateTable('measurement')"]);
    expect(patientTableUses('await sql`select * from patient where id = 1`.execute(db)')).toEqual(['sql: from patient']);
    expect(patientTableUses("db.selectFrom('patient_relation_type')")).toEqual([]);
    expect(patientTableUses("db.selectFrom('account')")).toEqual([]);
    expect(patientTableUses('// we read from patient files here')).toEqual([]);
  });

  it('no production module outside patient-data/ queries a patient-data table', () => {
    const offenders = sourceFiles(sourceRoot)
      .map((file) => path.relative(sourceRoot, file).split(path.sep).join('/'))
      .filter((relative) => !ALLOWED.some((pattern) => pattern.test(relative)))
      .flatMap((relative) =>
        patientTableUses(readFileSync(path.join(sourceRoot, relative), 'utf8')).map((use) => `${relative}: ${use}`),
      );
    expect(offenders).toEqual([]);
  });
});
