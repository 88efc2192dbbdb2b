/**
 * Character-code helpers for the fixed-shape parsers. They read a string at an index without
 * allocating: a stamp parser walks the line once and slices only what it keeps.
 */

export const SPACE = 32;
export const TAB = 9;
export const COLON = 58;
export const DOT = 46;
export const COMMA = 44;
export const LBRACKET = 91;
export const RBRACKET = 93;
export const LT = 60;
export const GT = 62;
export const PLUS = 43;
export const MINUS = 45;
export const QUOTE = 34;

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Two decimal digits at `i` as a number, or -1. */
export function digits2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  // Negated ranges so that NaN (past the end of the text) fails too.
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  return a * 10 + b;
}

/** `n` decimal digits at `i` as a number, or -1. */
export function digitsN(text: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = text.charCodeAt(i + k) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Index of the first non-digit at or after `i`. */
export function skipDigits(text: string, i: number): number {
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

export function skipSpaces(text: string, i: number): number {
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Index of the next space (or the end of the text) at or after `i`. */
export function nextSpace(text: string, i: number): number {
  const j = text.indexOf(' ', i);
  return j < 0 ? text.length : j;
}

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The English month abbreviation at `i` as 1..12, or 0. */
export function monthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  // Dispatch on the first letter so most lines compare one or two names, not twelve.
  switch (c) {
    case 74: // J
      return text.startsWith('Jan', i) ? 1 : text.startsWith('Jun', i) ? 6 : text.startsWith('Jul', i) ? 7 : 0;
    case 70: // F
      return text.startsWith('Feb', i) ? 2 : 0;
    case 77: // M
      return text.startsWith('Mar', i) ? 3 : text.startsWith('May', i) ? 5 : 0;
    case 65: // A
      return text.startsWith('Apr', i) ? 4 : text.startsWith('Aug', i) ? 8 : 0;
    case 83: // S
      return text.startsWith('Sep', i) ? 9 : 0;
    case 79: // O
      return text.startsWith('Oct', i) ? 10 : 0;
    case 78: // N
      return text.startsWith('Nov', i) ? 11 : 0;
    case 68: // D
      return text.startsWith('Dec', i) ? 12 : 0;
    default:
      return 0;
  }
}

/** True when an English weekday abbreviation starts at `i`. */
export function weekdayAt(text: string, i: number): boolean {
  for (const w of WEEKDAY_NAMES) if (text.startsWith(w, i)) return true;
  return false;
}

/** True when the text holds only spaces and tabs (or nothing). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** Ident characters of a key in `key=value` pairs: letters, digits, `_ . - /`. */
export function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 || c === 47
  );
}

export function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
