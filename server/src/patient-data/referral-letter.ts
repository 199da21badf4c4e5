import type { RequestContext } from '../access/context.js';
import { readBlob } from '../blob/index.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { entryTarget, loadEntryFacts } from './record-activities.js';
import { providerOf } from './record-common.js';
import { assertRecordOpen } from './treatment-team.js';

// The referral letter of a "Verwijzing …" entry (Historie): whoever may read the entry may download its letter;
// each download is an audited read of the entry.
export async function readReferralLetter(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  entryId: string,
) {
  const actor = providerOf(context);
  const entry = await loadEntryFacts(deps.db, patientId, entryId);
  if (!entry) throw AppError.notFound();
  return withPatient(deps, context, patientId, {
    action: 'read',
    target: entryTarget(patientId, entry),
    objectType: 'referral-letter',
    objectId: entry.id,
    details: { formKey: entry.formKey },
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const referral = await trx
        .selectFrom('referral')
        .select('letter_blob_id')
        .where('form_entry_id', '=', entry.id)
        .where('patient_id', '=', patientId)
        .executeTakeFirst();
      if (!referral?.letter_blob_id) throw AppError.notFound();
      const blob = await readBlob(trx, referral.letter_blob_id);
      if (!blob) throw AppError.notFound();
      return blob;
    },
  });
}
