import { type Kysely, sql } from 'kysely';

// Invoices and declarations (the "ZIO dashboard", seed 001 §3.1.1; product.md §1; docs/declarations.md):
// the tariff table as data, invoices per organisation and period, and their lines (one published task each).
// Frozen once landed. SQL both PostgreSQL 15 and PGlite (PostgreSQL 17) understand. The `keten_app` role gets
// its rights on these tables from the default privileges of migration 0004.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  // What a published task is worth: per performance code, the form(s) it applies to, the organisation type that
  // bills it, and the amount per unit × units (dietetics is billed per 15 minutes). `source` says where the
  // code comes from: `nza` = an NZa/Vektis performance code with a demo amount, `demo` = a code invented for
  // the demo region's care-group module (its ketenzorg contract). Amounts are demo amounts, not real tariffs.
  await sql`
    create table tariff (
      id bigint generated always as identity primary key,
      performance_code text not null check (performance_code ~ '^[A-Z0-9][A-Z0-9-]*$'),
      description_nl text not null,
      description_en text not null,
      form_keys text[] not null check (cardinality(form_keys) > 0),
      organisation_type text not null,
      unit_amount_cents integer not null check (unit_amount_cents >= 0),
      units integer not null default 1 check (units > 0),
      source text not null check (source in ('nza', 'demo')),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index tariff_organisation_type_idx on tariff (organisation_type)`.execute(db);

  await sql`
    insert into tariff (performance_code, description_nl, description_en, form_keys, organisation_type,
                        unit_amount_cents, units, source, valid_from, valid_to)
    values
      ('KZ-DM2-CONS', 'Ketenzorg DM2: consult POH-somatiek', 'Chain care DM2: practice nurse consultation',
        array['consult-poh-dm2'], 'gp-practice', 2150, 1, 'demo', '2024-01-01', null),
      ('KZ-DM2-JC', 'Ketenzorg DM2: jaarcontrole', 'Chain care DM2: annual check',
        array['jaarcontrole-dm2'], 'gp-practice', 4850, 1, 'demo', '2024-01-01', null),
      ('KZ-CVRM-CONS', 'Ketenzorg CVRM: consult POH-somatiek', 'Chain care CVRM: practice nurse consultation',
        array['consult-poh-cvrm'], 'gp-practice', 1975, 1, 'demo', '2024-01-01', null),
      ('KZ-COPD-CONS', 'Ketenzorg COPD: consult POH-somatiek', 'Chain care COPD: practice nurse consultation',
        array['consult-poh-copd'], 'gp-practice', 2050, 1, 'demo', '2024-01-01', null),
      ('13012', 'Consult POH-GGZ (20 minuten of langer)', 'Mental health practice nurse consultation (20 minutes or more)',
        array['intake-ggz-poh'], 'gp-practice', 2895, 1, 'nza', '2024-01-01', null),
      ('GLI-INT', 'Gecombineerde leefstijlinterventie: intake', 'Combined lifestyle intervention: intake',
        array['intake-gli'], 'dietitian', 7500, 1, 'demo', '2024-01-01', null),
      ('1001', 'Diëtetiek: intake en behandeling (4 × 15 minuten)', 'Dietetics: intake and treatment (4 × 15 minutes)',
        array['intake-dietist'], 'dietitian', 1925, 4, 'demo', '2024-01-01', null),
      ('1002', 'Diëtetiek: vervolgconsult (2 × 15 minuten)', 'Dietetics: follow-up consultation (2 × 15 minutes)',
        array['consult-dietist'], 'dietitian', 1925, 2, 'demo', '2024-01-01', null),
      ('PODO-VO', 'Podotherapie: jaarlijks voetonderzoek diabetes', 'Podiatry: annual diabetic foot examination',
        array['voetonderzoek'], 'podotherapy', 5600, 1, 'demo', '2024-01-01', null),
      ('1870', 'Fysiotherapie: intake en onderzoek na verwijzing', 'Physiotherapy: intake and examination after referral',
        array['intake-fysiotherapie'], 'physio', 4400, 1, 'nza', '2024-01-01', null)
  `.execute(db);

  // One invoice of one organisation for one period; numbered per organisation and year (2026-0001). A final
  // invoice is never changed; its lines are what has been billed.
  await sql`
    create table invoice (
      id bigint generated always as identity primary key,
      organisation_id bigint not null references organisation (id),
      number text not null check (number ~ '^[0-9]{4}-[0-9]{4,}$'),
      period_from date not null,
      period_to date not null,
      state text not null check (state in ('draft', 'final')),
      total_cents bigint not null check (total_cents >= 0),
      created_at timestamptz not null,
      created_by_account_id bigint not null references account (id),
      check (period_to >= period_from),
      unique (organisation_id, number)
    )`.execute(db);
  await sql`create index invoice_organisation_created_idx on invoice (organisation_id, created_at desc)`.execute(db);

  // One billed performance: a published task (form_entry) of a patient. `final` mirrors the invoice's state so
  // the database itself refuses billing an entry twice (one final line per entry).
  await sql`
    create table invoice_line (
      id bigint generated always as identity primary key,
      invoice_id bigint not null references invoice (id),
      form_entry_id bigint not null references form_entry (id),
      patient_id bigint not null references patient (id),
      tariff_id bigint not null references tariff (id),
      performance_code text not null,
      performed_on date not null,
      units integer not null check (units > 0),
      amount_cents integer not null check (amount_cents >= 0),
      final boolean not null
    )`.execute(db);
  await sql`create unique index invoice_line_entry_final_key on invoice_line (form_entry_id) where final`.execute(db);
  await sql`create index invoice_line_invoice_idx on invoice_line (invoice_id)`.execute(db);
  await sql`create index invoice_line_patient_idx on invoice_line (patient_id)`.execute(db);
}
