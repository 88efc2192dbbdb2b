import type { Provenance } from './provenance.js';
import type { SignatureHit } from './scan.js';
import type { EventTime, Stamp } from './time.js';

/**
 * The family of the input an event was read from. `program` (not `source`) says who wrote the
 * message: a kernel line read from `syslog` has source 'syslog' and program 'kernel'.
 */
export type SourceKind =
  | 'syslog' // /var/log/syslog, messages, RFC3164/RFC5424/RFC3339 lines
  | 'kernel' // kern.log, dmesg (raw, -T, iso)
  | 'journal' // journalctl text and JSON modes
  | 'klog' // bare klog files (kubelet.log, kube-controller-manager.log)
  | 'container' // CRI container logs (`<RFC3339> stdout F msg`)
  | 'goroutine' // Go goroutine dumps
  | 'kubectl' // kubectl JSON snapshots and pasted tables
  | 'text'; // anything else that could only be kept as text

export const SOURCE_KINDS: readonly SourceKind[] = [
  'syslog',
  'kernel',
  'journal',
  'klog',
  'container',
  'goroutine',
  'kubectl',
  'text',
];

/** syslog severities (RFC 5424 names); klog I/W/E/F map to info/warning/error/critical. */
export type Severity = 'emergency' | 'alert' | 'critical' | 'error' | 'warning' | 'notice' | 'info' | 'debug';

/**
 * What a parser produces: one record per log entry, with its time still as written (a Stamp).
 * The clock step turns records into Events once every input has been seen (year anchors, boot
 * times and snapshot times come from the whole evidence set).
 */
export interface ParsedRecord {
  /** Time of the entry as the envelope (syslog/journal prefix, JSON field) states it. */
  stamp: Stamp;
  /** A second, more precise clock inside the message (klog header inside a journal line). */
  inner?: Stamp;
  /** Kernel uptime in seconds when the line carries a printk `[ 1234.567890]` prefix. */
  uptime?: number;
  /**
   * The event happened this many seconds after (negative: before) `stamp`: a goroutine bucket
   * blocked N minutes is placed at dump time - N*60 s. The clock step applies it.
   */
  shiftSeconds?: number;
  /** Journal `_BOOT_ID` or node bootID when known (boot segment for uptime mapping). */
  bootId?: string;
  host?: string;
  source: SourceKind;
  /** Format id of the parser that read it, e.g. 'syslog-rfc3164', 'journal-short-precise'. */
  format: string;
  /** Who wrote the message: 'kernel', 'iscsid', 'microk8s.daemon-kubelite', 'kubectl'. */
  program?: string;
  pid?: number;
  severity?: Severity;
  /**
   * The message as the program wrote it, envelope removed (syslog/journal prefix, printk time),
   * escapes decoded. A klog header stays in the message; its parts are also in `fields`.
   * Signature regexes are matched against this text.
   */
  message: string;
  /**
   * Structured fields: klog key=value pairs (`pod`, `err`, ...), `klog.file`, `klog.line`,
   * `klog.severity`, logrus `level`/`msg`, journal fields, kubectl object fields.
   */
  fields: Record<string, string>;
  /** The input line(s) exactly as read (lines joined with '\n' for multi-line records). */
  raw: string;
  at: Provenance;
  /** Set when the record is a timeline context line rather than something any rule needs. */
  context?: true;
}

/** A record on the run's one clock: the unit every later stage works with. */
export interface Event {
  /** Position in the run's stable total order (time, then file, then line). */
  seq: number;
  time: EventTime;
  host?: string;
  source: SourceKind;
  format: string;
  program?: string;
  pid?: number;
  severity?: Severity;
  message: string;
  fields: Readonly<Record<string, string>>;
  raw: string;
  /** Every place this entry was read (more than one after de-duplication across files). */
  from: Provenance[];
  /** Kernel uptime when known (kept alongside the wall clock). */
  uptime?: number;
  context?: true;
  /** The event signatures its record(s) matched (union over de-duplicated records). */
  hits?: SignatureHit[];
}
