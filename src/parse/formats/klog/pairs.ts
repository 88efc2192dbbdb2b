import { isKeyChar, isKeyStart } from '../../text/chars.js';
import { readGoString } from './go-quote.js';

/**
 * The `key=value` tokenizer for klog structured bodies (FORMATS.md 4.2) and logrus/logfmt lines.
 *
 * klog: a value is a Go string when it starts with `"`, a multi-line block when it is `<` at the
 * end of a line (TAB-prefixed lines, closed by a line ` >`), balanced when it starts with `{` or
 * `[`, and otherwise `%+v` text running up to the next ` ident=` (it may hold spaces).
 * logfmt (logrus): an unquoted value ends at the next space.
 */
export type PairMode = 'klog' | 'logfmt';

/** True when ` ident=` starts at `i` (a space, then a key, then `=`). */
function pairStartsAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 32 || !isKeyStart(text.charCodeAt(i + 1))) return false;
  let j = i + 2;
  while (j < text.length && isKeyChar(text.charCodeAt(j))) j++;
  return text.charCodeAt(j) === 61;
}

/** End of an unquoted klog value: the next ` ident=`, a newline, or the end. */
function unquotedEnd(text: string, i: number, mode: PairMode): number {
  if (mode === 'logfmt') {
    const s = text.indexOf(' ', i);
    return s < 0 ? text.length : s;
  }
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 10) return j;
    if (c === 32 && pairStartsAt(text, j)) return j;
    j++;
  }
  return j;
}

/** End of a balanced `{...}` / `[...]` value (quotes respected), or -1 when it never closes. */
function balancedEnd(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 34) {
      const s = readGoString(text, j);
      if (!s) return -1;
      j = s.end;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === 10) return -1;
    j++;
  }
  return -1;
}

/**
 * A `key=<` block: the value lines follow the newline, each prefixed with a TAB (8 spaces when
 * journalctl expanded it), and a line ` >` (or `>`) closes the block. Returns the value and the
 * index after `>`; an unclosed block takes the rest of the text.
 */
function readBlock(text: string, i: number): { value: string; end: number } {
  const lines: string[] = [];
  let pos = i;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    const trimmed = line.trim();
    if (trimmed === '>' || trimmed.startsWith('> ')) {
      return { value: lines.join('\n'), end: pos + line.indexOf('>') + 1 };
    }
    lines.push(line.startsWith('\t') ? line.slice(1) : line.startsWith('        ') ? line.slice(8) : line);
    pos = lineEnd + 1;
  }
  return { value: lines.join('\n'), end: text.length };
}

/**
 * Reads ` key=value` pairs from `start` into `fields`. Stops at text that is not a pair; the
 * rest (if any) goes to `fields['klog.rest']` so nothing is lost.
 */
export function readPairs(text: string, start: number, fields: Record<string, string>, mode: PairMode): void {
  let i = start;
  const n = text.length;
  while (i < n) {
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= n) return;
    const keyStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 61 || c === 32 || c === 9 || c === 10) break;
      i++;
    }
    if (i === keyStart || text.charCodeAt(i) !== 61) {
      fields['klog.rest'] = text.slice(keyStart);
      return;
    }
    const key = text.slice(keyStart, i);
    i++;
    const c = text.charCodeAt(i);
    let value: string;
    if (c === 34) {
      const s = readGoString(text, i);
      if (s) {
        value = s.value;
        i = s.end;
      } else {
        const e = unquotedEnd(text, i, mode);
        value = text.slice(i, e);
        i = e;
      }
    } else if (c === 60 && mode === 'klog' && text.charCodeAt(i + 1) === 10) {
      const b = readBlock(text, i + 2);
      value = b.value;
      i = b.end;
    } else if ((c === 123 || c === 91) && mode === 'klog') {
      const e = balancedEnd(text, i);
      const end = e < 0 ? unquotedEnd(text, i, mode) : e;
      value = text.slice(i, end);
      i = end;
    } else {
      const e = unquotedEnd(text, i, mode);
      value = text.slice(i, e);
      i = e;
    }
    fields[key] = value;
  }
}

/**
 * A klog body: structured (`"msg" key=value ...`, msg Go-quoted) or printf text. The unquoted
 * message goes to `fields.msg`, pairs to `fields[key]`.
 */
export function parseKlogBody(body: string, fields: Record<string, string>): void {
  if (body.charCodeAt(0) === 34) {
    const s = readGoString(body, 0);
    // Structured only when the quoted message is followed by nothing or by pairs.
    if (s && (s.end === body.length || body.charCodeAt(s.end) === 32)) {
      fields.msg = s.value;
      readPairs(body, s.end, fields, 'klog');
      return;
    }
  }
  fields.msg = body;
}
