// "Start traject …" and "Stop traject …" for every programme: they open and close the trajectory for the patient
// (effects), and the open trajectory unlocks the programme's tasks. Start only while none is open, stop only
// while one is.

import { programmeLocalName } from '../activation.js';
import type { FormDefinition, Programme } from '../definition.js';
import { defineForm, option, q, t, whenCode } from './build.js';
import { programmeCare } from './common.js';

const programmeKeys: Record<Programme, string> = {
  DM2: 'dm2',
  CVRM: 'cvrm',
  COPD: 'copd',
  DIETETIEK: 'dietetiek',
  GLI: 'gli',
  GGZ: 'ggz',
  FYSIO: 'fysio',
  VOETZORG: 'voetzorg',
};

function startForm(programme: Programme): FormDefinition {
  const name = programmeLocalName(programme);
  const care = programmeCare[programme];
  return defineForm({
    key: `start-traject-${programmeKeys[programme]}`,
    version: 1,
    title: t(`Start traject ${name.nl}`, `Start trajectory ${name.en}`),
    recordType: care.recordType,
    trajectory: programme,
    startRoles: care.roles,
    activation: [{ kind: 'no-open-trajectory', programme }],
    onceOnly: false,
    measurements: [],
    effects: [{ kind: 'start-trajectory', programme }],
    items: [
      q.date('startdatum', t('Startdatum', 'Start date'), { required: true }),
      q.text('reden', t('Reden', 'Reason'), { required: true, maxLength: 2000 }),
    ],
  });
}

function stopForm(programme: Programme): FormDefinition {
  const name = programmeLocalName(programme);
  const care = programmeCare[programme];
  return defineForm({
    key: `stop-traject-${programmeKeys[programme]}`,
    version: 1,
    title: t(`Stop traject ${name.nl}`, `Stop trajectory ${name.en}`),
    recordType: care.recordType,
    trajectory: programme,
    startRoles: care.roles,
    activation: [{ kind: 'open-trajectory', programme }],
    onceOnly: false,
    measurements: [],
    effects: [{ kind: 'stop-trajectory', programme }],
    items: [
      q.date('stopdatum', t('Stopdatum', 'Stop date'), { required: true }),
      q.choice(
        'reden',
        t('Reden', 'Reason'),
        [
          option('afgerond', 'Behandeling afgerond', 'Treatment completed'),
          option('wens-patient', 'Op verzoek van de patiënt', 'At the patient’s request'),
          option(
            'elders',
            'Zorg elders voortgezet (verhuizing, andere praktijk, tweede lijn)',
            'Care continued elsewhere (move, other practice, hospital)',
          ),
          option('overleden', 'Overleden', 'Deceased'),
          option('anders', 'Anders', 'Other'),
        ],
        { required: true },
      ),
      q.text('toelichting', t('Toelichting', 'Explanation'), {
        maxLength: 2000,
        required: true,
        enableWhen: [whenCode('reden', 'anders')],
      }),
    ],
  });
}

const all: Programme[] = ['DM2', 'CVRM', 'COPD', 'DIETETIEK', 'GLI', 'GGZ', 'FYSIO', 'VOETZORG'];

export const startTrajectoryForms: readonly FormDefinition[] = all.map(startForm);
export const stopTrajectoryForms: readonly FormDefinition[] = all.map(stopForm);
