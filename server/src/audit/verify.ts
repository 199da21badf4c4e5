import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditTables } from './audit-event.js';
import { CONTENT_COLUMNS, canonicalize, chainHash, GENESIS_HASH } from './canonical.js';

/** A point on the chain: the event id, its hash and its position (the number of events up to and including it). */
export interface AuditChainHead {
  id: string;
  hash: string;
  count: number;
}

export interface VerifyAuditChainOptions {
  /**
   * A signed head (see head.ts): the chain must still contain that event, with that hash, at that position.
   * This is what catches deleting the newest events, which leaves a shorter chain that is otherwise intact.
   */
  head?: AuditChainHead;
  /** Start after a point already verified (the previous signed head) instead of at the first event. */
  after?: AuditChainHead;
  /** Rows per query; the walk keeps one page in memory, so millions of events are fine. */
  pageSize?: number;
  onProgress?: (checked: number) => void;
}

export type VerifyAuditChainResult =
  | { ok: true; count: number; lastId: string | null; lastHash: string; headVerified: boolean }
  | { ok: false; firstBadId: string; problem: string; count: number };

const DEFAULT_PAGE_SIZE = 5000;

/**
 * Walks the audit log in id order and checks every event: its stored `canonical` equals the one recomputed
 * from its columns, its hash equals sha256(prev_hash + canonical), and its prev_hash is the previous event's
 * hash (the first one's is the genesis value). NEN 7513 asks that alteration or removal of log records be
 * detectable; this is the check, run by `npm run audit:verify` and before each head is signed.
 */
export async function verifyAuditChain(
  database: Kysely<Database>,
  options: VerifyAuditChainOptions = {},
): Promise<VerifyAuditChainResult> {
  const db = database.withTables<AuditTables>();
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const { head, after } = options;

  let prevHash = GENESIS_HASH;
  let prevId: string | null = null;
  let count = 0;
  let cursor = '0';
  if (after && after.count > 0) {
    const anchor = await db.selectFrom('audit_event').select('hash').where('id', '=', after.id).executeTakeFirst();
    if (!anchor) {
      return { ok: false, firstBadId: after.id, count: 0, problem: `event #${after.id} of the previous signed head is missing` };
    }
    if (anchor.hash !== after.hash) {
      return {
        ok: false,
        firstBadId: after.id,
        count: 0,
        problem: `event #${after.id} no longer has the hash of the previous signed head`,
      };
    }
    prevHash = after.hash;
    prevId = after.id;
    cursor = after.id;
    count = after.count;
  }

  let headVerified = false;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .select([...CONTENT_COLUMNS, 'canonical', 'prev_hash', 'hash'])
      .where('id', '>', cursor)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      // Ids as text whatever the driver's int8 parsing (a misconfigured PGlite clone returns numbers).
      const id = String(row.id);
      const bad = (problem: string) => ({ ok: false as const, firstBadId: id, count, problem });
      if (row.prev_hash !== prevHash) {
        return bad(
          prevId === null
            ? 'the first event does not start the chain (its prev_hash is not the genesis value): earlier events were removed'
            : `its prev_hash does not link to event #${prevId}: an event between them was removed, or #${prevId} was altered`,
        );
      }
      if (canonicalize(row) !== row.canonical) {
        return bad('its columns differ from the content that was hashed: a column was changed');
      }
      if (chainHash(row.prev_hash, row.canonical) !== row.hash) {
        return bad('hash does not match its content');
      }
      count += 1;
      if (head && id === head.id) {
        if (row.hash !== head.hash) return bad('its hash differs from the signed head: the chain was rewritten');
        if (count !== head.count) {
          return bad(
            `it is event ${count} of the chain, but the signed head says ${head.count}: events were removed or inserted`,
          );
        }
        headVerified = true;
      }
      prevHash = row.hash;
      prevId = id;
    }
    options.onProgress?.(count);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) break;
    cursor = String(last.id);
  }

  if (head && head.count > 0 && !headVerified) {
    return {
      ok: false,
      firstBadId: head.id,
      count,
      problem:
        count < head.count
          ? `the chain ends at ${prevId === null ? 'its start' : `event #${prevId}`} with ${count} events, but the signed head ` +
            `names event #${head.id} as event ${head.count}: the newest events were deleted`
          : `event #${head.id} named by the signed head is missing`,
    };
  }
  return { ok: true, count, lastId: prevId, lastHash: prevHash, headVerified: headVerified || head?.count === 0 };
}
