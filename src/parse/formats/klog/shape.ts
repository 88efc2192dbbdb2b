import { daysInMonth } from '../../clock/civil.js';
import { d2, isDigit } from '../syslog/shape.js';

/**
 * Shape probe of klog text files (see syslog/shape.ts): a klog header, check for check as
 * parseKlogHeader reads it. Headerless lines (continuations, klog JSON, logrus) answer false:
 * they are parsed, the scanner walking back to the head of the record they continue.
 */
export function klogShape(t: string, s: number, e: number): boolean {
  const sev = t.charCodeAt(s);
  if (e - s < 28 || (sev !== 73 && sev !== 87 && sev !== 69 && sev !== 70)) return false;
  const month = d2(t, s + 1);
  const day = d2(t, s + 3);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(undefined, month)) return false;
  if (t.charCodeAt(s + 5) !== 32 || t.charCodeAt(s + 8) !== 58 || t.charCodeAt(s + 11) !== 58) return false;
  const h = d2(t, s + 6);
  const m = d2(t, s + 9);
  const sec = d2(t, s + 12);
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60 || t.charCodeAt(s + 14) !== 46) return false;
  for (let k = s + 15; k < s + 21; k++) if (!isDigit(t.charCodeAt(k))) return false;
  if (t.charCodeAt(s + 21) !== 32) return false;
  let j = s + 22;
  while (t.charCodeAt(j) === 32) j++;
  const pid = j;
  while (isDigit(t.charCodeAt(j))) j++;
  if (j === pid || j - pid > 12 || t.charCodeAt(j) !== 32) return false;
  const file = ++j;
  for (; j < e; j++) {
    const c = t.charCodeAt(j);
    if (c === 58 || c === 32 || c === 9) break;
  }
  if (j === file || j >= e || t.charCodeAt(j) !== 58) return false;
  const line = ++j;
  while (isDigit(t.charCodeAt(j))) j++;
  if (j === line || j - line > 9) return false;
  if (t.charCodeAt(j) === 32) j++;
  if (t.charCodeAt(j) !== 93) return false;
  j++;
  return j >= e || t.charCodeAt(j) === 32;
}
