import { type Kysely, sql } from 'kysely';
import { hashPassword } from '../../auth/password.js';
import { sha256 } from '../../auth/tokens.js';
import type { Database } from '../../db/schema.js';
import {
  findAccountLinkHash,
  findPracticeCredentials,
  insertPracticeNumbersIfMissing,
  saveAccountLink,
  setSigningSecret,
} from './repository.js';

// HIS launch values of the demo region (documented in docs/his-launch.md "Demo values"). Development only: every
// value here is public. The organisatienummer is the care group's (Zorggroep Dommelstreek) — all four practices send
// the same one — and the praktijknummer is unique per practice.

export const HIS_DEMO = {
  organisatienummer: 1001,
  praktijknummers: { HAPZ: 201, HAPB: 202, HAPA: 203, HAPL: 204 },
  /** The practice password of every demo practice (TetraHIS "praktijkwachtwoord"). */
  praktijkwachtwoord: 'keten-demo-praktijk',
  /** The signing secret of Huisartsenpraktijk Zonnehof, for trying the signed launch (docs/his-launch.md example). */
  signingSecretHapz: 'keten-demo-ondertekensleutel-hapz',
  /** The personal MiraHIS link token of huisarts.hapz (gebruikersnummer 11 at HAPZ). */
  koppeltokenHuisartsHapz: 'keten-demo-koppeltoken-huisarts-hapz',
} as const;

/**
 * Gives the demo practices their HIS numbers, the demo practice password, Zonnehof's signing secret and
 * huisarts.hapz's personal link. Idempotent, and never overwrites what a practice administrator changed.
 * Practices that are not in the database (no demo region) are skipped.
 */
export async function seedHisDemo(db: Kysely<Database>, now: Date = new Date()): Promise<{ practices: number }> {
  const organisations = await db
    .selectFrom('organisation')
    .select(['id', 'abbreviation'])
    .where(sql<string>`upper(abbreviation)`, 'in', Object.keys(HIS_DEMO.praktijknummers))
    .where('type', '=', 'gp-practice')
    .execute();
  if (organisations.length === 0) return { practices: 0 };
  // argon2id is deliberately slow: hash only when a practice still needs its numbers (not at every start).
  const missing = await Promise.all(
    organisations.map(async (organisation) => !(await findPracticeCredentials(db, organisation.id))),
  );
  const passwordHash = missing.some(Boolean) ? await hashPassword(HIS_DEMO.praktijkwachtwoord) : null;
  let practices = 0;
  await db.transaction().execute(async (trx) => {
    for (const organisation of organisations) {
      const abbreviation = (organisation.abbreviation ?? '').toUpperCase() as keyof typeof HIS_DEMO.praktijknummers;
      const inserted = await insertPracticeNumbersIfMissing(trx, {
        organisationId: organisation.id,
        organisatienummer: HIS_DEMO.organisatienummer,
        praktijknummer: HIS_DEMO.praktijknummers[abbreviation],
        passwordHash,
        now,
      });
      if (!inserted) continue;
      practices++;
      if (abbreviation === 'HAPZ') await setSigningSecret(trx, organisation.id, HIS_DEMO.signingSecretHapz, now);
    }
    const huisarts = await trx.selectFrom('account').select('id').where('username', '=', 'huisarts.hapz').executeTakeFirst();
    const hapz = organisations.find((organisation) => organisation.abbreviation?.toUpperCase() === 'HAPZ');
    if (huisarts && hapz && (await findPracticeCredentials(trx, hapz.id)) && !(await findAccountLinkHash(trx, huisarts.id))) {
      await saveAccountLink(trx, {
        accountId: huisarts.id,
        tokenHash: sha256(HIS_DEMO.koppeltokenHuisartsHapz),
        now,
        byAccountId: null,
      });
    }
  });
  return { practices };
}
