/**
 * Reading Go-quoted strings (`strconv.Quote`, `%q`) as klog and logrus print them.
 */

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function hexAt(text: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const h = hexValue(text.charCodeAt(i + k));
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * Reads a Go double-quoted string whose opening quote is at `start`. Returns the decoded value
 * and the index after the closing quote, or null when the string does not close on this text.
 * Unknown escapes are kept verbatim (lossy input must never fail the line).
 */
export function readGoString(text: string, start: number): { value: string; end: number } | null {
  let i = start + 1;
  // Fast path: no escapes before the closing quote.
  const close = text.indexOf('"', i);
  if (close < 0) return null;
  // Look for a backslash only up to the first quote: an indexOf over the whole line per value
  // made pair-heavy klog lines quadratic.
  let plain = true;
  for (let k = i; k < close; k++) {
    if (text.charCodeAt(k) === 92) {
      plain = false;
      break;
    }
  }
  if (plain) return { value: text.slice(i, close), end: close + 1 };
  let out = '';
  let runStart = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      out += text.slice(runStart, i);
      return { value: out, end: i + 1 };
    }
    if (c !== 92) {
      i++;
      continue;
    }
    out += text.slice(runStart, i);
    const e = text[i + 1];
    if (e === undefined) return null;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const v = hexAt(text, i + 2, n);
      if (v < 0 || v > 0x10ffff) {
        out += text.slice(i, i + 2);
        i += 2;
      } else {
        out += String.fromCodePoint(v);
        i += 2 + n;
      }
    } else if (e >= '0' && e <= '7') {
      const v = parseInt(text.slice(i + 1, i + 4), 8);
      if (/^[0-7]{3}$/.test(text.slice(i + 1, i + 4))) {
        out += String.fromCharCode(v);
        i += 4;
      } else {
        out += text.slice(i, i + 2);
        i += 2;
      }
    } else {
      out += text.slice(i, i + 2);
      i += 2;
    }
    runStart = i;
  }
  return null;
}
