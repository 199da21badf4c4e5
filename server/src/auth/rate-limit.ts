import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { countHit } from './repository.js';

/**
 * Fixed-window limit per key (e.g. per client IP), counted in the database so every instance shares it.
 * The IP is the socket's address unless a trusted proxy is configured (never a client-set X-Forwarded-For).
 */
export async function enforceRateLimit(
  db: Kysely<Database>,
  key: string,
  limit: number,
  windowMinutes: number,
  now: Date,
): Promise<void> {
  const windowMs = windowMinutes * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const count = await countHit(db, key, windowStart);
  if (count > limit) {
    const minutes = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 60_000));
    throw new AppError(429, 'rate-limited', 'error.rateLimited.title', 'auth.rateLimited.detail', [], { minutes });
  }
}
