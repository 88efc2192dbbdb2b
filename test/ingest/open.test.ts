import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openInput, readBlocks } from '../../src/ingest/index.js';
import { CHUNK_BYTES, SMALL_FILE_BYTES, openStream, releaseReadResources } from '../../src/ingest/open.js';
import { OFF_THREAD_HASH_BYTES, startHashingThread, stopHashingThread } from '../../src/ingest/ring-hash.js';
import { sha256Of, textBytes } from './bytes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hows-open-'));
function file(name: string, data: Buffer | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
}

async function readAll(p: string): Promise<{ text: string; stats: Awaited<ReturnType<typeof openInput>>['done'] extends Promise<infer T> ? T : never; gzip: boolean }> {
  const input = await openInput(p);
  const parts: string[] = [];
  for await (const c of input.chunks) parts.push(c.toString('latin1'));
  return { text: parts.join(''), stats: await input.done, gzip: input.gzip };
}

/** Reads `p` (holding `data`), stopping the hashing thread as a crash would after two chunks. */
async function readStoppingHasher(p: string, data: Buffer): Promise<Awaited<Awaited<ReturnType<typeof openInput>>['done']>> {
  const input = await openInput(p);
  const parts: Buffer[] = [];
  for await (const c of input.chunks) {
    parts.push(Buffer.from(c));
    if (parts.length === 2) await stopHashingThread();
  }
  expect(Buffer.concat(parts).equals(data)).toBe(true);
  return input.done;
}

const KERN = [
  'May 28 20:23:09 k8s02 kernel: [ 6100.061564]  session1: session recovery timed out after 120 secs',
  'May 28 20:23:09 k8s02 kernel: [ 6100.063676] sd 3:0:0:0: [sdb] rejecting I/O to offline device',
  'May 28 20:23:14 k8s02 kernel: [ 6104.402394] EXT4-fs (sdb): Remounting filesystem read-only',
].join('\n') + '\n';

