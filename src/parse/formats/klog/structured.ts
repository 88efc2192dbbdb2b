import type { AbsoluteStamp, Severity, Stamp } from '../../../model/index.js';
import { isoAbsolute, parseIso } from '../../text/stamps.js';
import { KLOG_SEVERITY, parseKlogHeader, type KlogHeader } from './header.js';
import { parseKlogBody, readPairs } from './pairs.js';

/**
 * The three Go log shapes hows reads inside any envelope and as bare files: klog text
 * (FORMATS.md 4.1/4.2), klog JSON (4.3) and logrus text (`time="..." level=... msg="..."`).
 * Each reader fills `fields` and returns the line's own clock and severity, or null when the
 * text is not in that shape.
 */
export interface GoLogLine {
  kind: 'klog' | 'klog-json' | 'logrus';
  stamp: Stamp;
  severity?: Severity;
  pid?: number;
}

/** klog text: header parts into `fields` (`klog.severity`, `klog.file`, `klog.line`), body pairs. */
export function readKlog(text: string, fields: Record<string, string>): (GoLogLine & { header: KlogHeader }) | null {
  const header = parseKlogHeader(text, 0);
  if (!header) return null;
  fields['klog.severity'] = header.severity;
  fields['klog.file'] = header.file;
  fields['klog.line'] = String(header.line);
  parseKlogBody(text.slice(header.bodyStart), fields);
  return { kind: 'klog', stamp: header.stamp, severity: KLOG_SEVERITY[header.severity], pid: header.pid, header };
}

function jsonValueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
}

/**
 * klog JSON (component-base `--logging-format=json`): `ts` is milliseconds since the epoch
 * (a float), `v` only on info lines, `err` on errors; every other key is a pair.
 */
export function readKlogJson(text: string, fields: Record<string, string>): GoLogLine | null {
  if (!text.startsWith('{"ts":')) return null;
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return null;
  const rec = obj as Record<string, unknown>;
  const ts = rec.ts;
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return null;
  for (const [k, v] of Object.entries(rec)) if (k !== 'ts') fields[k] = jsonValueText(v);
  if (typeof rec.caller === 'string') {
    const colon = rec.caller.lastIndexOf(':');
    if (colon > 0) {
      fields['klog.file'] = rec.caller.slice(0, colon);
      fields['klog.line'] = rec.caller.slice(colon + 1);
    }
  }
  const severity: Severity = 'v' in rec ? 'info' : 'error';
  fields['klog.severity'] = severity === 'info' ? 'I' : 'E';
  const stamp: AbsoluteStamp = {
    kind: 'absolute',
    utcMicros: Math.round(ts * 1000),
    precision: Number.isInteger(ts) ? 'ms' : 'us',
    text: String(ts),
  };
  return { kind: 'klog-json', stamp, severity };
}

const LOGRUS_LEVELS: Record<string, Severity> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warning: 'warning',
  warn: 'warning',
  error: 'error',
  fatal: 'critical',
  panic: 'alert',
};

/**
 * logrus text formatter (containerd, Jiva, Jiva CSI): logfmt pairs with `time` (RFC 3339,
 * absolute), `level` and `msg`. Lines without `time=` (DisableTimestamp) are read too.
 */
export function readLogrus(text: string, fields: Record<string, string>): GoLogLine | null {
  if (!text.startsWith('time=') && !text.startsWith('level=')) return null;
  const local: Record<string, string> = {};
  readPairs(text, 0, local, 'logfmt');
  if (local.level === undefined || (text.startsWith('time=') && local.time === undefined)) return null;
  let stamp: Stamp = { kind: 'none' };
  if (local.time !== undefined) {
    const p = parseIso(local.time, 0);
    if (!p || Number.isNaN(p.offsetMinutes) || p.end !== local.time.length) return null;
    stamp = isoAbsolute(local.time, 0, p);
  }
  Object.assign(fields, local);
  const severity = LOGRUS_LEVELS[local.level.toLowerCase()];
  return severity ? { kind: 'logrus', stamp, severity } : { kind: 'logrus', stamp };
}

/** Tries the three shapes, cheapest test first. */
export function readGoLog(text: string, fields: Record<string, string>): GoLogLine | null {
  const c = text.charCodeAt(0);
  if (c === 73 || c === 87 || c === 69 || c === 70) return readKlog(text, fields);
  if (c === 123) return readKlogJson(text, fields);
  if (c === 116 || c === 108) return readLogrus(text, fields);
  return null;
}
