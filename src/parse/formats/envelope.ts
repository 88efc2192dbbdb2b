import type { ParsedRecord, Provenance, SourceKind, Stamp } from '../../model/index.js';
import { provenance } from './base.js';
import { COLON, isDigitCode, LBRACKET, RBRACKET, SPACE } from '../text/chars.js';
import { parseUptimeBracket } from '../text/stamps.js';
import { mayBeKlogHeader } from './klog/header.js';
import { readGoLog } from './klog/structured.js';

/**
 * The part every syslog and journal text line shares after its stamp:
 * `[HOST SP] TAG [SP] MSG` with `TAG = PROGRAM ["[" PID "]"] ":"`, and what is done to the
 * message afterwards (printk prefix of kernel lines, klog/logrus inside).
 */
export interface HostTag {
  host?: string;
  program?: string;
  pid?: number;
  /** Index where the message starts. */
  msgStart: number;
}

/**
 * Reads a tag (`prog:`, `prog[123]:`) at `i`; returns [program, pid, index after ':'] or null.
 * PROGRAM may hold `. / - _` (microk8s.daemon-kubelite); it stops at `:`, `[` or whitespace.
 */
function tagAt(text: string, i: number): [string, number | undefined, number] | null {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === COLON || c === LBRACKET || c === SPACE || c === 9) break;
    j++;
  }
  if (j === i) return null;
  const program = text.slice(i, j);
  let pid: number | undefined;
  if (text.charCodeAt(j) === LBRACKET) {
    const pidStart = j + 1;
    let k = pidStart;
    while (isDigitCode(text.charCodeAt(k))) k++;
    if (k === pidStart || k - pidStart > 10 || text.charCodeAt(k) !== RBRACKET) return null;
    pid = Number(text.slice(pidStart, k));
    j = k + 1;
  }
  if (text.charCodeAt(j) !== COLON) return null;
  // `prog:` is followed by a space (rsyslog's sp-if-no-1st-sp adds one) or the end: that keeps
  // `connection1:0: ...` and `http://...` in untagged lines from being read as tags.
  const after = text.charCodeAt(j + 1);
  if (j + 1 < text.length && after !== SPACE && after !== 9) return null;
  return [program, pid, j + 1];
}

/**
 * Host and tag after the stamp at `i`. A first token that is itself a tag means the host column
 * is absent (journalctl --no-hostname, some forwarders); a line with no tag keeps the whole rest
 * as message (rsyslog `-- MARK --`).
 */
export function parseHostTag(text: string, i: number): HostTag {
  const sp = text.indexOf(' ', i);
  // Only a first token ending in ':' can be a tag without a host column.
  const direct = sp < 0 || text.charCodeAt(sp - 1) === COLON ? tagAt(text, i) : null;
  if (direct) return finishTag(text, undefined, direct);
  if (sp < 0) return i < text.length ? { host: text.slice(i), msgStart: text.length } : { msgStart: text.length };
  const host = text.slice(i, sp);
  const tag = tagAt(text, sp + 1);
  if (tag) return finishTag(text, host || undefined, tag);
  const out: HostTag = { msgStart: sp + 1 };
  if (host) out.host = host;
  return out;
}

function finishTag(text: string, host: string | undefined, tag: [string, number | undefined, number]): HostTag {
  let msgStart = tag[2];
  if (text.charCodeAt(msgStart) === SPACE) msgStart++;
  const out: HostTag = { program: tag[0], msgStart };
  if (host !== undefined) out.host = host;
  if (tag[1] !== undefined) out.pid = tag[1];
  return out;
}

/**
 * A record for an envelope line whose stamp ends before `bodyStart`: host and tag read, the
 * message taken as printed (after `decode`, for syslog's control-character escapes).
 */
export function envelopeRecord(
  text: string,
  at: Provenance,
  stamp: Stamp,
  bodyStart: number,
  source: SourceKind,
  format: string,
  fallbackHost: string | undefined,
  decode?: (message: string) => string,
): ParsedRecord {
  const ht = parseHostTag(text, bodyStart);
  const message = text.slice(ht.msgStart);
  const rec: ParsedRecord = {
    stamp,
    source,
    format,
    message: decode ? decode(message) : message,
    fields: {},
    raw: text,
    at: provenance(at),
  };
  applyHostTag(rec, ht, fallbackHost);
  return rec;
}

