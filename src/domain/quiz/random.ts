// Seeded randomness for quizzes: the caller passes a seed, so the same seed always yields the
// same quiz (tests, shared deep links) and domain code never touches Math.random.

/** A source of floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: a tiny 32-bit PRNG, plenty for shuffling a few hundred cards. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a of a seed (as four bytes) followed by a string. */
export function hashString(text: string, seed = 0): number {
  let h = 0x811c9dc5;
  // The seed goes in as data, not XORed into the state: XOR would let (seed 2, "a") collide with
  // (seed 1, "b").
  for (let shift = 0; shift < 32; shift += 8) {
    h ^= (seed >>> shift) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche so nearby seeds/strings do not give nearby states.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A child seed for one part of a quiz (one question, one card), so a question's choice order
 * depends on the quiz seed and its own identity, not on how many random numbers came before.
 */
export function deriveSeed(seed: number, ...parts: readonly (string | number)[]): number {
  return hashString(parts.join('\u0000'), seed >>> 0);
}

/** An integer in [0, maxExclusive). */
export function randomInt(rng: Rng, maxExclusive: number): number {
  return Math.floor(rng() * maxExclusive);
}

/** Fisher-Yates on a copy. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
