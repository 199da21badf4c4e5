import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

// The invoices module's own SQL (no patient tables: those queries live in patient-data/invoices-billing.ts).

export interface OrganisationParty {
  name: string;
  agbCode: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
}

const partyColumns = ['name', 'agb_code', 'street', 'house_number', 'postcode', 'city', 'phone'] as const;

function partyOf(row: {
  name: string;
  agb_code: string | null;
  street: string | null;
  house_number: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
}): OrganisationParty {
  return {
    name: row.name,
    agbCode: row.agb_code,
    street: row.street,
    houseNumber: row.house_number,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
  };
}

export async function organisationParty(db: Kysely<Database>, organisationId: string): Promise<OrganisationParty> {
  const row = await db.selectFrom('organisation').select(partyColumns).where('id', '=', organisationId).executeTakeFirstOrThrow();
  return partyOf(row);
}

/** The debtor of chain-care invoices: the region's care group (the first one, in a one-region installation). */
export async function careGroupParty(db: Kysely<Database>): Promise<OrganisationParty | null> {
  const row = await db
    .selectFrom('organisation')
    .select(partyColumns)
    .where('type', '=', 'care-group')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? partyOf(row) : null;
}

/** The organisation's invoices, newest first (no patient data: totals and counts only). */
export async function listInvoices(db: Kysely<Database>, organisationId: string) {
  const rows = await db
    .selectFrom('invoice as i')
    .select(['i.id', 'i.number', 'i.period_from', 'i.period_to', 'i.state', 'i.total_cents', 'i.created_at'])
    .where('i.organisation_id', '=', organisationId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    number: row.number,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    state: row.state,
    totalCents: Number(row.total_cents),
    createdAt: row.created_at,
  }));
}
