import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Language } from '../http/language.js';

/** What the identity services need, passed explicitly (no globals). */
export interface AuthDependencies {
  db: Kysely<Database>;
  clock: Clock;
  settings: Config['session'];
  /** Base address for links in mail (PUBLIC_URL, or localhost in development). */
  publicBaseUrl: string;
  /** Ask the mail sender to send soon after something was queued. */
  mailQueued(): void;
}

/** Facts about the client of this request, for limits, the audit log and mail language. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  language: Language;
  requestId: string;
}

export const CODE_VALID_MINUTES = 10;
export const CODE_MAX_WRONG = 5;
export const RESET_VALID_MINUTES = 60;
export const RATE_WINDOW_MINUTES = 15;
