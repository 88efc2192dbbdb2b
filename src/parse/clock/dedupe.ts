import type { Event, Precision, SignatureHit } from '../../model/index.js';
import { compareProvenance } from '../../model/index.js';

/**
 * One event per log entry however many files hold it (FORMATS.md 1.4, issue 3): rsyslog writes
 * kernel lines to syslog and kern.log, the journal holds them again, dmesg too, and rotated
 * copies overlap. Two records are the same entry when they come from different files, name the
 * same program and message, have compatible hosts, and either carry the same kernel uptime (to
 * the microsecond) or times within the coarser of their precisions (a syslog second holds the
 * journal's microsecond time). Two equal lines of one file are never merged: each occurrence in
 * file A pairs with one occurrence in file B.
 *
 * Timed records are swept in time order with a window as wide as the coarsest precision, so the
 * index holds only the records of that window (memory does not grow with the input); records
 * with only a kernel uptime are matched through an uptime index.
 */

export interface Draft {
  event: Event;
  file: string;
  line: number;
  /** Time used for ordering (the event's, or a neighbour's for untimed records). */
  sortKey: number;
  uptimeMicros?: number;
  /** Assumption keys the event's time depends on. */
  keys: readonly string[];
  /** Other files merged into this draft. */
  merged?: string[];
}

const QUANTUM: Record<Precision, number> = { us: 1, ms: 1000, s: 1_000_000, min: 60_000_000, age: 0 };
const RANK: Record<Precision, number> = { age: 1, min: 2, s: 3, ms: 4, us: 5 };

function rank(e: Event): number {
  return e.time.utcMicros === null ? 0 : RANK[e.time.precision];
}

/** FNV-1a over the UTF-16 code units: a cheap first filter before comparing messages. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hasFile(d: Draft, file: string): boolean {
  return d.file === file || (d.merged !== undefined && d.merged.includes(file));
}

/** Could `a` and `b` be one entry (time or uptime aside)? */
function sameEntry(a: Draft, b: Draft): boolean {
  const x = a.event;
  const y = b.event;
  return (
    !hasFile(a, b.file) &&
    x.message === y.message &&
    x.program === y.program &&
    (x.host === undefined || y.host === undefined || x.host === y.host)
  );
}

function closeInTime(a: Event, b: Event): boolean {
  const ta = a.time.utcMicros;
  const tb = b.time.utcMicros;
  if (ta === null || tb === null || a.time.precision === 'age' || b.time.precision === 'age') return false;
  return Math.abs(ta - tb) < Math.max(QUANTUM[a.time.precision], QUANTUM[b.time.precision], 1);
}

/** The same signature with the same captures. */
function sameHit(a: SignatureHit, b: SignatureHit): boolean {
  if (a.id !== b.id) return false;
  const ka = Object.keys(a.captures);
  if (ka.length !== Object.keys(b.captures).length) return false;
  for (const k of ka) if (a.captures[k] !== b.captures[k]) return false;
  return true;
}

/** Folds `other` into `into`: every provenance kept, the more precise record represents both. */
function merge(into: Draft, other: Draft): void {
  // The lists live as long as the event (the draft's until every event is built): `concat` and
  // `slice` make arrays of their exact size, where a spread or a push leaves room for 16 more
  // elements (about 140 bytes, on every merged event; every kubelet line at 1 GB of bench).
  const from = into.event.from.concat(other.event.from).sort(compareProvenance);
  const hits = (into.event.hits ?? []).concat(other.event.hits ?? []);
  if (rank(other.event) > rank(into.event)) {
    // `other` is dropped once merged: its event is taken over as it is, not copied (a spread
    // copy gave many events a hidden class of their own in V8).
    into.event = other.event;
    into.keys = other.keys;
  }
  if (into.uptimeMicros === undefined && other.uptimeMicros !== undefined) into.uptimeMicros = other.uptimeMicros;
  into.event.from = from;
  if (hits.length > 0) {
    // A record's hits are a handful: compared pairwise (a JSON key per hit cost 0.08 s of 0.45
    // s of de-duplication at 1 GB, where every kubelet line is in the journal and in syslog).
    const unique: SignatureHit[] = [];
    for (const h of hits) if (!unique.some((u) => sameHit(u, h))) unique.push(h);
    into.event.hits = unique.slice();
  }
  into.merged = (into.merged ?? []).concat(other.file, other.merged ?? []);
}

function matchTimed(a: Draft, b: Draft): boolean {
  if (!sameEntry(a, b)) return false;
  if (a.uptimeMicros !== undefined && b.uptimeMicros !== undefined) return a.uptimeMicros === b.uptimeMicros;
  return closeInTime(a.event, b.event);
}

export function dedupe(drafts: readonly Draft[]): Draft[] {
  const timed = drafts.filter((d) => d.event.time.utcMicros !== null);
  const out: Draft[] = drafts.filter((d) => d.event.time.utcMicros === null && d.uptimeMicros === undefined);
  let width = 1;
  for (const d of timed) if (d.event.time.precision !== 'age') width = Math.max(width, QUANTUM[d.event.time.precision]);
  timed.sort((a, b) => a.event.time.utcMicros! - b.event.time.utcMicros!);
  const active = new Map<number, Draft[]>();
  // The window as two parallel arrays (hash, draft) read from `head`: no tuple per record.
  const windowHashes: number[] = [];
  const windowDrafts: Draft[] = [];
  let head = 0;
  const kept: Draft[] = [];
  for (const d of timed) {
    const t = d.event.time.utcMicros!;
    while (head < windowDrafts.length && windowDrafts[head]!.event.time.utcMicros! < t - width) {
      const h = windowHashes[head]!;
      const old = windowDrafts[head++]!;
      const list = active.get(h)!;
      list.splice(list.indexOf(old), 1);
      if (list.length === 0) active.delete(h);
    }
    const h = hash(d.event.message);
    const match = active.get(h)?.find((c) => matchTimed(c, d));
    if (match) {
      merge(match, d);
      continue;
    }
    const list = active.get(h);
    if (list) list.push(d);
    else active.set(h, [d]);
    windowHashes.push(h);
    windowDrafts.push(d);
    kept.push(d);
  }
  // Records with only an uptime (dmesg with no boot anchor) join a record of the same uptime.
  const relative = drafts.filter((d) => d.event.time.utcMicros === null && d.uptimeMicros !== undefined);
  if (relative.length > 0) {
    const byUptime = new Map<number, Draft[]>();
    for (const d of kept) if (d.uptimeMicros !== undefined) (byUptime.get(d.uptimeMicros) ?? byUptime.set(d.uptimeMicros, []).get(d.uptimeMicros)!).push(d);
    for (const d of relative) {
      const list = byUptime.get(d.uptimeMicros!) ?? byUptime.set(d.uptimeMicros!, []).get(d.uptimeMicros!)!;
      const match = list.find((c) => sameEntry(c, d));
      if (match) merge(match, d);
      else {
        list.push(d);
        out.push(d);
      }
    }
  }
  for (const d of kept) out.push(d);
  return out;
}