describe('openInput', () => {
  it('reads a plain file and hashes its bytes', async () => {
    const r = await readAll(file('kern.log', KERN));
    expect(r.gzip).toBe(false);
    expect(r.text).toBe(KERN);
    expect(r.stats.bytes).toBe(Buffer.byteLength(KERN));
    expect(r.stats.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stats.diagnostics).toEqual([]);
  });

  it('reads every byte of files around the small-file size (read whole) and above it (streamed), plain and gzip', async () => {
    const sizes = [0, 1, SMALL_FILE_BYTES - 1, SMALL_FILE_BYTES, SMALL_FILE_BYTES + 1, CHUNK_BYTES * 2 + 17];
    for (const size of sizes) {
      const data = textBytes(size, 97);
      const sha = sha256Of(data);
      const plain = await readAll(file(`plain-${size}`, data));
      expect(plain.gzip).toBe(false);
      expect(Buffer.from(plain.text, 'latin1').equals(data)).toBe(true);
      expect(plain.stats).toMatchObject({ bytes: size, uncompressedBytes: size, sha256: sha, diagnostics: [] });
      const packed = gzipSync(data);
      const gz = await readAll(file(`gz-${size}`, packed));
      expect(gz.gzip).toBe(true);
      expect(Buffer.from(gz.text, 'latin1').equals(data)).toBe(true);
      expect(gz.stats).toMatchObject({ bytes: packed.length, uncompressedBytes: size, sha256: sha256Of(packed), diagnostics: [] });
    }
  });

  it('hashes streamed files on the hashing thread: files read at once, one after another and cut short each get their own digest', async () => {
    // More chunks than the read ring has slots, so every slot is read into again while its
    // last chunk may still wait to be hashed; a consumer that holds each chunk a moment lets
    // the reads run ahead of the hashing thread where they can. (The thread starts by itself
    // for a file of OFF_THREAD_HASH_BYTES; these are smaller.)
    startHashingThread();
    const big = (seed: number, size: number): Buffer => {
      const data = textBytes(size, 89, 1);
      data[0] = seed;
      return data;
    };
    const datas = [big(1, CHUNK_BYTES * 9 + 5), big(2, CHUNK_BYTES * 6 + 1), big(3, CHUNK_BYTES * 2)];
    const paths = datas.map((d, i) => file(`ring-${i}`, d));
    const slow = async (p: string): Promise<{ data: Buffer; sha: string }> => {
      const input = await openInput(p);
      const parts: Buffer[] = [];
      for await (const c of input.chunks) {
        parts.push(Buffer.from(c));
        await new Promise((r) => setImmediate(r));
      }
      return { data: Buffer.concat(parts), sha: (await input.done).sha256 };
    };
    const together = await Promise.all(paths.map(slow));
    together.forEach((r, i) => {
      expect(r.data.equals(datas[i]!)).toBe(true);
      expect(r.sha).toBe(sha256Of(datas[i]!));
    });
    for (const [i, p] of paths.entries()) expect((await readAll(p)).stats.sha256).toBe(sha256Of(datas[i]!));
    // A reader that stops after the first chunk (a binary file): the digest covers what was
    // read, and the ring it gives back serves the next file correctly.
    const cut = await openInput(paths[0]!);
    for await (const c of cut.chunks) {
      expect(c.length).toBe(CHUNK_BYTES);
      break;
    }
    expect((await cut.done).sha256).toBe(sha256Of(datas[0]!.subarray(0, CHUNK_BYTES)));
    expect((await readAll(paths[1]!)).stats.sha256).toBe(sha256Of(datas[1]!));
  });

  it('reads on to the end when the hashing thread dies part way, warns for that file, and hashes the next ones inline', async () => {
    startHashingThread();
    const data = textBytes(CHUNK_BYTES * 8 + 3, 101);
    const p = file('dies-midway', data);
    const stats = await readStoppingHasher(p, data);
    expect(stats.sha256).toBe('');
    expect(stats.diagnostics.map((d) => d.code)).toEqual(['ingest/hash-failed']);
    const again = await readAll(p);
    expect(again.stats.sha256).toBe(sha256Of(data));
    expect(again.stats.diagnostics).toEqual([]);
    startHashingThread();
  });

  it('after the end of a scan lets go of the hashing thread, the next big file starts a new one (a release is not a crash)', async () => {
    startHashingThread();
    await releaseReadResources();
    // A file of the thread's size: hashed there only if a new thread starts (after a crash
    // files are hashed inline, and stopping that thread midway would then change nothing).
    const data = textBytes(OFF_THREAD_HASH_BYTES + 7, 97);
    const p = file('after-release', data);
    const stats = await readStoppingHasher(p, data);
    expect(stats.diagnostics.map((d) => d.code)).toEqual(['ingest/hash-failed']);
    await releaseReadResources();
    expect((await readAll(p)).stats.sha256).toBe(sha256Of(data));
    startHashingThread();
  });

  it('keeps every byte and warns when the digest can not be computed (the hashing thread died)', async () => {
    const chunks = [Buffer.from(KERN.slice(0, 40), 'latin1'), Buffer.from(KERN.slice(40), 'latin1')];
    const failing = { update: () => {}, hex: () => Promise.reject(new Error('the hashing thread exited (code 1)')) };
    const input = openStream('/ev/k8s02/kern.log', (async function* () { yield* chunks; })(), false, undefined, failing);
    const parts: string[] = [];
    for await (const c of input.chunks) parts.push(c.toString('latin1'));
    const stats = await input.done;
    expect(parts.join('')).toBe(KERN);
    expect(stats).toMatchObject({ bytes: KERN.length, uncompressedBytes: KERN.length, sha256: '' });
    expect(stats.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'ingest/hash-failed', place: { file: '/ev/k8s02/kern.log' }, reason: expect.stringContaining('the hashing thread exited (code 1)') }),
    ]);
  });

  it('detects gzip by magic bytes, not by name', async () => {
    const r = await readAll(file('kern-log-no-suffix', gzipSync(KERN)));
    expect(r.gzip).toBe(true);
    expect(r.text).toBe(KERN);
    expect(r.stats.uncompressedBytes).toBe(Buffer.byteLength(KERN));
    const plain = await readAll(file('looks-like.gz', KERN));
    expect(plain.gzip).toBe(false);
    expect(plain.text).toBe(KERN);
  });

  it('reads every member of a multi-member gzip', async () => {
    const lines = KERN.split('\n');
    const multi = Buffer.concat([gzipSync(lines.slice(0, 2).join('\n') + '\n'), gzipSync(lines.slice(2).join('\n'))]);
    const r = await readAll(file('multi.gz', multi));
    expect(r.text).toBe(KERN);
  });

  it('keeps the lines before the cut of a truncated gzip and warns', async () => {
    const big = Array.from({ length: 20000 }, (_, i) => `May 28 20:23:09 k8s02 kernel: line ${i} ${'x'.repeat(i % 50)}`).join('\n') + '\n';
    const gz = gzipSync(big);
    const r = await readAll(file('cut.gz', gz.subarray(0, Math.floor(gz.length / 2))));
    expect(r.stats.diagnostics.map((d) => d.code)).toEqual(['ingest/truncated-gzip']);
    expect(r.text.length).toBeGreaterThan(big.length / 4);
    expect(big.startsWith(r.text)).toBe(true);
    expect(r.stats.bytes).toBe(Math.floor(gz.length / 2));
  });

  it('reports corrupt gzip data and keeps what was decoded', async () => {
    const gz = Buffer.from(gzipSync(KERN.repeat(200)));
    for (let i = 400; i < 440; i++) gz[i] = 0xff;
    const r = await readAll(file('corrupt.gz', gz));
    const codes = r.stats.diagnostics.map((d) => d.code);
    expect(codes.length).toBe(1);
    expect(['ingest/corrupt-gzip', 'ingest/truncated-gzip']).toContain(codes[0]);
    // Deflate notices corruption only some bytes later: what precedes the damaged region is intact.
    expect(r.text.slice(0, 300)).toBe(KERN.repeat(200).slice(0, 300));
  });
});

