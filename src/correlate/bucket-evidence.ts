/**
 * Goroutine buckets cited in full: a bucket record (one timeline record per bucket, quoting its
 * first header and naming it in `fields.bucket` as `file:line`) stands for every goroutine of
 * the bucket, so a finding built on it cites every header line of the bucket
 * (`GoroutineBucket.headers`, with their input text) at the record's time, and counts each
 * goroutine as one event.
 */
import type { Event } from '../model/event.js';
import type { Evidence } from '../model/finding.js';
import type { ClusterState, GoroutineBucket } from '../model/state.js';
import { isoFromMicros } from '../model/time.js';

export type BucketIndex = ReadonlyMap<string, GoroutineBucket>;

/** Buckets by `file:line` of their first header (the key bucket records carry). */
export function bucketIndex(state: ClusterState): BucketIndex {
  const out = new Map<string, GoroutineBucket>();
  for (const b of state.buckets()) {
    const h = b.headers[0];
    if (h) out.set(`${h.file}:${h.line}`, b);
  }
  return out;
}

/**
 * The header lines, after the first, of the buckets that events are records of. Each header is
 * a goroutine of its own, not a copy of the record's line, so each gets a seq of its own: seqs
 * after the last event's, allocated once per bucket in the order buckets are first cited (the
 * same input gives the same numbers).
 */
export class BucketHeaders {
  private readonly start = new Map<GoroutineBucket, number>();
  private next: number;

  constructor(
    private readonly index: BucketIndex,
    firstFreeSeq: number,
  ) {
    this.next = firstFreeSeq;
  }

  of(events: readonly Event[]): Evidence[] {
    const out: Evidence[] = [];
    const seen = new Set<GoroutineBucket>();
    for (const e of events) {
      const key = e.fields?.bucket;
      const b = key === undefined ? undefined : this.index.get(key);
      if (!b || seen.has(b)) continue;
      seen.add(b);
      let start = this.start.get(b);
      if (start === undefined) {
        start = this.next;
        this.start.set(b, start);
        this.next += b.headers.length;
      }
      const time = e.time.utcMicros === null ? '' : isoFromMicros(e.time.utcMicros, e.time.precision);
      for (let i = 1; i < b.headers.length; i++) {
        const text = b.headerTexts?.[i];
        const at = b.headers[i]!;
        // A header whose text the parser did not keep cannot be quoted as read: not cited.
        if (text === undefined) continue;
        out.push({ file: at.file, line: at.line, ...(at.endLine !== undefined ? { endLine: at.endLine } : {}), offset: at.offset, time, text, seq: start + i });
      }
    }
    return out;
  }
}
