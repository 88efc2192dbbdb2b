import type { ParsedRecord, Provenance, Stamp, WallStamp } from '../../../model/index.js';
import { isDigitCode, SPACE, weekdayAt } from '../../text/chars.js';
import { isoAbsolute, isoWall, parseBsdStamp, parseIso, parseUptimeBracket } from '../../text/stamps.js';
import { envelopeRecord } from '../envelope.js';
import type { LineLayout } from '../envelope-parser.js';

/**
 * The journalctl text modes (FORMATS.md 3.1): `TIME [SP HOST] SP IDENT[PID]: MSG`, one layout
 * per `-o` mode. Each returns null when the line's time is not in its shape.
 */

const BLOB = /^\[(\d+(?:\.\d+)?[KMGTPE]?B?) blob data\]$/;

function journalRecord(
  text: string,
  at: Provenance,
  stamp: Stamp,
  bodyStart: number,
  format: string,
  fallbackHost: string | undefined,
): ParsedRecord {
  const rec = envelopeRecord(text, at, stamp, bodyStart, 'journal', format, fallbackHost);
  if (rec.message.endsWith(' blob data]')) {
    const blob = BLOB.exec(rec.message);
    if (blob) rec.fields['journal.blob'] = blob[1]!;
  }
  return rec;
}

/** `short`: `Mon DD hh:mm:ss` (day zero-padded; space-padded accepted). */
export const short: LineLayout = (text, at, host) => {
  const p = parseBsdStamp(text, 0);
  if (!p || p.stamp.precision !== 's' || text.charCodeAt(p.end) !== SPACE) return null;
  return journalRecord(text, at, p.stamp, p.end + 1, 'journal-short', host);
};

/** `short-precise`: `Mon DD hh:mm:ss.uuuuuu`. */
export const shortPrecise: LineLayout = (text, at, host) => {
  const p = parseBsdStamp(text, 0);
  if (!p || p.stamp.precision === 's' || text.charCodeAt(p.end) !== SPACE) return null;
  return journalRecord(text, at, p.stamp, p.end + 1, 'journal-short-precise', host);
};

/** `short-iso` / `short-iso-precise`: RFC 3339 with `Z`, `+hh:mm` or `+hhmm`. */
function iso(precise: boolean): LineLayout {
  const format = precise ? 'journal-short-iso-precise' : 'journal-short-iso';
  return (text, at, host) => {
    const p = parseIso(text, 0);
    if (!p || Number.isNaN(p.offsetMinutes) || p.fractionDigits > 0 !== precise) return null;
    if (text.charCodeAt(p.end) !== SPACE) return null;
    return journalRecord(text, at, isoAbsolute(text, 0, p), p.end + 1, format, host);
  };
}
export const shortIso = iso(false);
export const shortIsoPrecise = iso(true);

/** A numeric zone printed in place of an abbreviation (`+10`, `-0330`, `+05:30`): minutes, or NaN. */
function numericZone(zone: string): number {
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (!m) return Number.NaN;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** `short-full`: `Thu 2026-05-28 20:21:04 AEST` (zone abbreviation, resolved by the clock). */
export const shortFull: LineLayout = (text, at, host) => {
  if (!weekdayAt(text, 0) || text.charCodeAt(3) !== SPACE) return null;
  const p = parseIso(text, 4, true);
  if (!p || !Number.isNaN(p.offsetMinutes) || text.charCodeAt(p.end) !== SPACE) return null;
  const zoneEnd = text.indexOf(' ', p.end + 1);
  if (zoneEnd < 0) return null;
  const zone = text.slice(p.end + 1, zoneEnd);
  if (!/^[A-Za-z][A-Za-z0-9]{0,5}$|^[+-]\d\d(:?\d\d)?$/.test(zone)) return null;
  const offset = numericZone(zone);
  let stamp: Stamp;
  if (Number.isNaN(offset)) {
    const wall: WallStamp = isoWall(text, 4, p);
    wall.text = text.slice(0, zoneEnd);
    wall.zoneAbbrev = zone;
    stamp = wall;
  } else {
    const abs = isoAbsolute(text, 4, { ...p, offsetMinutes: offset });
    abs.text = text.slice(0, zoneEnd);
    stamp = abs;
  }
  return journalRecord(text, at, stamp, zoneEnd + 1, 'journal-short-full', host);
};

/** `short-unix`: `1780000000.123456` seconds since the epoch (`12.345678` on a clock at 1970, a board without RTC). */
export const shortUnix: LineLayout = (text, at, host) => {
  let i = 0;
  while (isDigitCode(text.charCodeAt(i))) i++;
  if (i < 1 || i > 11 || text.charCodeAt(i) !== 46) return null;
  let j = i + 1;
  while (isDigitCode(text.charCodeAt(j))) j++;
  if (j - i - 1 !== 6 || text.charCodeAt(j) !== SPACE) return null;
  const stamp: Stamp = {
    kind: 'absolute',
    utcMicros: Number(text.slice(0, i)) * 1_000_000 + Number(text.slice(i + 1, j)),
    precision: 'us',
    text: text.slice(0, j),
  };
  return journalRecord(text, at, stamp, j + 1, 'journal-short-unix', host);
};

/** `short-monotonic` (`[ 1234.567890]`) and `short-delta` (`[ 1234.567890 <    0.000123>]`). */
export const shortMonotonic: LineLayout = (text, at, host) => {
  if (text.charCodeAt(0) !== 91) return null;
  const close = text.indexOf(']');
  const lt = text.indexOf(' <', 1);
  const delta = lt > 0 && lt < close && text.charCodeAt(close - 1) === 62;
  const up = parseUptimeBracket(delta ? `${text.slice(0, lt)}]` : text, 0);
  if (!up || text.charCodeAt(close + 1) !== SPACE) return null;
  const stamp: Stamp = { kind: 'uptime', seconds: up.seconds, text: text.slice(0, close + 1) };
  const rec = journalRecord(text, at, stamp, close + 2, 'journal-short-monotonic', host);
  rec.uptime = up.seconds;
  return rec;
};

/** All layouts in the order they are tried after the sniffed one. */
export const JOURNAL_LAYOUTS: readonly LineLayout[] = [
  short,
  shortPrecise,
  shortIso,
  shortIsoPrecise,
  shortFull,
  shortUnix,
  shortMonotonic,
];
