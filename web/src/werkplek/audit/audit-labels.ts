import type { TFunction } from 'i18next';
import type { AuditEvent } from './audit-api';

// Codes in the log (`login-failed`, `poh-somatiek`) shown in words; an unknown code is shown as is,
// so a new action or role is never hidden.

function camel(code: string): string {
  return code.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

function lookup(table: Record<string, string>, code: string | null): string {
  if (!code) return '';
  return table[camel(code)] ?? code;
}

export function actionLabel(t: TFunction, code: string): string {
  return lookup(t('werkplek.audit.actions', { returnObjects: true }), code);
}

export function outcomeLabel(t: TFunction, code: string): string {
  return lookup(t('werkplek.audit.outcomes', { returnObjects: true }), code);
}

export function objectLabel(t: TFunction, code: string | null): string {
  return lookup(t('werkplek.audit.objects', { returnObjects: true }), code);
}

/** The patient cell of a listing that showed several patients: "in zoekresultaat (2 patiënten)". */
export function listedPatientsLabel(t: TFunction, event: Pick<AuditEvent, 'objectType' | 'listedPatientCount'>): string {
  if (event.listedPatientCount === null) return '';
  const count = event.listedPatientCount;
  return event.objectType === 'patient-search-result'
    ? t('werkplek.audit.inSearchResult', { count })
    : t('werkplek.audit.inList', { count });
}

export function roleLabel(t: TFunction, code: string | null): string {
  return lookup(t('werkplek.roles', { returnObjects: true }), code);
}
