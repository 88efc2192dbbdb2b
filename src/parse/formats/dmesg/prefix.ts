import type { AbsoluteStamp, Severity, WallStamp } from '../../../model/index.js';
import { isLeapYear } from '../../clock/civil.js';
import { COMMA, digitsN, isDigitCode, LBRACKET, RBRACKET, SPACE, weekdayAt } from '../../text/chars.js';
import { isoAbsolute, parseBsdStamp, parseIso, parseUptimeBracket } from '../../text/stamps.js';
import { callerAt } from '../envelope.js';
import { DMESG_LEVELS, FACILITY_NAMES, severityOf } from '../severity.js';

/**
 * The prefixes util-linux dmesg prints before a message (FORMATS.md 2.1), in any stacking:
 * `<PRI>` (-r), `kern  :err   : ` (-x), `[ 1234.567890]` (raw), `[Fri Jun 15 09:33:12 2018]`
 * (-T), `2023-12-22T12:26:24,559615-08:00` (iso), then `[  T1234]` (CONFIG_PRINTK_CALLER).
 */
export interface DmesgPrefix {
  uptime?: number;
  ctime?: WallStamp;
  iso?: AbsoluteStamp;
  severity?: Severity;
  facility?: string;
  caller?: string;
  /** Index where the message starts. */
  msgStart: number;
}

/** `[Www Mon dd hh:mm:ss YYYY]` (day space-padded) at `i`: [stamp, end]. */
export function ctimeAt(text: string, i: number): [WallStamp, number] | null {
  if (text.charCodeAt(i) !== LBRACKET || !weekdayAt(text, i + 1) || text.charCodeAt(i + 4) !== SPACE) return null;
  const p = parseBsdStamp(text, i + 5);
  if (!p || p.stamp.precision !== 's' || text.charCodeAt(p.end) !== SPACE) return null;
  const year = digitsN(text, p.end + 1, 4);
  if (year < 0 || text.charCodeAt(p.end + 5) !== RBRACKET) return null;
  const s = p.stamp;
  if (s.month === 2 && s.day === 29 && !isLeapYear(year)) return null;
  return [{ ...s, year, text: text.slice(i + 1, p.end + 5) }, p.end + 6];
}

/** `<PRI>` at the start: [severity, facility, end]. */
function priAt(text: string): [Severity | undefined, string, number] | null {
  if (text.charCodeAt(0) !== 60) return null;
  let j = 1;
  while (isDigitCode(text.charCodeAt(j))) j++;
  if (j === 1 || j > 5 || text.charCodeAt(j) !== 62) return null;
  const pri = Number(text.slice(1, j));
  return [severityOf(pri & 7), FACILITY_NAMES[pri >> 3] ?? String(pri >> 3), j + 1];
}

/** `kern  :err   : ` (-x, decode facility and level) at the start: [severity, facility, end]. */
function decodedAt(text: string): [Severity, string, number] | null {
  const c1 = text.indexOf(':');
  if (c1 < 2 || c1 > 13) return null;
  const facility = text.slice(0, c1).trimEnd();
  if (!FACILITY_NAMES.includes(facility)) return null;
  const c2 = text.indexOf(':', c1 + 1);
  if (c2 < 0 || c2 > c1 + 8) return null;
  const level = DMESG_LEVELS[text.slice(c1 + 1, c2).trimEnd()];
  if (!level || text.charCodeAt(c2 + 1) !== SPACE) return null;
  return [level, facility, c2 + 2];
}

/** Reads the prefixes of a dmesg line; null when it carries no time prefix at all. */
export function readDmesgPrefix(text: string): DmesgPrefix | null {
  const out: DmesgPrefix = { msgStart: 0 };
  let i = 0;
  const head = priAt(text) ?? decodedAt(text);
  if (head) {
    if (head[0]) out.severity = head[0];
    out.facility = head[1];
    i = head[2];
  }
  let timed = false;
  for (;;) {
    const c = text.charCodeAt(i);
    let end = -1;
    if (c === LBRACKET) {
      const up = out.uptime === undefined ? parseUptimeBracket(text, i) : null;
      if (up) {
        out.uptime = up.seconds;
        end = up.end;
      } else {
        const ct = out.ctime ? null : ctimeAt(text, i);
        if (ct) {
          out.ctime = ct[0];
          end = ct[1];
        } else if (timed && out.caller === undefined) {
          const caller = callerAt(text, i);
          if (caller) {
            out.caller = caller[0];
            i = caller[1];
            continue;
          }
        }
      }
    } else if (isDigitCode(c) && !out.iso) {
      // util-linux prints a comma before the microseconds; a dot is rsyslog's RFC 3339.
      const p = text.charCodeAt(i + 19) === COMMA ? parseIso(text, i) : null;
      if (p && !Number.isNaN(p.offsetMinutes)) {
        out.iso = isoAbsolute(text, i, p);
        end = p.end;
      }
    }
    if (end < 0) break;
    timed = true;
    i = text.charCodeAt(end) === SPACE ? end + 1 : end;
  }
  if (!timed) return null;
  out.msgStart = i;
  return out;
}
