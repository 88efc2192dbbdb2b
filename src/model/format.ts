import type { Diagnostic } from './diagnostic.js';
import type { ParsedRecord, SourceKind } from './event.js';
import type { Provenance } from './provenance.js';
import type { GoroutineBucket, K8sObject } from './state.js';

/**
 * The contract between ingest and the format parsers (lnav formats, unified parsers).
 * A format is data about itself (meta, sniff) plus a factory of stateful per-file parsers.
 */

export interface FormatMeta {
  /** Stable id used by --as and in reports: 'syslog-rfc3164', 'journal-json', 'kubectl-json'. */
  id: string;
  title: string;
  source: SourceKind;
  /** Anchor in FORMATS.md / README describing it. */
  docs: string;
  /** Sample lines that must sniff to this format and parse (checked by the test suite). */
  samples: string[];
}

/** Options a parser may need, fixed for the run. */
export interface ParseOptions {
  /** Epoch micros of the goroutine dump, from --dump-time. */
  dumpTime?: number;
  /** Epoch micros of kubectl snapshots, from --snapshot-time. */
  snapshotTime?: number;
}

/** What a parser writes to: records, state facts and diagnostics. */
export interface FileContext {
  file: string;
  /** Host from --host or a path segment; a parser uses the line's own host first. */
  host?: string;
  /** File modification time in epoch micros (dump/snapshot time fallback), when known. */
  mtimeMicros?: number;
  options: ParseOptions;
  emit(record: ParsedRecord): void;
  object(obj: K8sObject): void;
  bucket(bucket: GoroutineBucket): void;
  diag(d: Diagnostic): void;
}

export interface FileParser {
  /**
   * Feeds one line (without its line terminator). Returns true when the parser wants the next
   * line as well even if nothing else would select it (a multi-line record or a claimed region
   * such as a goroutine dump inside a journal).
   */
  line(text: string, at: Provenance): boolean;
  /** No more lines: flush pending records. */
  end(): void;
  /** Lines that matched neither the format nor a continuation (also emitted as text records). */
  readonly unparsed: number;
}

export interface Format {
  meta: FormatMeta;
  /**
   * Confidence 0..1 that a file whose first non-empty lines are `lines` is in this format.
   * The highest score wins; ties go to the format listed first in the registry.
   */
  sniff(lines: readonly string[]): number;
  open(ctx: FileContext): FileParser;
  /**
   * True when single lines can be selected by a literal prefilter (line formats). False for
   * formats whose records span many lines (JSON documents, goroutine dumps, pasted tables):
   * every line of those is parsed.
   */
  gateable: boolean;
  /** True when `text` continues the previous record (indented journal lines, klog blocks). */
  isContinuation?(text: string): boolean;
  /**
   * A cheap, allocation-free check that the line `block.slice(start, end)` has this format's
   * shape (fixed-offset character probes). The scanner calls it on every line a prefilter did
   * not select; lines that fail are parsed, so that unparsed lines are counted exactly without
   * parsing every line. Absent: every line is parsed.
   */
  shapeOk?(block: string, start: number, end: number): boolean;
}
