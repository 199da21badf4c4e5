import type { OrganisationType } from '../db/schema.js';

/**
 * The Werkplek functions (navigation items, seed 001 §2) each role may use. Data, not `if` chains:
 * a role missing from a row does not see that item, and the server refuses the function too.
 */
export type WerkplekFunction =
  | 'dashboard'
  | 'patient-search'
  | 'signals'
  | 'messages'
  | 'reports'
  | 'patient-add'
  | 'helpdesk'
  | 'settings'
  | 'zio-dashboard'
  | 'audit-practice'
  | 'audit-platform'
  | 'role-rights';

const CLINICAL = [
  'huisarts',
  'poh-somatiek',
  'poh-ggz',
  'praktijkassistent',
  'dietist',
  'podotherapeut',
  'fysiotherapeut',
  'mgl-medewerker',
  'medisch-specialist',
];
const GP_PRACTICE_STAFF = ['huisarts', 'poh-somatiek', 'poh-ggz', 'praktijkassistent', 'praktijkbeheerder'];

const functionsByRole: Record<WerkplekFunction, readonly string[]> = {
  dashboard: [...CLINICAL, 'praktijkbeheerder', 'baliemedewerker', 'helpdesk', 'platformbeheerder'],
  'patient-search': [...CLINICAL, 'praktijkbeheerder', 'baliemedewerker'],
  signals: [...CLINICAL, 'praktijkbeheerder'],
  messages: [...CLINICAL, 'praktijkbeheerder', 'baliemedewerker', 'helpdesk'],
  reports: [...CLINICAL, 'praktijkbeheerder', 'platformbeheerder'],
  // Only GP practices add patients (seed 001 §4); chain partners refer patients to themselves instead (§7.4).
  'patient-add': GP_PRACTICE_STAFF,
  helpdesk: [...CLINICAL, 'praktijkbeheerder', 'baliemedewerker', 'helpdesk', 'platformbeheerder'],
  settings: [...CLINICAL, 'praktijkbeheerder', 'baliemedewerker', 'helpdesk', 'platformbeheerder'],
  // Invoices and declarations (seed 001 §3.1.1): the GP practice and the chain partners' own practices bill their work.
  'zio-dashboard': ['huisarts', 'praktijkbeheerder', 'dietist', 'podotherapeut', 'fysiotherapeut'],
  'audit-practice': ['huisarts', 'praktijkbeheerder'],
  'audit-platform': ['platformbeheerder'],
  'role-rights': ['platformbeheerder'],
};

export function mayUse(role: string, organisationType: OrganisationType, fn: WerkplekFunction): boolean {
  if (fn === 'patient-add' && organisationType !== 'gp-practice') return false;
  if (fn === 'audit-practice' && organisationType !== 'gp-practice') return false;
  return functionsByRole[fn].includes(role);
}

/** The navigation of a role, in screen order. */
export function werkplekFunctions(role: string, organisationType: OrganisationType): WerkplekFunction[] {
  return (Object.keys(functionsByRole) as WerkplekFunction[]).filter((fn) => mayUse(role, organisationType, fn));
}
