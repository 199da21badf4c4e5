import { isValidBsn } from '../../domain/bsn.js';
import { mix32 } from './random.js';

// The 11-proef lives in domain/bsn.ts (the patient form uses it too).
export { isValidBsn };

// Synthetic BSNs: patient index i → a valid BSN, unique for every i, the same on every run and for
// every demo seed (the seed changes who a patient is, not which BSNs exist, so extending a database
// with another seed never collides). They start with 1–8, so never with 9999 (the test range that the
// fixed demo patients 99999xxxx use) and look like ordinary numbers.
//
// Slots: a 7-digit base 1000000…8999999 (d1…d7) × 9 choices of d8. For each base at most one d8 leaves
// no valid check digit (2·d8 mod 11 is different for d8 = 0…9), so the j-th valid d8 (j < 9) always
// exists and every slot is one distinct valid BSN. A keyed Feistel permutation spreads consecutive
// indexes over the slots, so neighbouring patients do not get neighbouring numbers.
const BASES = 8_000_000;
const D8_CHOICES = 9;
/** How many distinct synthetic BSNs exist (72 million). */
export const SYNTHETIC_BSN_CAPACITY = BASES * D8_CHOICES;

const HALF_BITS = 14; // 2 × 14 bits = 268,435,456 ≥ capacity; cycle-walk the rest
const HALF_MASK = (1 << HALF_BITS) - 1;
const ROUND_KEYS = [0x5bd1e995, 0x1b873593, 0xcc9e2d51, 0x27d4eb2f] as const;

function feistel(value: number): number {
  let left = (value >>> HALF_BITS) & HALF_MASK;
  let right = value & HALF_MASK;
  for (const key of ROUND_KEYS) {
    const next = left ^ (mix32(right ^ key) & HALF_MASK);
    left = right;
    right = next;
  }
  return (left << HALF_BITS) | right;
}

/** The unique valid BSN of synthetic patient `index` (0 ≤ index < SYNTHETIC_BSN_CAPACITY). */
export function syntheticBsn(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= SYNTHETIC_BSN_CAPACITY) {
    throw new RangeError(`synthetic patient index out of range: ${index}`);
  }
  // Cycle walking keeps the Feistel permutation a bijection on [0, capacity).
  let slot = feistel(index);
  while (slot >= SYNTHETIC_BSN_CAPACITY) slot = feistel(slot);

  const base = 1_000_000 + Math.floor(slot / D8_CHOICES);
  const choice = slot % D8_CHOICES;
  const digits = String(base);
  let partial = 0;
  for (let i = 0; i < 7; i++) partial += (9 - i) * (digits.charCodeAt(i) - 48);
  let seen = 0;
  for (let d8 = 0; d8 <= 9; d8++) {
    const check = (partial + 2 * d8) % 11;
    if (check === 10) continue;
    if (seen === choice) return `${digits}${d8}${check}`;
    seen++;
  }
  throw new Error('unreachable: every base has at least nine valid check digits');
}
