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
 */

export interface Draft {
  event: Event;
  file: string;
  line: number;
  /** Time used for ordering (the event's, or a neighbour's for untimed records). */
  sortKey: number;
  uptimeMicros?: number;
  /** Assumption keys the event's time depends on. */
  keys: string[];
  /** Files already merged into this draft. */
  files: Set<string>;
}

const QUANTUM: Record<Precision, number> = { us: 1, ms: 1000, s: 1_000_000, min: 60_000_000, age: 0 };
const RANK: Record<Precision, number> = { age: 1, min: 2, s: 3, ms: 4, us: 5 };

function rank(e: Event): number {
  return e.time.utcMicros === null ? 0 : RANK[e.time.precision];
}

function sameHost(a: Event, b: Event): boolean {
  return a.host === undefined || b.host === undefined || a.host === b.host;
}

function closeInTime(a: Event, b: Event): boolean {
  const ta = a.time.utcMicros;
  const tb = b.time.utcMicros;
  if (ta === null || tb === null || a.time.precision === 'age' || b.time.precision === 'age') return false;
  return Math.abs(ta - tb) < Math.max(QUANTUM[a.time.precision], QUANTUM[b.time.precision], 1);
}

function hitKey(h: SignatureHit): string {
  return `${h.id}\u0000${JSON.stringify(h.captures)}`;
}

/** Folds `other` into `into`: every provenance kept, the more precise record represents both. */
function merge(into: Draft, other: Draft): void {
  const from = [...into.event.from, ...other.event.from].sort(compareProvenance);
  const hits = [...(into.event.hits ?? []), ...(other.event.hits ?? [])];
  if (rank(other.event) > rank(into.event)) {
    into.event = { ...other.event };
    into.keys = other.keys;
    if (into.uptimeMicros === undefined && other.uptimeMicros !== undefined) into.uptimeMicros = other.uptimeMicros;
  }
  into.event.from = from;
  if (hits.length > 0) {
    const seen = new Set<string>();
    into.event.hits = hits.filter((h) => !seen.has(hitKey(h)) && seen.add(hitKey(h)));
  }
  into.files.add(other.file);
}

export function dedupe(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  const byUptime = new Map<string, Draft[]>();
  const bySecond = new Map<string, Draft[]>();
  const push = (map: Map<string, Draft[]>, key: string, d: Draft): void => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  for (const d of drafts) {
    const e = d.event;
    const base = `${e.program ?? ''}\u0000${e.message}`;
    const utc = e.time.utcMicros;
    let match: Draft | undefined;
    if (d.uptimeMicros !== undefined) {
      match = byUptime.get(`${base}\u0000${d.uptimeMicros}`)?.find((c) => !c.files.has(d.file) && sameHost(c.event, e));
    }
    if (!match && utc !== null) {
      const second = Math.floor(utc / 1_000_000);
      for (let s = second - 1; s <= second + 1 && !match; s++) {
        match = bySecond
          .get(`${base}\u0000${s}`)
          ?.find(
            (c) =>
              !c.files.has(d.file) &&
              sameHost(c.event, e) &&
              (c.uptimeMicros === undefined || d.uptimeMicros === undefined) &&
              closeInTime(c.event, e),
          );
      }
    }
    if (match) {
      const hadUtc = match.event.time.utcMicros;
      merge(match, d);
      if (hadUtc === null && match.event.time.utcMicros !== null) {
        push(bySecond, `${base}\u0000${Math.floor(match.event.time.utcMicros / 1_000_000)}`, match);
      }
      continue;
    }
    if (d.uptimeMicros !== undefined) push(byUptime, `${base}\u0000${d.uptimeMicros}`, d);
    if (utc !== null) push(bySecond, `${base}\u0000${Math.floor(utc / 1_000_000)}`, d);
    out.push(d);
  }
  return out;
}
