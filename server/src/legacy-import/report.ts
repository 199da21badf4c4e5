import { formatAmsterdam } from '../domain/amsterdam-time.js';
import { patientDisplayId } from '../patient-data/patient-card.js';
import type { LegacyImportResult, PatientSkipReason } from './result.js';

// The summary printed at the end of a run and stored in legacy_import_run.report: counts per category, then
// every patient that was not imported with its old number and the reason (product.md: "listed in the
// report"). Old numbers and line numbers only — no names or BSNs: the migration team looks them up in the
// old system, and the report does not become a second copy of patient data.

const numberFormat = new Intl.NumberFormat('nl-NL');
const count = (value: number) => numberFormat.format(value);
const plural = (value: number, one: string, many: string) => `${count(value)} ${value === 1 ? one : many}`;

export const skipReasonText: Readonly<Record<PatientSkipReason, string>> = {
  'no-bsn': 'geen BSN',
  'invalid-bsn': 'ongeldig BSN (11-proef)',
  'unknown-practice': 'onbekende praktijk',
  'duplicate-number': 'patiëntnummer staat twee keer in de export',
  'duplicate-bsn': 'BSN staat twee keer in de export',
  conflict: 'botst met een bestaand dossier',
};

function table(rows: readonly (readonly [string, number, string?])[]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  const numbers = Math.max(...rows.map(([, value]) => count(value).length));
  return rows.map(
    ([label, value, note]) => `  ${label.padEnd(width)}  ${count(value).padStart(numbers)}${note ? `  ${note}` : ''}`,
  );
}

/** Items joined with ", " in lines of at most `width` characters, indented. */
function wrap(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    if (current && current.length + item.length + 2 > width) {
      lines.push(`  ${current},`);
      current = item;
    } else {
      current = current ? `${current}, ${item}` : item;
    }
  }
  if (current) lines.push(`  ${current}`);
  return lines;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${count(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

export function formatReport(result: Omit<LegacyImportResult, 'report'>): string {
  const { counts } = result;
  const lines: string[] = [];
  const title = result.dryRun
    ? 'Proefimport uit het vorige systeem (--dry-run): er is niets opgeslagen'
    : `Import uit het vorige systeem, run ${result.runId}`;
  lines.push(`${title} — ${formatAmsterdam(result.startedAt)} tot ${formatAmsterdam(result.finishedAt)}`);
  if (result.interrupted) lines.push('ONDERBROKEN: niet alles is verwerkt; draai hetzelfde commando opnieuw om verder te gaan.');
  lines.push(`Export: ${result.location}`);
  const nameWidth = Math.max(...result.source.map((file) => file.file.length));
  for (const file of result.source) {
    lines.push(
      `  ${file.file.padEnd(nameWidth)}  ${count(file.rows)} regels, ${formatBytes(file.bytes)}, SHA-256 ${file.sha256}`,
    );
  }
  for (const run of result.sameSourceRuns) {
    lines.push(`Dezelfde bestanden zijn eerder ingelezen in run ${run.id} (${formatAmsterdam(run.startedAt)}).`);
  }

  lines.push('', `Accounts (${count(counts.accounts.rows)} regels)`);
  lines.push(
    ...table([
      ['aangemaakt (moeten wachtwoord instellen)', counts.accounts.created],
      ['bestonden al', counts.accounts.existing],
      ['overgeslagen', counts.accounts.skipped],
    ]),
  );
  const p = counts.patients;
  lines.push('', `Patiënten (${count(p.rows)} regels)`);
  lines.push(
    ...table([
      [
        'geïmporteerd',
        p.imported,
        p.roepnaamQuestionMark > 0 ? `waarvan ${count(p.roepnaamQuestionMark)} met roepnaam "?"` : undefined,
      ],
      ['gekoppeld aan bestaand dossier (zelfde BSN)', p.linked],
      ['al eerder geïmporteerd', p.alreadyImported],
      ['niet geïmporteerd: geen BSN', p.skippedNoBsn],
      ['niet geïmporteerd: ongeldig BSN', p.skippedInvalidBsn],
      ['niet geïmporteerd: onbekende praktijk', p.skippedUnknownPractice],
      ['niet geïmporteerd: dubbel in de export', p.skippedDuplicate],
      ['niet geïmporteerd: botst met bestaand dossier', p.skippedConflict],
    ]),
  );
  const j = counts.journal;
  lines.push('', `Journaalregels (${count(j.rows)} regels) → Historie`);
  lines.push(
    ...table([
      [
        'geïmporteerd',
        j.imported,
        j.withoutAuthorAccount > 0 ? `waarvan ${count(j.withoutAuthorAccount)} van een auteur zonder Keten-account` : undefined,
      ],
      [
        'al aanwezig',
        j.alreadyPresent,
        j.duplicateInExport > 0 ? `waarvan ${count(j.duplicateInExport)} dubbel in de export` : undefined,
      ],
      ['zonder gemigreerde patiënt', j.orphaned],
    ]),
  );

  if (result.skippedPatients.length > 0) {
    lines.push('', `Niet geïmporteerde patiënten (${count(result.skippedPatients.length)}):`);
    const width = Math.max(...result.skippedPatients.map((skipped) => skipped.patientNumber.length));
    const lineWidth = Math.max(...result.skippedPatients.map((skipped) => String(skipped.line).length));
    for (const skipped of result.skippedPatients) {
      const detail = skipped.detail ? `: ${skipped.detail}` : '';
      const line = `regel ${String(skipped.line).padEnd(lineWidth)}`;
      lines.push(`  ${skipped.patientNumber.padEnd(width)}  ${line}  ${skipReasonText[skipped.reason]}${detail}`);
    }
  }
  if (result.linkedPatients.length > 0) {
    lines.push('', `Gekoppeld aan een bestaand dossier (${count(result.linkedPatients.length)}):`);
    for (const linked of result.linkedPatients) {
      lines.push(`  ${linked.patientNumber} → ${linked.patientId ? patientDisplayId(linked.patientId) : 'bestaand dossier'}`);
    }
  }
  if (result.skippedAccounts.length > 0) {
    lines.push('', `Overgeslagen accounts (${count(result.skippedAccounts.length)}):`);
    for (const skipped of result.skippedAccounts) lines.push(`  ${skipped.username}  regel ${skipped.line}  ${skipped.reason}`);
  }
  if (result.orphanedJournal.size > 0) {
    const entries = [...result.orphanedJournal]
      .sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1))
      .map(([patientNumber, lines]) => `${patientNumber} (${count(lines)})`);
    lines.push('', 'Journaalregels zonder gemigreerde patiënt, per oud nummer:', ...wrap(entries, 100));
  }
  const created = counts.accounts.created + p.imported + p.linked + j.imported;
  const news =
    `${plural(counts.accounts.created, 'account', 'accounts')}, ${plural(p.imported, 'patiënt', 'patiënten')}, ` +
    `${plural(p.linked, 'bestaand dossier gekoppeld', 'bestaande dossiers gekoppeld')}, ` +
    `${plural(j.imported, 'journaalregel', 'journaalregels')}`;
  lines.push(
    '',
    created === 0
      ? `Niets nieuws: deze export ${result.dryRun ? 'zou niets veranderen' : 'heeft niets veranderd'}.`
      : `${result.dryRun ? 'Zou toevoegen' : 'Toegevoegd'}: ${news}.`,
  );
  return `${lines.join('\n')}\n`;
}
