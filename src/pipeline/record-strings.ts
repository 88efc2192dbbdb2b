import type { FileScan, ScannedRecord, Stamp } from '../model/index.js';
import { StringPool } from './intern.js';

/**
 * The strings of kept records, stored once where records repeat them (see intern.ts).
 *
 * `share` is for records as a parser made them. `received` is for records that came from a scan
 * worker or were read back from a hits file: the structured clone (or JSON.parse) gives every
 * string its own copy, even 'journal' and the file's name, so such a record held ~20% more (1 GB
 * of bench with `-j 2`: 102 MiB of records against 83); names are pooled again. Making long
 * values slices of the line again was measured and left out: 6 MiB less heap and the same peak
 * RSS with `-j 2`, no change in peak and +0.2 s for `hows correlate` at 1 GB (a slice is slower
 * to read than a flat string).
 */
export class RecordStrings {
  private readonly pool = new StringPool();

  /** Short values, host, program, boot id; a capture that is also a field is that field. */
  share(r: ScannedRecord): void {
    const pool = this.pool;
    pool.internValues(r.fields);
    if (r.host !== undefined) r.host = pool.intern(r.host);
    if (r.program !== undefined) r.program = pool.name(r.program);
    if (r.bootId !== undefined) r.bootId = pool.name(r.bootId);
    for (const h of r.hits ?? []) pool.internValues(h.captures, r.fields);
  }

  /** A record copied from another thread or a file: what `share` does, and the names it repeats. */
  received(r: ScannedRecord): void {
    const pool = this.pool;
    r.source = pool.name(r.source);
    r.format = pool.name(r.format);
    if (r.severity !== undefined) r.severity = pool.name(r.severity);
    r.at.file = pool.name(r.at.file);
    this.stamp(r.stamp);
    if (r.inner) this.stamp(r.inner);
    for (const h of r.hits ?? []) h.id = pool.name(h.id);
    this.share(r);
  }

  private stamp(s: Stamp): void {
    s.kind = this.pool.name(s.kind);
    if ('precision' in s) s.precision = this.pool.name(s.precision);
  }
}

/** The records of a scan copied from a scan worker or a hits file, with their strings shared again. */
export function shareReceived(scan: FileScan): FileScan {
  const strings = new RecordStrings();
  for (const r of scan.records) strings.received(r);
  return scan;
}
