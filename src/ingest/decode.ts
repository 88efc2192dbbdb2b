import { isUtf8 } from 'node:buffer';

/** A line ready for a parser. */
export interface DecodedLine {
  /** The line without its terminator, decoded as UTF-8 (invalid bytes become U+FFFD). */
  text: string;
  /** The line ended in '\r\n'. */
  crlf: boolean;
  /** The line held bytes that are not valid UTF-8 (kept, lossy). */
  invalidUtf8: boolean;
}

const HIGH_BYTE = /[\x80-\xff]/;

/**
 * Decodes one latin1 line slice (one char per byte) into the text parsers see. ASCII lines,
 * the vast majority, are returned as they are; only lines with a byte >= 0x80 are re-decoded.
 * `ascii`: the caller knows the line holds no such byte (its block said so): not searched.
 */
export function decodeLine(latin1: string, ascii = false): DecodedLine {
  let s = latin1;
  let crlf = false;
  if (s.length > 0 && s.charCodeAt(s.length - 1) === 13) {
    s = s.slice(0, -1);
    crlf = true;
  }
  if (ascii || !HIGH_BYTE.test(s)) return { text: s, crlf, invalidUtf8: false };
  const bytes = Buffer.from(s, 'latin1');
  return { text: bytes.toString('utf8'), crlf, invalidUtf8: !isUtf8(bytes) };
}
