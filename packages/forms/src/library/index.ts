// The form library: every version of every form. A stored response names the version it was made with, so old
// versions stay here (and in the database's form_definition) for as long as entries use them.
import type { FormDefinition } from '../definition.js';
import { consultDietistV1 } from './consult-dietist.js';
import { consultPohCopdV1 } from './consult-poh-copd.js';
import { consultPohCvrmV1 } from './consult-poh-cvrm.js';
import { consultPohDm2V1, consultPohDm2V2 } from './consult-poh-dm2.js';
import { dagcurveV1 } from './dagcurve.js';
import { intakeDietistV1 } from './intake-dietist.js';
import { intakeFysiotherapieV1 } from './intake-fysiotherapie.js';
import { intakeGgzPohV1 } from './intake-ggz-poh.js';
import { intakeGliV1 } from './intake-gli.js';
import { jaarcontroleDm2V1 } from './jaarcontrole-dm2.js';
import { referralForms } from './referrals.js';
import { startTrajectoryForms, stopTrajectoryForms } from './trajectories.js';
import { voetonderzoekV1 } from './voetonderzoek.js';

/** Every version of every form, in the order Activiteiten lists them within a group. */
export const formLibrary: readonly FormDefinition[] = [
  ...startTrajectoryForms,
  consultPohDm2V1,
  consultPohDm2V2,
  jaarcontroleDm2V1,
  dagcurveV1,
  consultPohCvrmV1,
  consultPohCopdV1,
  intakeDietistV1,
  consultDietistV1,
  intakeGliV1,
  intakeGgzPohV1,
  intakeFysiotherapieV1,
  voetonderzoekV1,
  ...stopTrajectoryForms,
  ...referralForms,
];

const latest = new Map<string, FormDefinition>();
for (const definition of formLibrary) {
  const known = latest.get(definition.key);
  if (!known || known.version < definition.version) latest.set(definition.key, definition);
}

/** The newest version of a form, or undefined for an unknown key. */
export function latestDefinition(key: string): FormDefinition | undefined {
  return latest.get(key);
}

/** One version of a form, or undefined. */
export function findDefinition(key: string, version: number): FormDefinition | undefined {
  return formLibrary.find((definition) => definition.key === key && definition.version === version);
}

/** The newest version of every form, in library order (what Activiteiten offers). */
export function latestDefinitions(): FormDefinition[] {
  return [...latest.values()].sort((a, b) => formLibrary.indexOf(a) - formLibrary.indexOf(b));
}
