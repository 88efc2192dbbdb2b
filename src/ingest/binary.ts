/** Known binary file signatures that are never logs (a systemd journal file gets its own hint). */
const MAGICS: Array<{ bytes: number[]; what: string; help?: string }> = [
  { bytes: [0x4c, 0x50, 0x4b, 0x53, 0x48, 0x48, 0x52, 0x48], what: 'a binary systemd journal file', help: 'Export it first: journalctl --file <file> -o json > file.json' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive', help: 'Unpack it and point hows at the folder.' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed data', help: 'Decompress it first (zstd -d).' },
  { bytes: [0x42, 0x5a, 0x68], what: 'bzip2-compressed data', help: 'Decompress it first (bunzip2).' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed data', help: 'Decompress it first (xz -d).' },
];

export interface BinaryVerdict {
  what: string;
  help?: string;
}

/**
 * Decides from the first (decompressed) bytes whether a file is binary rather than a log with a
 * few bad bytes. A log line with a NUL or invalid UTF-8 inside stays text: only a known binary
 * signature, a head where more than 10% of bytes are control bytes other than TAB/CR/LF/ESC, or
 * one where more than 30% are control bytes or bytes that are not UTF-8 makes a file binary.
 * (Random bytes - encrypted or compressed data without a known magic - have about 11% control
 * bytes: by that count alone, 6% of such heads read as text; about 48% of their bytes are not UTF-8.)
 */
export function binaryVerdict(head: Uint8Array): BinaryVerdict | undefined {
  for (const m of MAGICS) {
    if (head.length >= m.bytes.length && m.bytes.every((b, i) => head[i] === b)) {
      return m.help ? { what: m.what, help: m.help } : { what: m.what };
    }
  }
  const n = Math.min(head.length, 8192);
  if (n === 0) return undefined;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 27 && b !== 0x1e) control += 1;
  }
  if (control / n > 0.1) return { what: `binary data (${Math.round((100 * control) / n)}% control bytes in the first ${n} bytes)` };
  const bad = control + notUtf8(head, n);
  return bad / n > 0.3 ? { what: `binary data (${Math.round((100 * bad) / n)}% control or non-UTF-8 bytes in the first ${n} bytes)` } : undefined;
}

/** Bytes of `head[0..n)` that are not part of a well-formed UTF-8 sequence (a sequence cut at `n` counts as good). */
function notUtf8(head: Uint8Array, n: number): number {
  let bad = 0;
  for (let i = 0; i < n; ) {
    const b = head[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) {
      bad += 1;
      i += 1;
      continue;
    }
    let k = 1;
    while (k < len && i + k < n && (head[i + k]! & 0xc0) === 0x80) k += 1;
    if (k < len && i + k < n) {
      bad += 1; // a lead byte without its continuation bytes
      i += 1;
    } else i += k;
  }
  return bad;
}
