import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The pharmacies of the region, for the Personalia pencil (seed 001 §5.1: "eventueel apotheek"). No patient data. */
export async function listPharmacies(db: Kysely<Database>) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'city'])
    .where('type', '=', 'pharmacy')
    .orderBy('name')
    .orderBy('id')
    .execute();
}
