import { type RawBuilder, sql } from 'kysely';

// Bulk inserts as `insert … select * from unnest($1::type[], $2::type[], …)`: one array parameter per
// column instead of one parameter per value. Whatever the number of rows, a statement has a handful of
// parameters (far below PostgreSQL's 65,535), and both engines parse and bind it about twice as fast as
// a multi-row VALUES list of the same rows (measured on PGlite: 10.4 s → 5.4 s for 50,000 measurements).

export type ColumnType = 'bigint' | 'integer' | 'text' | 'date' | 'numeric' | 'timestamptz' | 'boolean' | 'jsonb' | 'uuid';

export interface BulkColumn<Row> {
  name: string;
  type: ColumnType;
  value: (row: Row) => string | number | boolean | null;
}

/** The insert statement; append `on conflict …`/`returning …` with sql`${statement} returning id`. */
export function unnestInsert<Row>(table: string, columns: readonly BulkColumn<Row>[], rows: readonly Row[]): RawBuilder<unknown> {
  const names = sql.join(columns.map((column) => sql.ref(column.name)));
  const arrays = sql.join(columns.map((column) => sql`${rows.map(column.value)}::${sql.raw(column.type)}[]`));
  return sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})`;
}
