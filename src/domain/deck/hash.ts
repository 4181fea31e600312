// Small deterministic string hashes for card ids and deck content hashes (no crypto API needed,
// so the same code runs in Node, the browser and tests).

/** cyrb53: a fast 53-bit string hash; returned as 14 lowercase hex digits. */
export function cyrb53Hex(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/**
 * A longer (two independent 53-bit halves) hash for whole-deck content, fed piece by piece: a
 * 50k-row deck is 27 MB of JSON, and hashing it card by card spares building that one string.
 */
export class ContentHasher {
  private a1 = 0xdeadbeef;
  private a2 = 0x41c6ce57;
  private b1 = 0xdeadbeef ^ 0x9e3779b9;
  private b2 = 0x41c6ce57 ^ 0x9e3779b9;

  update(text: string): this {
    let { a1, a2, b1, b2 } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2654435761);
      b2 = Math.imul(b2 ^ ch, 1597334677);
    }
    Object.assign(this, { a1, a2, b1, b2 });
    return this;
  }

  /** 28 hex digits; equal to `cyrb53Hex(all, 0) + cyrb53Hex(all, 0x9e3779b9)` of the text fed. */
  digest(): string {
    return finish(this.a1, this.a2) + finish(this.b1, this.b2);
  }
}

/** cyrb53's final mix of its two 32-bit halves, as 14 hex digits (shared by both hashes). */
function finish(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}
