import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileScan } from '../../src/model/index.js';
import { FORMATS } from '../../src/parse/index.js';
import { k8sFormats } from '../../src/parse/formats/kubectl-index.js';
import { isJournalMarker } from '../../src/parse/formats/journal/markers.js';
import { prepareSignatures, scanDeps, scanFile, type ScanDeps } from '../../src/pipeline/index.js';

/**
 * Every parser, on arbitrary bytes, through the scanner as `hows timeline` runs it (the real
 * signatures, every record kept): nothing throws, every line of the file is counted, and every
 * line is accounted for - in a record (parsed, or kept as unparsed text), or skipped with the
 * file (binary) with a warning - and unparsed lines are exactly the ones warned about.
 * (test/parse/properties.test.ts feeds parsers strings; this feeds the whole path bytes: CR,
 * NUL, invalid UTF-8, gzip, lines with no final newline.)
 */
const dir = mkdtempSync(path.join(tmpdir(), 'hows-bytes-'));
let deps: ScanDeps;
let n = 0;
beforeAll(() => {
  deps = scanDeps(prepareSignatures([], []).compiled);
});

/** Lines of `bytes` as the feeder counts them: a final line without newline counts, an empty tail does not. */
function lineCount(bytes: Buffer): number {
  let count = 0;
  for (const b of bytes) if (b === 10) count++;
  return count + (bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0);
}

function splitLines(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l) => Buffer.from(l.replace(/\r$/, ''), 'latin1').toString('utf8'));
}

const noise = fc.uint8Array({ maxLength: 120 }).map((a) => Buffer.from(a));
/** A sample line of the format, maybe with bytes flipped or cut, joined by LF or CRLF. */
function fileBytes(samples: readonly string[]): fc.Arbitrary<{ bytes: Buffer; gzip: boolean }> {
  const line = fc.oneof(
    fc.constantFrom(...samples).map((s) => Buffer.from(s)),
    fc.tuple(fc.constantFrom(...samples), fc.nat(300), noise).map(([s, cut, tail]) => Buffer.concat([Buffer.from(s).subarray(0, cut), tail])),
    noise,
    fc.constantFrom(Buffer.from(''), Buffer.from('\u0000\u0000'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('   indented'), Buffer.from('{'), Buffer.from('}')),
  );
  return fc.record({ lines: fc.array(line, { maxLength: 20 }), crlf: fc.boolean(), finalNewline: fc.boolean(), gzip: fc.boolean() }).map(({ lines, crlf, finalNewline, gzip }) => {
    const eol = Buffer.from(crlf ? '\r\n' : '\n');
    const parts: Buffer[] = [];
    lines.forEach((l, i) => parts.push(l, ...(i < lines.length - 1 || finalNewline ? [eol] : [])));
    return { bytes: Buffer.concat(parts), gzip };
  });
}

async function scan(bytes: Buffer, gzip: boolean, as: string): Promise<FileScan> {
  const p = path.join(dir, `f${n++}${gzip ? '.gz' : ''}`);
  writeFileSync(p, gzip ? gzipSync(bytes) : bytes);
  return scanFile({ path: p, size: bytes.length, mtimeMicros: Date.UTC(2026, 4, 28) * 1000 }, deps, { all: true, context: 0, as, parse: {} });
}

describe('every format on arbitrary bytes, through the scanner', () => {
  for (const format of FORMATS) {
    const perLine = !k8sFormats.includes(format);
    it(`${format.meta.id}: never throws, counts every line${perLine ? ', accounts for every line once, each unparsed record warned' : ''}`, async () => {
      await fc.assert(
        fc.asyncProperty(fileBytes(format.meta.samples.length > 0 ? format.meta.samples : ['x']), async ({ bytes, gzip }) => {
          const s = await scan(bytes, gzip, format.meta.id);
          if (s.input.skipped) {
            expect(s.input.skipped).toMatch(/^binary: /);
            expect(s.diagnostics.map((d) => d.code)).toContain('ingest/binary-file');
            return;
          }
          expect(s.input.lines).toBe(lineCount(bytes));
          if (!perLine) return;
          const lines = splitLines(bytes);
          const covered = new Array<number>(lines.length + 1).fill(0);
          for (const r of s.records) for (let l = r.at.line; l <= (r.at.endLine ?? r.at.line); l++) covered[l]!++;
          lines.forEach((text, i) => {
            const c = covered[i + 1]!;
            if (/^[ \t]*$/.test(text) || isJournalMarker(text)) expect(c, `line ${i + 1}`).toBeLessThanOrEqual(1);
            else expect(c, `line ${i + 1}: ${JSON.stringify(text)}`).toBe(1);
          });
          const unparsed = s.records.filter((r) => r.fields.unparsed === 'true').reduce((a, r) => a + (r.at.endLine ?? r.at.line) - r.at.line + 1, 0);
          expect(s.input.unparsedLines).toBe(unparsed);
          // One warning occurrence per unparsed record (a record may span lines: a broken pretty-printed JSON object).
          const warned = s.diagnostics.filter((d) => d.code === 'parse/unparsed-line').reduce((a, d) => a + (d.count ?? 1), 0);
          expect(warned, 'unparsed records and parse/unparsed-line warnings').toBe(s.records.filter((r) => r.fields.unparsed === 'true').length);
        }),
        { numRuns: Number(process.env.HOWS_RUNS ?? 60), seed: Number(process.env.HOWS_SEED ?? 11) },
      );
    });
  }
});
