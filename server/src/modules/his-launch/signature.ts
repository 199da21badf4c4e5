import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The signed launch (product.md §2 "a signed launch (no plaintext practice password in a URL)";
// docs/his-launch.md "Signed launch"): HMAC-SHA256 with the practice's signing secret over the canonical string
// of every query parameter except `sig`. The canonical string is the query string a careful client would build:
// parameters sorted by name, each `name=value` with RFC 3986 percent-encoding (only A–Z a–z 0–9 - . _ ~ stay as
// they are, spaces become %20, hex in capitals), joined with `&`. The key is the secret as shown (its ASCII text).

export const SIGNATURE_PARAMETER = 'sig';
export const TIMESTAMP_PARAMETER = 'ts';
/** A signed launch is accepted this long after `ts` … */
export const SIGNATURE_VALID_SECONDS = 5 * 60;
/** … and this far before it (the HIS computer's clock may run a little ahead). */
export const SIGNATURE_CLOCK_SKEW_SECONDS = 60;

/** RFC 3986 §2.3: everything but the unreserved characters is percent-encoded (UTF-8, upper-case hex). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalString(parameters: Readonly<Record<string, string>>): string {
  return Object.keys(parameters)
    .filter((name) => name !== SIGNATURE_PARAMETER)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${percentEncode(name)}=${percentEncode(parameters[name] ?? '')}`)
    .join('&');
}

export function signParameters(parameters: Readonly<Record<string, string>>, secret: string): string {
  return createHmac('sha256', secret).update(canonicalString(parameters), 'utf8').digest('hex');
}

/** Constant-time comparison of the given signature with the one computed over the parameters. */
export function signatureMatches(parameters: Readonly<Record<string, string>>, secret: string, signature: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signParameters(parameters, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), 'hex'));
}

/** Is `ts` (unix seconds) within the validity window at `now`? */
export function timestampFresh(ts: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(ts)) return false;
  const age = Math.floor(now.getTime() / 1000) - Number(ts);
  return age <= SIGNATURE_VALID_SECONDS && age >= -SIGNATURE_CLOCK_SKEW_SECONDS;
}

/** A new signing secret: 256 bits from the CSPRNG as 64 hex characters. */
export function newSigningSecret(): string {
  return randomBytes(32).toString('hex');
}
