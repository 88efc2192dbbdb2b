import type { Severity, WallStamp } from '../../../model/index.js';
import { COLON, digits2, digitsN, DOT, isDigitCode, RBRACKET, SPACE } from '../../text/chars.js';
import { daysInMonth } from '../../clock/civil.js';

/**
 * The klog header (`k8s.io/klog/v2` FormatHeader, FORMATS.md 4.1):
 * `SEV MMDD hh:mm:ss.uuuuuu PID file:line] body`, PID right-aligned in 7 columns (any width
 * accepted), FILE a basename or a path (-add_dir_header), an optional space before `]`
 * (the FormatHeaderWithSpace variant).
 */
export interface KlogHeader {
  severity: 'I' | 'W' | 'E' | 'F';
  /** Month, day, time and microseconds: no year, no zone (the writer's local time). */
  stamp: WallStamp;
  pid: number;
  file: string;
  line: number;
  /** Index where the body starts (after `] `). */
  bodyStart: number;
}

export const KLOG_SEVERITY: Record<KlogHeader['severity'], Severity> = {
  I: 'info',
  W: 'warning',
  E: 'error',
  F: 'critical',
};

function severityLetter(c: number): KlogHeader['severity'] | null {
  return c === 73 ? 'I' : c === 87 ? 'W' : c === 69 ? 'E' : c === 70 ? 'F' : null;
}

/** Cheap test: a klog header may start at `i` (severity letter followed by a digit). */
export function mayBeKlogHeader(text: string, i = 0): boolean {
  return severityLetter(text.charCodeAt(i)) !== null && isDigitCode(text.charCodeAt(i + 1));
}

/** Parses a klog header at `i`, or returns null when the text does not have that shape. */
export function parseKlogHeader(text: string, i = 0): KlogHeader | null {
  const severity = severityLetter(text.charCodeAt(i));
  if (severity === null) return null;
  const month = digits2(text, i + 1);
  const day = digits2(text, i + 3);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(undefined, month)) return null;
  if (text.charCodeAt(i + 5) !== SPACE || text.charCodeAt(i + 8) !== COLON || text.charCodeAt(i + 11) !== COLON) return null;
  const hour = digits2(text, i + 6);
  const minute = digits2(text, i + 9);
  const second = digits2(text, i + 12);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return null;
  if (text.charCodeAt(i + 14) !== DOT) return null;
  const micros = digitsN(text, i + 15, 6);
  if (micros < 0 || text.charCodeAt(i + 21) !== SPACE) return null;
  let j = i + 22;
  while (text.charCodeAt(j) === SPACE) j++;
  const pidStart = j;
  let pid = 0;
  for (let c = text.charCodeAt(j); isDigitCode(c); c = text.charCodeAt(++j)) pid = pid * 10 + (c - 48);
  if (j === pidStart || j - pidStart > 12 || text.charCodeAt(j) !== SPACE) return null;
  const fileStart = ++j;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === COLON || c === SPACE || c === 9) break;
    j++;
  }
  if (j === fileStart || text.charCodeAt(j) !== COLON) return null;
  const file = text.slice(fileStart, j);
  const lineStart = ++j;
  let line = 0;
  for (let c = text.charCodeAt(j); isDigitCode(c); c = text.charCodeAt(++j)) line = line * 10 + (c - 48);
  if (j === lineStart || j - lineStart > 9) return null;
  if (text.charCodeAt(j) === SPACE) j++;
  if (text.charCodeAt(j) !== RBRACKET) return null;
  j++;
  if (j < text.length && text.charCodeAt(j) !== SPACE) return null;
  const stamp: WallStamp = {
    kind: 'wall',
    month,
    day,
    hour,
    minute,
    second,
    micros,
    precision: 'us',
    text: text.slice(i + 1, i + 21),
  };
  return { severity, stamp, pid, file, line, bodyStart: Math.min(j + 1, text.length) };
}
