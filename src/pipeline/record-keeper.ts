import type { ParsedRecord, ScannedRecord, SignatureHit } from '../model/index.js';

export interface RecordMatcher {
  match(record: ParsedRecord): SignatureHit[];
}

/**
 * Matches each record as it is emitted and keeps only what a report can use: records with a
 * signature hit, and records within `context` lines of one (grep -C); with `keepAll`, every
 * record. Memory is bounded by what is found, not by the file.
 */
export class RecordKeeper {
  readonly kept: ScannedRecord[] = [];
  private lastHitEnd = Number.NEGATIVE_INFINITY;
  private ring: ScannedRecord[] = [];

  constructor(
    private readonly matcher: RecordMatcher,
    private readonly context: number,
    private readonly keepAll: boolean,
  ) {}

  add(record: ParsedRecord): void {
    const hits = this.matcher.match(record);
    const line = record.at.line;
    if (hits.length > 0) {
      for (const r of this.ring) if (r.at.line >= line - this.context) this.kept.push(r);
      this.ring = [];
      this.kept.push({ ...record, hits });
      this.lastHitEnd = (record.at.endLine ?? line) + this.context;
      return;
    }
    // Goroutine buckets and kubectl state records are few and always notable (a dump summary
    // inside a journal is kept even when no hit is near it).
    if (this.keepAll || record.source === 'goroutine' || record.source === 'kubectl') {
      this.kept.push(record);
      return;
    }
    if (line <= this.lastHitEnd) {
      this.kept.push({ ...record, context: true });
      return;
    }
    if (this.context > 0) {
      this.ring.push({ ...record, context: true });
      if (this.ring.length > this.context * 4) this.ring = this.ring.filter((r) => r.at.line > line - this.context);
    }
  }
}
