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
 * signature, or a head where more than 10% of bytes are control bytes other than TAB/CR/LF/ESC,
 * makes a file binary.
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
  return control / n > 0.1 ? { what: `binary data (${Math.round((100 * control) / n)}% control bytes in the first ${n} bytes)` } : undefined;
}