describe('readBlocks', () => {
  async function blocks(data: string, maxLine?: number) {
    const cuts: Array<{ line: number; offset: number; bytes: number }> = [];
    const out = [];
    async function* chunks() {
      // Deliver in small uneven pieces so lines straddle chunk boundaries.
      const b = Buffer.from(data, 'latin1');
      for (let i = 0; i < b.length; i += 7) yield b.subarray(i, i + 7);
    }
    for await (const blk of readBlocks(chunks(), (c) => cuts.push(c), maxLine)) out.push(blk);
    return { out, cuts };
  }

  it('numbers lines and offsets across chunk boundaries', async () => {
    const { out } = await blocks('aaa\nbbbbbbbbbbbb\r\ncc\nlast-without-newline');
    const lines: Array<[number, number, string]> = [];
    for (const b of out) {
      let start = 0;
      let n = b.firstLine;
      while (start < b.text.length) {
        let end = b.text.indexOf('\n', start);
        if (end === -1) end = b.text.length;
        lines.push([n, b.offset + start, b.text.slice(start, end)]);
        start = end + 1;
        n += 1;
      }
    }
    expect(lines).toEqual([
      [1, 0, 'aaa'],
      [2, 4, 'bbbbbbbbbbbb\r'],
      [3, 18, 'cc'],
      [4, 21, 'last-without-newline'],
    ]);
  });

  it('cuts lines longer than the limit, reports them, and keeps numbering', async () => {
    const long = 'L'.repeat(100);
    const { out, cuts } = await blocks(`first\n${long}\nafter\n`, 30);
    expect(cuts).toEqual([{ line: 2, offset: 6, bytes: 100 }]);
    const all = out.map((b) => [b.firstLine, b.text]);
    expect(all.some(([n, t]) => n === 2 && t === `${'L'.repeat(30)}\n`)).toBe(true);
    const afterBlock = out.find((b) => b.text.includes('after'))!;
    const idx = afterBlock.text.indexOf('after');
    const lineNo = afterBlock.firstLine + afterBlock.text.slice(0, idx).split('\n').length - 1;
    expect(lineNo).toBe(3);
    expect(afterBlock.offset + idx).toBe(6 + 100 + 1);
  });
});
