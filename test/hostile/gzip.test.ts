import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { codes, hows, kern, kernLines, scratch, summary, timeline, warnings } from './harness.js';

/** Complete lines and a trailing partial line (1 or 0) of decompressed text. */
function lineCount(text: string): number {
  const full = text.split('\n').length - 1;
  return full + (text.endsWith('\n') || text.length === 0 ? 0 : 1);
}

/** Everything a gzip prefix decodes to (zlib told not to insist on the end of the stream). */
function decodable(prefix: Buffer): string {
  return gunzipSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
}

// 25 000 kernel lines (1.9 MB): more than the 1 MiB zlib output chunk a fault used to take with it.
const N = 25_000;
const TEXT = kernLines(N);
const GZ = gzipSync(TEXT);
let dir: string;

beforeAll(() => {
  dir = scratch('gzip');
});

describe('a truncated gzip (disk full while rotating)', () => {
  it('keeps every line decoded before the cut, the partial last line too, and warns ingest/truncated-gzip', () => {
    const cut = GZ.subarray(0, Math.floor(GZ.length * 0.6));
    writeFileSync(path.join(dir, 'trunc.gz'), cut);
    const expected = decodable(cut);
    const r = timeline([path.join(dir, 'trunc.gz')], [], { timeout: 30_000 });
    expect(r.code).toBe(0);
    const w = warnings(r.stderr);
    expect(w[0]!.code).toBe('ingest/truncated-gzip');
    // The cut line is kept as read; when what is left of it does not parse, it is reported too.
    expect(w.slice(1).map((x) => `${x.code} ${x.places.join()}`)).toEqual(expected.endsWith('\n') ? [] : [`parse/unparsed-line ${path.join(dir, 'trunc.gz')}:${lineCount(expected)} (byte ${expected.lastIndexOf('\n') + 1})`]);
    expect(w[0]!.reason).toBe(`Unexpected end of gzip data after ${expected.length} decompressed bytes, expected more`);
    expect(r.events).toHaveLength(lineCount(expected));
    expect(summary(r.stderr).lines).toBe(lineCount(expected));
    const last = r.events.at(-1)!;
    expect(expected.endsWith(`${last.raw}`) || expected.endsWith(`${last.raw}\n`)).toBe(true);
  });
});

describe('a corrupt gzip', () => {
  it('keeps every line of the intact member before a corrupt one (1.9 MB decoded before the fault)', () => {
    // A second member whose deflate data is garbage from its first byte: "invalid block type".
    const bad = Buffer.concat([GZ, gzipSync('x').subarray(0, 10), Buffer.alloc(64, 0xff)]);
    writeFileSync(path.join(dir, 'two-members.gz'), bad);
    const r = timeline([path.join(dir, 'two-members.gz')]);
    expect(r.code).toBe(0);
    const w = warnings(r.stderr);
    expect(w.map((x) => x.code)).toEqual(['ingest/corrupt-gzip']);
    expect(w[0]!.reason).toMatch(new RegExp(`^Corrupt gzip data after ${TEXT.length} decompressed bytes: `));
    expect(r.events).toHaveLength(N);
    expect(r.events.at(-1)!.raw).toBe(kern(N - 1));
  });

  it('keeps the lines before damage in the middle of the deflate data, to within a partial line', () => {
    const at = Math.floor(GZ.length * 0.7);
    const damaged = Buffer.from(GZ);
    for (let i = at; i < at + 200; i++) damaged[i] = damaged[i]! ^ 0x5a;
    writeFileSync(path.join(dir, 'middle.gz'), damaged);
    // Lines the bytes before the damage decode to: what a perfect reader could keep, less the
    // output of the last 64 compressed bytes (the unit hows re-reads in) and a partial line.
    const before = lineCount(decodable(GZ.subarray(0, at - 64))) - 1;
    const r = timeline([path.join(dir, 'middle.gz')]);
    expect(r.code).toBe(0);
    expect(codes(r.stderr)).toEqual(['ingest/corrupt-gzip']);
    expect(r.events.length).toBeGreaterThanOrEqual(before);
    expect(r.events.length).toBeLessThan(N);
    const lines = TEXT.split('\n');
    for (const i of [0, Math.floor(before / 2), before - 1]) expect(r.events[i]!.raw).toBe(lines[i]);
  });

  it('keeps what it can of a truncated gzip read from stdin and says what may be missing', () => {
    const cut = GZ.subarray(0, Math.floor(GZ.length / 2));
    const r = hows(['timeline', '-', '--format', 'jsonl', '--year', '2026'], { input: cut });
    expect(r.code).toBe(0);
    expect(codes(r.stderr)[0]).toBe('ingest/truncated-gzip');
    expect(r.stderr).toContain('stdin can not be read again');
    const kept = r.stdout.split('\n').filter(Boolean).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(lineCount(decodable(cut)));
  });
});

describe('a gzip with nothing in it', () => {
  it('an empty member reads as an empty file: 0 lines, no warning, exit 0', () => {
    writeFileSync(path.join(dir, 'empty.gz'), gzipSync(''));
    const r = timeline([path.join(dir, 'empty.gz')]);
    expect(r.code).toBe(0);
    expect(codes(r.stderr)).toEqual([]);
    expect(r.events).toHaveLength(0);
    expect(summary(r.stderr)).toMatchObject({ files: 1, lines: 0 });
  });
});
