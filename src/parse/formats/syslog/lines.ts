import type { ParsedRecord, Provenance, Stamp } from '../../../model/index.js';
import { SPACE } from '../../text/chars.js';
import { isoAbsolute, isoWall, parseBsdStamp, parseIso } from '../../text/stamps.js';
import { provenance } from '../base.js';
import { envelopeRecord } from '../envelope.js';
import { FACILITY_NAMES, severityOf } from '../severity.js';
import { decodeControlEscapes, repeatedMessage } from './escapes.js';

/**
 * One parse function per syslog file layout (FORMATS.md 1.1-1.3). Each returns a record with
 * its envelope read (stamp, host, tag, escapes decoded) or null when the line is not in that
 * layout; the parser completes the record (printk prefix, klog inside) when it is emitted.
 */
export type SyslogLine = (text: string, at: Provenance, fallbackHost: string | undefined) => ParsedRecord | null;

function syslogRecord(
  text: string,
  at: Provenance,
  stamp: Stamp,
  bodyStart: number,
  format: string,
  fallbackHost: string | undefined,
): ParsedRecord {
  const rec = envelopeRecord(text, at, stamp, bodyStart, 'syslog', format, fallbackHost, decodeControlEscapes);
  const repeated = repeatedMessage(rec.message);
  if (repeated) {
    rec.fields.repeated = String(repeated[0]);
    rec.message = repeated[1];
  }
  return rec;
}

/** RSYSLOG_TraditionalFileFormat: `Mon DD hh:mm:ss HOST TAG MSG` (day space- or zero-padded). */
export const rfc3164: SyslogLine = (text, at, fallbackHost) => {
  const p = parseBsdStamp(text, 0);
  if (!p || p.stamp.precision !== 's' || text.charCodeAt(p.end) !== SPACE) return null;
  return syslogRecord(text, at, p.stamp, p.end + 1, 'syslog-rfc3164', fallbackHost);
};

/** RSYSLOG_FileFormat: `YYYY-MM-DDThh:mm:ss.ffffff±hh:mm HOST TAG MSG`. */
export const rfc3339: SyslogLine = (text, at, fallbackHost) => {
  const p = parseIso(text, 0);
  if (!p || Number.isNaN(p.offsetMinutes) || text.charCodeAt(p.end) !== SPACE) return null;
  return syslogRecord(text, at, isoAbsolute(text, 0, p), p.end + 1, 'syslog-rfc3339', fallbackHost);
};

/** Next space-separated header field of an RFC 5424 line: [value or undefined for '-', end]. */
function field5424(text: string, i: number): [string | undefined, number] | null {
  const sp = text.indexOf(' ', i);
  if (sp <= i) return null;
  const v = text.slice(i, sp);
  return [v === '-' ? undefined : v, sp + 1];
}

/** Structured data `[id name="value" ...]...` at `i` into fields `id.name`; returns the end. */
function structuredData(text: string, i: number, fields: Record<string, string>): number {
  if (text.charCodeAt(i) === 45) return i + 1; // '-'
  while (text.charCodeAt(i) === 91) {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== 93) j++;
    const id = text.slice(i + 1, j);
    while (text.charCodeAt(j) === SPACE) {
      const eq = text.indexOf('="', j);
      if (eq < 0) return -1;
      const name = text.slice(j + 1, eq);
      let k = eq + 2;
      let value = '';
      let run = k;
      while (k < text.length && text.charCodeAt(k) !== 34) {
        if (text.charCodeAt(k) === 92 && k + 1 < text.length) {
          value += text.slice(run, k);
          run = k + 1;
          k += 2;
          continue;
        }
        k++;
      }
      if (k >= text.length) return -1;
      fields[`${id}.${name}`] = value + text.slice(run, k);
      j = k + 1;
    }
    if (text.charCodeAt(j) !== 93) return -1;
    i = j + 1;
  }
  return i;
}

/** RFC 5424: `<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD [BOM]MSG`. */
export const rfc5424: SyslogLine = (text, at, fallbackHost) => {
  if (text.charCodeAt(0) !== 60) return null;
  const gt = text.indexOf('>');
  if (gt < 2 || gt > 4) return null;
  const pri = Number(text.slice(1, gt));
  if (!Number.isInteger(pri) || pri > 191 || text.charCodeAt(gt + 1) !== 49 || text.charCodeAt(gt + 2) !== SPACE) {
    return null;
  }
  let i = gt + 3;
  let stamp: Stamp = { kind: 'none' };
  if (text.charCodeAt(i) === 45) i += 2;
  else {
    const p = parseIso(text, i);
    if (!p || text.charCodeAt(p.end) !== SPACE) return null;
    stamp = Number.isNaN(p.offsetMinutes) ? isoWall(text, i, p) : isoAbsolute(text, i, p);
    i = p.end + 1;
  }
  const host = field5424(text, i);
  const app = host && field5424(text, host[1]);
  const procid = app && field5424(text, app[1]);
  const msgid = procid && field5424(text, procid[1]);
  if (!msgid) return null;
  const fields: Record<string, string> = { 'syslog.facility': FACILITY_NAMES[pri >> 3] ?? String(pri >> 3) };
  const sdEnd = structuredData(text, msgid[1], fields);
  if (sdEnd < 0) return null;
  let message = text.slice(sdEnd).replace(/^ /, '');
  if (message.charCodeAt(0) === 0xfeff) message = message.slice(1);
  if (msgid[0] !== undefined) fields.msgid = msgid[0];
  const rec: ParsedRecord = {
    stamp,
    source: 'syslog',
    format: 'syslog-rfc5424',
    message,
    fields,
    raw: text,
    at: provenance(at),
  };
  const h = host[0] ?? fallbackHost;
  if (h !== undefined) rec.host = h;
  if (app[0] !== undefined) rec.program = app[0];
  if (procid[0] !== undefined && /^\d+$/.test(procid[0])) rec.pid = Number(procid[0]);
  const sev = severityOf(pri & 7);
  if (sev) rec.severity = sev;
  return rec;
};
