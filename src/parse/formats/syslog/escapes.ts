/**
 * rsyslog control-character escapes and the `message repeated` reduction (FORMATS.md 1.1).
 */

function octal3(text: string, i: number): number {
  let v = 0;
  for (let k = 0; k < 3; k++) {
    const d = text.charCodeAt(i + k) - 48;
    if (!(d >= 0 && d <= 7)) return -1;
    v = v * 8 + d;
  }
  return v;
}

/**
 * Decodes `#ooo` (rsyslog's default escape, `#011` = TAB) and `\ooo` (the prefix the docs name).
 * Only control characters are ever escaped, so only values below 040 and 0177 are decoded:
 * `issue #123` stays as written.
 */
export function decodeControlEscapes(text: string): string {
  if (text.indexOf('#') < 0 && text.indexOf('\\') < 0) return text;
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 35 && c !== 92) continue;
    const v = octal3(text, i + 1);
    if (v < 0 || (v >= 0o40 && v !== 0o177)) continue;
    out += text.slice(run, i) + String.fromCharCode(v);
    i += 3;
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

const REPEATED = 'message repeated ';

/**
 * rsyslog's reduction of repeated messages: `message repeated 76 times: [-- MARK --]`.
 * Returns [count, inner message] or null.
 */
export function repeatedMessage(message: string): [number, string] | null {
  const start = message.charCodeAt(0) === 32 ? message.search(/\S/) : 0;
  if (start < 0 || !message.startsWith(REPEATED, start)) return null;
  let i = start + REPEATED.length;
  const numStart = i;
  while (i < message.length && message.charCodeAt(i) >= 48 && message.charCodeAt(i) <= 57) i++;
  if (i === numStart || !message.startsWith(' times: [', i)) return null;
  if (!message.endsWith(']')) return null;
  let inner = message.slice(i + ' times: ['.length, -1);
  if (inner.charCodeAt(0) === 32) inner = inner.slice(1);
  return [Number(message.slice(numStart, i)), inner];
}
