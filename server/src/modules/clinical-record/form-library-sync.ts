import { createHash } from 'node:crypto';
import { type FormDefinition, formLibrary } from '@keten/forms';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

// The form library (@keten/forms) is code; the record refers to stored definitions. At start-up every (key,
// version) of the library that is not stored yet is inserted. A stored version is never changed: a response
// keeps meaning what it meant when it was published. When the library's content of a stored version differs,
// Keten refuses to start — the fix is a new version of that form, never an edit of a published one.

export class FormLibraryConflictError extends Error {
  constructor(
    readonly formKey: string,
    readonly version: number,
  ) {
    super(
      `form "${formKey}" version ${version} in the form library differs from the stored version; ` +
        `a published form version is never changed — give the changed form a new version (packages/forms).`,
    );
    this.name = 'FormLibraryConflictError';
  }
}

/** JSON with object keys sorted, so the same content always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function definitionHash(definition: FormDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

export interface FormLibrarySyncResult {
  inserted: { key: string; version: number }[];
  unchanged: number;
}

/**
 * Stores the library's definitions that are not stored yet, in one transaction; throws FormLibraryConflictError
 * (and stores nothing) when a stored version's content differs. Safe for several instances starting at once.
 */
export async function syncFormLibrary(
  db: Kysely<Database>,
  library: readonly FormDefinition[] = formLibrary,
): Promise<FormLibrarySyncResult> {
  return db.transaction().execute(async (trx) => {
    const stored = await trx.selectFrom('form_definition').select(['key', 'version', 'content_sha256']).execute();
    const hashes = new Map(stored.map((row) => [`${row.key}@${row.version}`, row.content_sha256]));
    const result: FormLibrarySyncResult = { inserted: [], unchanged: 0 };
    for (const definition of library) {
      const hash = definitionHash(definition);
      const existing = hashes.get(`${definition.key}@${definition.version}`);
      if (existing === hash) {
        result.unchanged++;
        continue;
      }
      if (existing !== undefined) throw new FormLibraryConflictError(definition.key, definition.version);
      const inserted = await trx
        .insertInto('form_definition')
        .values({
          key: definition.key,
          version: definition.version,
          record_type: definition.recordType,
          title_nl: definition.title.nl,
          title_en: definition.title.en,
          trajectory: definition.trajectory,
          definition: JSON.stringify(definition),
          content_sha256: hash,
        })
        .onConflict((conflict) => conflict.columns(['key', 'version']).doNothing())
        .returning('content_sha256')
        .executeTakeFirst();
      if (inserted) {
        result.inserted.push({ key: definition.key, version: definition.version });
        continue;
      }
      // Another instance stored it a moment ago: it must be the same content.
      const raced = await trx
        .selectFrom('form_definition')
        .select('content_sha256')
        .where('key', '=', definition.key)
        .where('version', '=', definition.version)
        .executeTakeFirstOrThrow();
      if (raced.content_sha256 !== hash) throw new FormLibraryConflictError(definition.key, definition.version);
      result.unchanged++;
    }
    return result;
  });
}
