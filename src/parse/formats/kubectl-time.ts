import type { AbsoluteStamp, AgeStamp } from '../../model/index.js';

/**
 * Times in kubectl output: metav1.Time (`2026-05-28T10:21:04Z`, seconds), MicroTime
 * (`2026-05-28T10:21:04.123456Z`), any RFC3339 offset; and the relative ages of pasted tables
 * (`5d6h`, `2m13s`, `<unknown>`), resolved later by the clock against the snapshot time.
 */

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?([Zz]|[+-]\d\d:?\d\d)$/;

export function parseKubeTime(text: string): AbsoluteStamp | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return undefined;
  if (zone !== 'Z' && zone !== 'z') {
    const z = zone!.replace(':', '');
    const off = (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * (z[0] === '-' ? -1 : 1);
    ms -= off * 60_000;
  }
  const micros = frac ? Number(frac.slice(0, 6).padEnd(6, '0')) : 0;
  const precision = !frac ? 's' : frac.length <= 3 ? 'ms' : 'us';
  return { kind: 'absolute', utcMicros: ms * 1000 + micros, precision, text };
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const RFC1123Z = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})\b/g;

/**
 * The absolute times `kubectl describe` prints (Go's RFC1123Z, `Fri, 12 Jun 2026 08:40:51
 * +1000`: `Start Time:`, `Started:`, `Finished:`, `CreationTimestamp:`, condition heartbeats)
 * found in a line, in order.
 */
export function describeTimes(line: string): AbsoluteStamp[] {
  if (!line.includes(', ')) return [];
  const out: AbsoluteStamp[] = [];
  for (const m of line.matchAll(RFC1123Z)) {
    const [text, d, mon, y, h, mi, s, sign, oh, om] = m;
    const ms = Date.UTC(Number(y), MONTHS[mon!]!, Number(d), Number(h), Number(mi), Number(s));
    const off = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    if (Number.isNaN(ms) || new Date(ms).getUTCDate() !== Number(d)) continue;
    out.push({ kind: 'absolute', utcMicros: (ms - off * 60_000) * 1000, precision: 's', text: text!, offsetMinutes: off });
  }
  return out;
}

/** The state of an object at the moment the snapshot was taken (age 0). */
export const AT_SNAPSHOT: AgeStamp = { kind: 'age', seconds: 0, errorSeconds: 0, text: 'snapshot' };

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, y: 365 * 86_400 };
const AGE = /^(?:\d+[smhdy])+$/;

/**
 * A kubectl HumanDuration (`0s`, `2m13s`, `5d6h`, `3y20d`) as an AgeStamp; the unit of its last
 * component is the error bar. Undefined for `<unknown>`, `<invalid>` and anything else.
 */
export function parseAge(text: string): AgeStamp | undefined {
  const t = text.trim();
  if (!AGE.test(t)) return undefined;
  let seconds = 0;
  let unit = 1;
  for (const m of t.matchAll(/(\d+)([smhdy])/g)) {
    unit = UNIT_SECONDS[m[2]!]!;
    seconds += Number(m[1]) * unit;
  }
  return { kind: 'age', seconds, errorSeconds: unit, text: t };
}

/** `5m (x3 over 20m)` → last, count and first ages; a plain age is both first and last. */
export function parseAgeInterval(text: string): { last?: AgeStamp; first?: AgeStamp; count?: number } {
  const m = /^(\S+)\s+\(x(\d+) over (\S+)\)$/.exec(text.trim());
  if (!m) {
    const a = parseAge(text);
    return a ? { last: a } : {};
  }
  const out: { last?: AgeStamp; first?: AgeStamp; count?: number } = { count: Number(m[2]) };
  const last = parseAge(m[1]!);
  const first = parseAge(m[3]!);
  if (last) out.last = last;
  if (first) out.first = first;
  return out;
}
