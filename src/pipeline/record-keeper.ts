import type { ParsedRecord, ScannedRecord, SignatureHit } from '../model/index.js';
import { RecordStrings } from './record-strings.js';
import type { UnfedLine } from './unfed-lines.js';

export interface RecordMatcher {
  match(record: ParsedRecord): SignatureHit[];
  /**
   * Whether a hit of this signature keeps the lines around it (grep -C). Absent: every hit
   * does. Context-role signatures (a pod became ready) are context themselves: on a busy
   * node they match every few lines, and the lines around them would be most of the file.
   */
  wantsContext?(id: string): boolean;
}

/** Where the keeper finds the lines the parser did not see, and how it reads them. */
export interface ContextSource {
  before(line: number): UnfedLine[];
  after(line: number): UnfedLine[];
  /** Lines before `line` will not be asked about again. */
  release(line: number): void;
  /** Feed every line up to `line` to the parser from now on. */
  feedThrough(line: number): void;
  /** Records of unfed lines (in order), read by a parser of their own. */
  read(lines: UnfedLine[]): ParsedRecord[];
}

/**
 * Matches each record as it is emitted and keeps only what a report can use: records with a
 * signature hit, and records within `context` lines of one (grep -C); with `keepAll`, every
 * record. Memory is bounded by what is found, not by the file.
 *
 * Context lines the parser saw are kept from the record stream (a ring before a hit, the next
 * records after it); lines it skipped are read from `source` when a hit asks for them. Records
 * are kept in file order.
 */
export class RecordKeeper {
  private readonly out: ScannedRecord[] = [];
  private lastHitEnd = Number.NEGATIVE_INFINITY;
  /** Last line covered by a kept record. */
  private keptUpTo = 0;
  private ring: ParsedRecord[] = [];
  /** Kept context records read apart from the stream, by line (the stream's own wins). */
  private readApart = new Map<number, number>();
  /** Boot ids the stream's records carried, as (first line, id) changes. */
  private boots: Array<[number, string]> = [];
  private sorted = true;
  private readonly strings = new RecordStrings();

  constructor(
    private readonly matcher: RecordMatcher,
    private readonly context: number,
    private readonly keepAll: boolean,
    private readonly source?: ContextSource,
  ) {}

  get kept(): ScannedRecord[] {
    if (!this.sorted) {
      this.out.sort((a, b) => a.at.line - b.at.line);
      this.sorted = true;
    }
    return this.out;
  }

  add(record: ParsedRecord): void {
    const hits = this.matcher.match(record);
    const line = record.at.line;
    if (record.bootId !== undefined && record.bootId !== this.boots[this.boots.length - 1]?.[1]) this.boots.push([line, record.bootId]);
    if (line > this.lastHitEnd && this.readApart.size > 0) this.readApart.clear();
    if (hits.length > 0 && !this.keepsContext(hits)) {
      // A context-role hit: kept itself (over its copy read apart, when a hit near it read one).
      this.keepStreamed(withHits(record, hits));
    } else if (hits.length > 0) {
      this.keepBefore(line);
      this.push(withHits(record, hits));
      const end = record.at.endLine ?? line;
      this.keepAfter(end);
      this.lastHitEnd = end + this.context;
      this.source?.feedThrough(this.lastHitEnd);
    } else if (this.keepAll || record.source === 'goroutine' || record.source === 'kubectl') {
      // Goroutine buckets and kubectl state records are few and always notable (a dump summary
      // inside a journal is kept even when no hit is near it).
      this.push(record);
    } else if (line <= this.lastHitEnd) {
      this.keepStreamed(asContext(record));
    } else if (this.context > 0) {
      this.ring.push(record);
      if (this.ring.length > this.context * 4) this.ring = this.ring.filter((r) => r.at.line >= line - this.context);
    }
    this.source?.release(line);
  }

  private keepsContext(hits: readonly SignatureHit[]): boolean {
    const wants = this.matcher.wantsContext;
    return wants === undefined || hits.some((h) => wants.call(this.matcher, h.id));
  }

  /**
   * Keeps a record of the stream. Within a hit's window its line may already be kept as read
   * apart (an unfed line read for context): the stream's record replaces that copy.
   */
  private keepStreamed(r: ScannedRecord): void {
    const apart = this.readApart.get(r.at.line);
    if (apart === undefined) return this.push(r);
    this.strings.share(r);
    this.out[apart] = r;
    this.readApart.delete(r.at.line);
  }

  private push(r: ScannedRecord): void {
    this.strings.share(r);
    if (this.out.length > 0 && this.out[this.out.length - 1]!.at.line > r.at.line) this.sorted = false;
    this.out.push(r);
    const end = r.at.endLine ?? r.at.line;
    if (end > this.keptUpTo) this.keptUpTo = end;
  }

  private keepBefore(line: number): void {
    const from = Math.max(line - this.context, this.keptUpTo + 1);
    const seen: ScannedRecord[] = this.ring.filter((r) => r.at.line >= from).map(asContext);
    this.ring = [];
    const apart = this.source ? this.readLines(this.source.before(line).filter((u) => u.line >= from), from, line - 1) : [];
    for (const r of [...seen, ...apart].sort((a, b) => a.at.line - b.at.line)) this.push(r);
  }

  private keepAfter(end: number): void {
    if (!this.source || this.context === 0) return;
    // The after list also holds the continuations of the last context line's record.
    for (const r of this.readLines(this.source.after(end), end + 1, end + this.context)) {
      this.readApart.set(r.at.line, this.out.length);
      this.push(r);
    }
  }

  /** Context records of unfed lines whose record starts within [from, to]. */
  private readLines(lines: UnfedLine[], from: number, to: number): ScannedRecord[] {
    if (lines.length === 0 || !this.source) return [];
    const out: ScannedRecord[] = [];
    for (const r of this.source.read(lines)) {
      if (r.at.line < from || r.at.line > to || r.at.line <= this.keptUpTo) continue;
      const boot = this.bootAt(r.at.line);
      if (r.bootId === undefined && boot !== undefined) r.bootId = boot;
      out.push(asContext(r));
    }
    return out;
  }

  /**
   * The boot id in force at `line` (journal `-- Boot --` markers are always fed, so the record
   * stream knows every change, and a parser never unsets it): a context record read apart
   * carries it as a full parse would.
   */
  private bootAt(line: number): string | undefined {
    for (let i = this.boots.length - 1; i >= 0; i--) if (this.boots[i]![0] <= line) return this.boots[i]![1];
    return undefined;
  }
}

/*
 * The keeper owns the records it is given (a parser emits each once and keeps no reference), so
 * it marks them in place. A copy (`{ ...record, hits }`) cost more than its own bytes: V8
 * gave many such clones a hidden class of their own (~400 bytes each; a heap snapshot of the
 * 1 GB bench scan counted 22,500 among 67,000 kept records); records marked in place share a
 * few.
 */
function withHits(record: ParsedRecord, hits: SignatureHit[]): ScannedRecord {
  const r = record as ScannedRecord;
  r.hits = hits;
  return r;
}

function asContext(record: ParsedRecord): ScannedRecord {
  record.context = true;
  return record;
}
