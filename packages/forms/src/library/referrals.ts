// "Verwijzing …" tasks (seed 001 §7.2): one per kind of chain partner a GP practice refers to; reason, contact
// details and an optional referral letter. Sending them to the organisation comes with a later issue.
import type { FormDefinition, LocalText } from '../definition.js';
import { defineForm, option, q, t } from './build.js';
import { referringRoles } from './common.js';

function referralForm(key: string, title: LocalText, toOrganisationType: string, toRole?: string): FormDefinition {
  return defineForm({
    key,
    version: 1,
    title,
    recordType: 'referral',
    trajectory: null,
    startRoles: referringRoles,
    activation: [],
    onceOnly: false,
    measurements: [],
    effects: [{ kind: 'referral', toOrganisationType, ...(toRole ? { toRole } : {}) }],
    items: [
      q.text('reden', t('Reden van verwijzing', 'Reason for referral'), { required: true, maxLength: 2000 }),
      q.choice(
        'urgentie',
        t('Urgentie', 'Urgency'),
        [option('regulier', 'Regulier', 'Routine'), option('spoed', 'Met spoed', 'Urgent')],
        { initial: 'regulier' },
      ),
      q.group('contactgegevens', t('Contactgegevens patiënt', 'Patient contact details'), [
        q.string('telefoon', t('Telefoonnummer', 'Telephone number'), { maxLength: 30 }),
        q.string('email', t('E-mailadres', 'Email address'), { maxLength: 200 }),
        q.string('bereikbaarheid', t('Bereikbaarheid en voorkeuren', 'Availability and preferences'), { maxLength: 500 }),
      ]),
      q.text('verwijsbrief', t('Verwijsbrief', 'Referral letter'), { maxLength: 20000 }),
    ],
  });
}

export const referralForms: readonly FormDefinition[] = [
  referralForm('verwijzing-dietist', t('Verwijzing diëtist', 'Referral to dietitian'), 'dietitian', 'dietist'),
  referralForm('verwijzing-pedicure', t('Verwijzing pedicure', 'Referral to pedicure/podiatry'), 'podotherapy', 'podotherapeut'),
  referralForm(
    'verwijzing-fysiotherapie',
    t('Verwijzing fysiotherapie', 'Referral to physiotherapy'),
    'physio',
    'fysiotherapeut',
  ),
  // GLI coaches in the region work at dietitian practices (the demo's dietitian also assesses GLI).
  referralForm('verwijzing-gli', t('Verwijzing GLI', 'Referral to combined lifestyle intervention'), 'dietitian'),
  referralForm(
    'verwijzing-poh-ggz-mgl',
    t('Verwijzing POH-GGZ/MGL', 'Referral to mental-health nurse/desk'),
    'mental-health-desk',
    'mgl-medewerker',
  ),
];
