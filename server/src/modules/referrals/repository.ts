import type { Kysely } from 'kysely';
import type { Database, OrganisationType } from '../../db/schema.js';

// Verwijzingen: the SQL that is not patient data — the organisations one can refer to.

/** The organisations of a type in the region (one platform = one region), by name. */
export async function organisationsOfType(
  db: Kysely<Database>,
  type: string,
): Promise<{ id: string; name: string; city: string | null }[]> {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'city'])
    .where('type', '=', type as OrganisationType)
    .orderBy('name')
    .orderBy('id')
    .execute();
}
