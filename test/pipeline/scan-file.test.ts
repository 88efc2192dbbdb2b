import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../src/model/index.js';
import { scanFile, type ScanDeps } from '../../src/pipeline/scan-file.js';
import { plainText, toyFormat } from './toy-format.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hows-scan-'));
function write(name: string, data: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
}

const deps: ScanDeps = {
  formats: {
    sniff: (l, file) =>
      toyFormat.sniff(l) > 0.5
        ? { format: toyFormat, diagnostics: [] }
        : { format: plainText, diagnostics: [{ severity: 'warning', code: 'parse/unknown-format', reason: 'no format', place: { file } }] },
    get: (id) => (id === 'toy' ? toyFormat : undefined), fallback: () => plainText },
  matcher: {
    literals: () => ['ALERT'],
    ungated: () => null,
    match: (r: ParsedRecord) => (r.message.includes('ALERT') ? [{ id: 'alert', captures: {} }] : []),
  },
};
const opts = { all: false, context: 1, parse: {} };

function lines(n: number, at: Record<number, string>): string {
  return Array.from({ length: n }, (_, i) => at[i + 1] ?? `T${1000 + i} h1 noise ${i + 1}`).join('\n') + '\n';
}

describe('scanFile', () => {
  it('keeps hits with one line of context, and only those', async () => {
    const p = write('a.log', lines(50, { 20: 'T1019 h1 ALERT disk gone' }));
    const scan = await scanFile({ path: p, size: 0 }, deps, opts);
    expect(scan.records.map((r) => [r.at.line, r.hits?.length ?? 0, r.context ?? false])).toEqual([
      [19, 0, true],
      [20, 1, false],
      [21, 0, true],
    ]);
    expect(scan.input).toMatchObject({ format: 'toy', lines: 50, unparsedLines: 0, gzip: false });
    expect(scan.samples.map((s) => s.line)).toEqual([1, 50]);
  });

  it('finds a hit inside a continuation line and feeds the record from its head', async () => {
    const p = write('b.log', lines(30, { 10: 'T1009 h1 multi-line start', 11: '  first continuation', 12: '  ALERT in a continuation' }));
    const scan = await scanFile({ path: p, size: 0 }, deps, { ...opts, context: 0 });
    const hit = scan.records.find((r) => r.hits)!;
    expect(hit.at).toMatchObject({ line: 10, endLine: 12 });
    expect(hit.message).toContain('multi-line start');
  });

  it('feeds lines the format does not recognise, so unparsed lines are counted exactly', async () => {
    const p = write('c.log', lines(40, { 5: 'garbage one', 33: 'garbage two' }));
    const scan = await scanFile({ path: p, size: 0 }, deps, opts);
    expect(scan.input.unparsedLines).toBe(2);
    const w = scan.diagnostics.find((d) => d.code === 'parse/unparsed-line')!;
    expect(w.count).toBe(2);
    expect(w.places?.map((pl) => pl.line)).toEqual([5, 33]);
  });

  it('keeps feeding while the parser claims lines', async () => {
    const p = write('d.log', lines(20, { 5: 'DUMP-START', 6: 'T1 h1 ALERT inside claimed region', 7: 'DUMP-END', 12: 'T1011 h1 ALERT after' }));
    const scan = await scanFile({ path: p, size: 0 }, deps, { ...opts, context: 0 });
    expect(scan.records.filter((r) => r.hits).map((r) => r.at.line)).toEqual([12]);
  });

  it('reads gzip, counts CRLF lines, and reports invalid UTF-8 without losing the line', async () => {
    const body = Buffer.concat([Buffer.from(lines(10, { 3: 'T1002 h1 ALERT caf\u00e9' }).replace(/\n/g, '\r\n')), Buffer.from([0x54, 0x39, 0x20, 0x68, 0x31, 0x20, 0x41, 0x4c, 0x45, 0x52, 0x54, 0x20, 0xff, 0x0a])]);
    const p = write('e.log.gz', gzipSync(body));
    const scan = await scanFile({ path: p, size: 0 }, deps, { ...opts, context: 0 });
    expect(scan.input.gzip).toBe(true);
    expect(scan.records.map((r) => r.message)).toEqual(['ALERT café', 'ALERT \ufffd']);
    expect(scan.diagnostics.find((d) => d.code === 'ingest/invalid-utf8')).toMatchObject({ place: { line: 11 } });
  });

  it('keeps every record with all, and skips binary files with a warning', async () => {
    const p = write('f.log', lines(5, {}));
    const all = await scanFile({ path: p, size: 0 }, deps, { ...opts, all: true });
    expect(all.records).toHaveLength(5);
    const bin = write('g.bin', Buffer.alloc(5000, 1));
    const skipped = await scanFile({ path: bin, size: 0 }, deps, opts);
    expect(skipped.input.skipped).toMatch(/binary/);
    expect(skipped.records).toEqual([]);
    expect(skipped.diagnostics[0]!.code).toBe('ingest/binary-file');
    expect(skipped.input.bytes).toBe(5000);
  });

  it('falls back to plain text with a warning when no format is recognised', async () => {
    const p = write('h.txt', 'just words\nALERT here\n');
    const scan = await scanFile({ path: p, size: 0 }, deps, opts);
    expect(scan.input.format).toBe('text');
    expect(scan.records.some((r) => r.hits)).toBe(true);
    expect(scan.diagnostics.map((d) => d.code)).toContain('parse/unknown-format');
  });

  it('gives the same records as parsing every line, on a large file crossing many blocks', async () => {
    const marks: Record<number, string> = {};
    for (let i = 1; i <= 60000; i += 997) marks[i] = `T${i} h2 ALERT number ${i}`;
    const p = write('big.log', lines(60000, marks));
    const gated = await scanFile({ path: p, size: 0 }, deps, { ...opts, context: 2 });
    const full = await scanFile({ path: p, size: 0 }, deps, { ...opts, context: 2, all: true });
    const keep = new Set(gated.records.map((r) => r.at.line));
    const fromFull = full.records.filter((r) => keep.has(r.at.line)).map((r) => [r.at.line, r.at.offset, r.message]);
    expect(gated.records.map((r) => [r.at.line, r.at.offset, r.message])).toEqual(fromFull);
    expect(gated.records.filter((r) => r.hits)).toHaveLength(Object.keys(marks).length);
    expect(gated.records.length).toBe(Object.keys(marks).length * 5 - 2);
  });
});
