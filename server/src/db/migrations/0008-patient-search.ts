import { type Kysely, sql } from 'kysely';

// Patiënt zoeken within its budget (p99 ≤ 30 ms at 100,000 patients, bench/README.md). Frozen once landed.
// SQL both PostgreSQL 15 and PGlite (PostgreSQL 17) understand.
//
// - `family_name_search`: the family name with its tussenvoegsel folded by keten_fold() (lower case, accents
//   removed), stored by the database itself (a generated column), so a search never runs unaccent per row
//   and every way a patient is written (app, demo seed, legacy import) fills it. keten_fold(family_name) is
//   always the end of this text, so one LIKE '%…%' on it finds exactly what the two expressions of migration
//   0001 found together; their two trigram indexes are replaced by one on this column.
// - An index on every 1- and 2-letter piece of that text (keten_short_grams). A trigram index cannot list the
//   matches of a 1- or 2-letter term ("el"); for such a term "the pieces contain it" is exactly LIKE '%el%',
//   and this index can list them.
// - An index in the order of the result list (family name, birth date, id) that also holds the folded name:
//   for a very broad term ("van", "e") the first page is read in list order and the scan stops as soon as a
//   page of patients the actor may see is found, instead of sorting every match first.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  // Every piece of 1 and 2 letters, repeats included (the index keeps each once).
  await sql`
    create or replace function keten_short_grams(value text) returns text[]
    language sql immutable parallel safe strict
    as $$ select array(
      select substr(value, position, size)
        from generate_series(1, 2) as size, generate_series(1, length(value) - size + 1) as position) $$`.execute(db);
  await sql`
    alter table patient add column family_name_search text not null
      generated always as (keten_fold(coalesce(family_name_prefix || ' ', '') || family_name)) stored`.execute(db);
  // fastupdate off: new entries go straight into the GIN index instead of a pending list that every search
  // would scan until a VACUUM cleans it up (PGlite has no autovacuum; a bulk load leaves megabytes there).
  await sql`create index patient_family_name_search_trgm on patient
    using gin (family_name_search gin_trgm_ops) with (fastupdate = off)`.execute(db);
  await sql`create index patient_family_name_grams on patient
    using gin (keten_short_grams(family_name_search)) with (fastupdate = off)`.execute(db);
  await sql`create index patient_name_order_idx on patient (family_name, birth_date, id) include (family_name_search)`.execute(
    db,
  );
  await sql`drop index if exists patient_family_name_trgm`.execute(db);
  await sql`drop index if exists patient_full_family_name_trgm`.execute(db);
}
