// Deterministic pseudo-random numbers for the sample generators (no Math.random, no clock).
// xoshiro128** seeded from a string through a 32-bit mixing hash.

function mix32(h) {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function seedWords(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const out = [];
  for (let i = 0; i < 4; i++) { h = mix32(h + 0x9e3779b9 * (i + 1)); out.push(h || 1); }
  return out;
}

const K8S_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

export class Rng {
  constructor(...parts) {
    [this.a, this.b, this.c, this.d] = seedWords(parts.join('/'));
    for (let i = 0; i < 8; i++) this.u32();
  }
  u32() {
    const r = Math.imul(((Math.imul(this.b, 5) << 7) | (Math.imul(this.b, 5) >>> 25)), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a; this.d ^= this.b; this.b ^= this.c; this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return r;
  }
  f() { return this.u32() / 4294967296; }
  int(n) { return Math.floor(this.f() * n); }
  range(lo, hi) { return lo + this.int(hi - lo + 1); }
  pick(list) { return list[this.int(list.length)]; }
  chance(p) { return this.f() < p; }
  hex(n) { let s = ''; while (s.length < n) s += this.u32().toString(16).padStart(8, '0'); return s.slice(0, n); }
  /** Kubernetes generated-name suffix characters. */
  sfx(n) { let s = ''; for (let i = 0; i < n; i++) s += K8S_CHARS[this.int(K8S_CHARS.length)]; return s; }
  uuid() {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.int(4)]}${h.slice(17, 20)}-${h.slice(20)}`;
  }
  /** Exponential variate with mean 1. */
  expo() { return -Math.log(1 - this.f()); }
  /** items: [[weight, value], ...] */
  weighted(items) {
    const total = items.reduce((s, [w]) => s + w, 0);
    let x = this.f() * total;
    for (const [w, v] of items) { x -= w; if (x < 0) return v; }
    return items[items.length - 1][1];
  }
}
