import { type Kysely, sql } from 'kysely';

// Patiënt zoeken by (part of) a family name within its budget at any breadth (p99 ≤ 30 ms at 100,000 patients,
// bench/README.md). Frozen once landed. SQL both PostgreSQL 15 and PGlite (PostgreSQL 17) understand.
//
// A page of name results is the first 25 patients in list order (family name, birth date, id) that contain the
// term and that the actor may see. With the trigram index (0008) every match has to be fetched and sorted before
// the first row is known, so the cost grew with the number of matches ("jans": 2,330, "el": 6,171). This table
// lists every 2- and 3-letter piece of each patient's folded family name (with tussenvoegsel) together with the
// list order: the matches of a term are among the patients holding its rarest piece, and the primary key hands
// them out already in list order, so a page costs the rows up to the 25th visible match instead of all matches.
// Every name containing a term contains each piece of that term, so reading one piece's rows and testing the
// whole term on the stored folded name misses nobody. A 2-letter term is its own piece.
//
// Filled by the database itself (a trigger), like `family_name_search`, so the app, the demo seed and the legacy
// import all keep it right.
//
// The audit log gets an index on the patients listed in a search-result event: a result page is logged as one
// event naming every patient shown (details.patientIds), found by patient like the events about one patient.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table patient_name_gram (
      gram text not null,
      family_name text not null,
      birth_date date not null,
      patient_id bigint not null references patient (id) on delete cascade,
      family_name_search text not null,
      primary key (gram, family_name, birth_date, patient_id) include (family_name_search)
    )`.execute(db);
  await sql`create index patient_name_gram_patient_idx on patient_name_gram (patient_id)`.execute(db);

  // New patients per statement (a bulk load of thousands is one insert here, not one per row); a changed name or
  // birth date per row (transition tables cannot be combined with a column list).
  await sql`
    create function patient_name_gram_insert() returns trigger
    language plpgsql
    as $$
    begin
      insert into patient_name_gram (gram, family_name, birth_date, patient_id, family_name_search)
        select distinct substr(added.family_name_search, position, size), added.family_name, added.birth_date, added.id,
          added.family_name_search
        from added_patients as added, generate_series(2, 3) as size,
          generate_series(1, length(added.family_name_search) - size + 1) as position;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger patient_name_gram_insert
      after insert on patient referencing new table as added_patients
      for each statement execute function patient_name_gram_insert()`.execute(db);
  await sql`
    create function patient_name_gram_update() returns trigger
    language plpgsql
    as $$
    begin
      if new.family_name_search = old.family_name_search and new.family_name = old.family_name
        and new.birth_date = old.birth_date then
        return null;
      end if;
      delete from patient_name_gram where patient_id = old.id;
      insert into patient_name_gram (gram, family_name, birth_date, patient_id, family_name_search)
        select distinct substr(new.family_name_search, position, size), new.family_name, new.birth_date, new.id,
          new.family_name_search
        from generate_series(2, 3) as size, generate_series(1, length(new.family_name_search) - size + 1) as position;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger patient_name_gram_update
      after update of family_name, family_name_prefix, birth_date on patient
      for each row execute function patient_name_gram_update()`.execute(db);

  await sql`
    insert into patient_name_gram (gram, family_name, birth_date, patient_id, family_name_search)
      select distinct substr(patient.family_name_search, position, size), patient.family_name, patient.birth_date,
        patient.id, patient.family_name_search
      from patient, generate_series(2, 3) as size,
        generate_series(1, length(patient.family_name_search) - size + 1) as position`.execute(db);

  await sql`
    create index audit_event_listed_patients_idx on audit_event
      using gin ((details -> 'patientIds') jsonb_path_ops)`.execute(db);
}