/** Copies host/program/pid onto a record, host falling back to the file's host. */
export function applyHostTag(rec: ParsedRecord, ht: HostTag, fallbackHost: string | undefined): void {
  const host = ht.host ?? fallbackHost;
  if (host !== undefined) rec.host = host;
  if (ht.program !== undefined) rec.program = ht.program;
  if (ht.pid !== undefined) rec.pid = ht.pid;
}

/**
 * A kernel line read through rsyslog's imklog keeps printk's `[%5lu.%06lu] ` prefix (and a
 * CONFIG_PRINTK_CALLER `[  T1234] `): move them out of the message into `uptime` and a field.
 */
export function takePrintkPrefix(rec: ParsedRecord): void {
  const up = parseUptimeBracket(rec.message, 0);
  if (!up) return;
  rec.uptime = up.seconds;
  let i = up.end;
  if (rec.message.charCodeAt(i) === SPACE) i++;
  const caller = callerAt(rec.message, i);
  if (caller) {
    rec.fields['kernel.caller'] = caller[0];
    i = caller[1];
  }
  rec.message = rec.message.slice(i);
}

/** `[  T1234] ` / `[    C3] ` (CONFIG_PRINTK_CALLER) at `i`: [id, index after]. */
export function callerAt(text: string, i: number): [string, number] | null {
  if (text.charCodeAt(i) !== LBRACKET) return null;
  let j = i + 1;
  while (text.charCodeAt(j) === SPACE) j++;
  const kind = text.charCodeAt(j);
  if (kind !== 84 && kind !== 67) return null; // T / C
  const idStart = j;
  j++;
  while (isDigitCode(text.charCodeAt(j))) j++;
  if (j === idStart + 1 || text.charCodeAt(j) !== RBRACKET) return null;
  const id = text.slice(idStart, j);
  j++;
  if (text.charCodeAt(j) === SPACE) j++;
  return [id, j];
}

/**
 * Completes an envelope record once all its lines are known: kernel printk prefix, then the Go
 * log shape inside the message (klog header -> `inner` wall clock, logrus `time=` -> `inner`
 * absolute clock), whose severity wins over the envelope's.
 */
export function finishEnvelope(rec: ParsedRecord): void {
  if (rec.program === 'kernel') takePrintkPrefix(rec);
  const go = readGoLog(rec.message, rec.fields);
  if (!go) return;
  if (go.stamp.kind !== 'none') rec.inner = go.stamp;
  if (go.severity) rec.severity = go.severity;
  if (rec.pid === undefined && go.pid !== undefined) rec.pid = go.pid;
}

/**
 * State for joining klog continuation lines that arrive as separate envelope entries
 * (FORMATS.md 4.4): after a klog record of the same host/program/pid, a message starting with a
 * TAB (8 spaces in journalctl, `#011` in syslog) or a ` >` block end continues it; inside an open
 * `key=<` block every line does.
 */
export class KlogJoin {
  private klog = false;
  private blockOpen = false;

  /** A new head record: remember whether it is klog and opens a block. */
  start(message: string): void {
    this.klog = mayBeKlogHeader(message);
    this.blockOpen = this.klog && message.endsWith('=<');
  }

  /** True when `message` (of an adjacent line from the same writer) continues the klog record. */
  continues(message: string): boolean {
    if (!this.klog) return false;
    const trimmed = message.trimStart();
    if (this.blockOpen) {
      if (trimmed.startsWith('>')) this.blockOpen = message.endsWith('=<');
      return true;
    }
    if (trimmed.startsWith('>') && trimmed.length <= 1) return true;
    const tabbed = message.charCodeAt(0) === 9 || message.startsWith('        ');
    if (tabbed && message.endsWith('=<')) this.blockOpen = true;
    return tabbed;
  }

  /** True while a `key=<` block is open (the parser asks for the next line). */
  get open(): boolean {
    return this.blockOpen;
  }
}

/** Same writer: host, program and pid equal (the conditions for an envelope continuation). */
export function sameWriter(a: ParsedRecord, b: { host?: string; program?: string; pid?: number }): boolean {
  return a.host === b.host && a.program === b.program && a.pid === b.pid;
}
