import type { Diagnostic } from './diagnostic.js';
import type { ParsedRecord } from './event.js';
import type { InputInfo } from './run.js';
import type { GoroutineBucket, K8sObject } from './state.js';
import type { Stamp } from './time.js';

/** A signature that matched one record, with its named captures. */
export interface SignatureHit {
  id: string;
  captures: Record<string, string>;
}

/** A parsed record plus the event signatures it matched (none for context lines). */
export interface ScannedRecord extends ParsedRecord {
  hits?: SignatureHit[];
}

/**
 * What scanning one input produces: the narrow waist between the per-file stages (ingest,
 * parse, event signatures) and the whole-evidence stages (clock, correlate, report). It is
 * what `hows scan` writes as JSON lines and `hows correlate` reads back.
 */
export interface FileScan {
  input: InputInfo;
  /** Records that matched a signature, their context lines, and (with --all) every record. */
  records: ScannedRecord[];
  /**
   * Stamps sampled along the file in line order (first and last line, chunk starts), so that
   * the clock can place year-less records and detect Dec -> Jan rollovers without every record.
   */
  samples: Array<{ line: number; stamp: Stamp; uptime?: number }>;
  objects: K8sObject[];
  buckets: GoroutineBucket[];
  diagnostics: Diagnostic[];
  /** File mtime in epoch micros when known. */
  mtimeMicros?: number;
}
