// A small seeded pseudo-random generator for the demo data: the same seed numbers always give the same
// sequence, on every machine (only 32-bit integer arithmetic; Math.log/cos are IEEE-exact in V8's fdlibm).
// Never Math.random() in the generators: demo databases must be reproducible byte for byte.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** Normally distributed (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a value by relative weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

/**
 * A generator seeded from any number of integers (a seed, a patient index, a stream name's hash…).
 * Numbers beyond 32 bits contribute both halves, so seeds such as 20261129 or 2^40 are fine.
 */
export function createRandom(...seeds: number[]): Random {
  let h = 0x9e3779b9;
  for (const seed of seeds) {
    const value = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    const low = value | 0;
    const high = Math.floor(value / 0x1_0000_0000) | 0;
    h = mix32(h ^ low);
    h = mix32(h ^ high ^ 0x85ebca6b);
  }
  // sfc32 state from a splitmix-style expansion of the combined hash.
  let a = mix32(h ^ 0x243f6a88);
  let b = mix32(a ^ 0x85a308d3);
  let c = mix32(b ^ 0x13198a2e);
  let d = 1;
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();

  const next = (): number => next32() / 0x1_0000_0000;
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    normal(mean = 0, sd = 1) {
      const u = 1 - next(); // (0, 1]: log(0) is never taken
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
  };
  return random;
}

/** A 32-bit string hash (FNV-1a), to derive a named stream: `createRandom(seed, index, hashString('bsn'))`. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a bijective 32-bit mix. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Clamps and rounds a value, as measured values are shown. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
