import type { Diagnostic } from './diagnostic.js';
import type { Chain, Finding, RoutineTally } from './finding.js';

/** One input file as read: the `inputs[]` entries of the JSON contract. */
export interface InputInfo {
  path: string;
  /** Detected (or forced) format id. */
  format: string;
  /** Host the file's lines were attributed to, and how that was decided. */
  host?: string;
  hostSource?: 'line' | 'journal' | 'path' | 'flag';
  gzip: boolean;
  /** Bytes on disk and bytes after decompression. */
  bytes: number;
  uncompressedBytes: number;
  lines: number;
  /** Lines that matched no format and were kept as text (counted, warned). */
  unparsedLines: number;
  sha256: string;
  /** ISO UTC of the earliest and latest event read from the file. */
  first?: string;
  last?: string;
  /** Set when the file was skipped (binary, unreadable, duplicate): the reason. */
  skipped?: string;
}

/** Every clock assumption made by a run, shown in reports. */
export interface ClockAssumption {
  kind: 'year' | 'zone' | 'boot' | 'snapshot' | 'dump-time' | 'display-zone';
  /** Files it applies to (empty = every file). */
  files: string[];
  text: string;
  /** Number of events whose time depends on it. */
  events: number;
}

/** Options that change the analysis result (not only how it is shown). */
export interface RunOptions {
  /** IANA zone for zone-less stamps (default UTC). */
  tz: string;
  /** IANA zone the reports are shown in (default tz). */
  displayTz: string;
  year?: number;
  since?: number;
  until?: number;
  /** Force a parser for every input. */
  as?: string;
  host?: string;
  bootTime?: number;
  dumpTime?: number;
  snapshotTime?: number;
  /** Extra pattern directories. */
  patterns: string[];
  /** Overrides of signature params: `ext4-ro-remount.window` -> `10s`. */
  params: Record<string, string>;
  /** Include every event in the timeline, not only notable ones (and list routine context too). */
  all: boolean;
  /**
   * Context findings farther than this (microseconds) from the start and end of every problem,
   * and unrelated to any, are counted per signature and host instead of listed; 0 lists all.
   */
  routineWindow: number;
  /** Context lines kept before and after each piece of evidence (grep -C). */
  context: number;
}

/** The whole result of an analysis: what `--format json` prints and reports are made from. */
export interface AnalysisResult {
  tool: { name: 'hows'; version: string };
  /** `routineWindow`: the --routine-window in force (`1h`; `0` when every finding is listed). */
  options: { tz: string; displayTz: string; year?: number; routineWindow: string };
  inputs: InputInfo[];
  findings: Finding[];
  chains: Chain[];
  /** Context findings counted, not listed (see RoutineTally); empty when none were folded. */
  routine: RoutineTally[];
  assumptions: ClockAssumption[];
  warnings: Diagnostic[];
}
