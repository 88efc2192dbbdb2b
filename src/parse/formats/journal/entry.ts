import type { ParsedRecord, Provenance, Stamp } from '../../../model/index.js';
import { provenance } from '../base.js';
import { finishEnvelope } from '../envelope.js';
import { severityOf } from '../severity.js';

/**
 * One journal entry as the JSON modes print it (FORMATS.md 3.3): every value a string, a byte
 * array (not printable UTF-8), null (too large without --all), or an array of those (a field
 * repeated in the entry).
 */

function decodeValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v === null) return undefined;
  if (Array.isArray(v)) {
    if (v.every((b) => typeof b === 'number')) return Buffer.from(v as number[]).toString('utf8');
    const parts = v.map(decodeValue).filter((s): s is string => s !== undefined);
    return parts.join('\n');
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function micros(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d{1,19}$/.test(v)) return undefined;
  return Number(v);
}

/** The record of one entry object, or null when `obj` is not an object. */
export function journalEntry(
  obj: unknown,
  raw: string,
  at: Provenance,
  format: string,
  fallbackHost: string | undefined,
): ParsedRecord | null {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return null;
  const fields: Record<string, string> = {};
  let message = '';
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    const text = decodeValue(value);
    if (key === 'MESSAGE') {
      if (text === undefined) fields['journal.message'] = 'null';
      else message = text;
    } else if (text !== undefined) fields[key] = text;
  }
  // journalctl prints _SOURCE_REALTIME_TIMESTAMP (the sender's time) when present.
  const sourceRealtime = micros(fields._SOURCE_REALTIME_TIMESTAMP);
  const realtime = sourceRealtime ?? micros(fields.__REALTIME_TIMESTAMP);
  const stamp: Stamp =
    realtime === undefined
      ? { kind: 'none' }
      : { kind: 'absolute', utcMicros: realtime, precision: 'us', text: String(realtime) };
  const rec: ParsedRecord = { stamp, source: 'journal', format, message, fields, raw, at: provenance(at) };
  // Uptime pairs with the stamp: the kernel's own monotonic time, or the receive-side pair.
  const mono = micros(fields._SOURCE_MONOTONIC_TIMESTAMP) ?? (sourceRealtime === undefined ? micros(fields.__MONOTONIC_TIMESTAMP) : undefined);
  if (mono !== undefined) rec.uptime = mono / 1_000_000;
  const host = fields._HOSTNAME ?? fallbackHost;
  if (host !== undefined) rec.host = host;
  const program = fields.SYSLOG_IDENTIFIER ?? fields._COMM;
  if (program !== undefined) rec.program = program;
  const pid = Number(fields._PID ?? fields.SYSLOG_PID);
  if (Number.isInteger(pid) && pid > 0) rec.pid = pid;
  const severity = severityOf(Number(fields.PRIORITY));
  if (fields.PRIORITY !== undefined && severity) rec.severity = severity;
  if (fields._BOOT_ID !== undefined) rec.bootId = fields._BOOT_ID;
  finishEnvelope(rec);
  return rec;
}
