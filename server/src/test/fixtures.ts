import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password.js';
import type { Database, OrganisationType } from '../db/schema.js';

let sharedHash: Promise<string> | undefined;
export const FIXTURE_PASSWORD = 'correct horse battery staple';

/** One organisation per test file, with a unique abbreviation so files never collide. */
export async function createOrganisation(
  db: Kysely<Database>,
  input: { name: string; abbreviation: string; type?: OrganisationType; parentId?: string },
) {
  return db
    .insertInto('organisation')
    .values({
      type: input.type ?? 'gp-practice',
      name: input.name,
      abbreviation: input.abbreviation,
      parent_id: input.parentId ?? null,
    })
    .returning(['id', 'name', 'abbreviation'])
    .executeTakeFirstOrThrow();
}

export async function createAccount(
  db: Kysely<Database>,
  input: {
    organisationId: string;
    username: string;
    role: string;
    gebruikersnummer: number;
    personal?: boolean;
    mustChangePassword?: boolean;
    givenName?: string;
    familyName?: string;
  },
) {
  sharedHash ??= hashPassword(FIXTURE_PASSWORD);
  const person = await db
    .insertInto('person')
    .values({
      given_name: input.givenName ?? 'Test',
      family_name: input.familyName ?? input.username,
      email: `${input.username}@keten.test`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('account')
    .values({
      person_id: person.id,
      organisation_id: input.organisationId,
      role: input.role,
      username: input.username,
      gebruikersnummer: input.gebruikersnummer,
      personal: input.personal ?? true,
      email: `${input.username}@keten.test`,
      password_hash: await sharedHash,
      must_change_password: input.mustChangePassword ?? false,
    })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow();
}
