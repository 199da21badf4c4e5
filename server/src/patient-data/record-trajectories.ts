import type { FormDefinition } from '@keten/forms';
import type { Transaction } from 'kysely';
import type { ProviderActor } from '../access/context.js';
import type { Database } from '../db/schema.js';
import { amsterdamDate } from '../domain/amsterdam-time.js';
import { AppError } from '../http/problem.js';
import type { RecordFacts } from './record-common.js';

// Trajectories (ketenzorg DM2/CVRM/COPD, diëtetiek, GLI, …) are started and stopped by tasks: the form's
// effects, run in the publishing transaction (record-publish.ts), which holds the patient's row lock so two
// publishes cannot both start one programme.

/**
 * "Start traject …" opens a trajectory for the actor's organisation (never a second open one of the programme);
 * "Stop traject …" ends the open one today. Returns the trajectory the entry belongs to.
 */
export async function applyEffects(
  trx: Transaction<Database>,
  actor: ProviderActor,
  patientId: string,
  definition: FormDefinition,
  recordFacts: RecordFacts,
  now: Date,
): Promise<string | null> {
  const today = amsterdamDate(now);
  let trajectoryId = definition.trajectory ? (recordFacts.open.get(definition.trajectory)?.id ?? null) : null;
  for (const effect of definition.effects) {
    if (effect.kind === 'start-trajectory') {
      if (recordFacts.open.has(effect.programme)) {
        throw new AppError(409, 'trajectory-open', 'form.trajectoryOpen.title', 'form.trajectoryOpen.detail');
      }
      const created = await trx
        .insertInto('trajectory')
        .values({ patient_id: patientId, programme: effect.programme, organisation_id: actor.organisationId, started_on: today })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (definition.trajectory === null || definition.trajectory === effect.programme) trajectoryId = created.id;
    } else if (effect.kind === 'stop-trajectory') {
      const open = recordFacts.open.get(effect.programme);
      if (!open) throw new AppError(409, 'trajectory-not-open', 'form.trajectoryNotOpen.title', 'form.trajectoryNotOpen.detail');
      await trx.updateTable('trajectory').set({ ended_on: today }).where('id', '=', open.id).execute();
      trajectoryId = open.id;
    }
  }
  return trajectoryId;
}
