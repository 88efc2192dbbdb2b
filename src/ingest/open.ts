import { closeSync, createReadStream, fstatSync, openSync, promises as fsp, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Diagnostic } from '../model/index.js';
import { redecodeGzipTail } from './gzip-recover.js';
import { type Digester, inlineDigester, releaseHashingThread, ringDigester, SharedRing } from './ring-hash.js';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
/** Read size: 1 MiB chunks measured best for both fs reads and gunzip output on this box. */
export const CHUNK_BYTES = 1 << 20;

/** An opened input: decompressed bytes as an async iterable, plus what was learnt on the way. */
export interface OpenedInput {
  path: string;
  gzip: boolean;
  /** Decompressed chunks, in order. Never throws: a decompression fault ends the stream early. */
  chunks: AsyncIterable<Buffer>;
  /** Resolves after `chunks` is exhausted. */
  done: Promise<OpenedStats>;
}

export interface OpenedStats {
  /** Bytes read from disk (compressed size for gzip). */
  bytes: number;
  /** Bytes delivered after decompression. */
  uncompressedBytes: number;
  /** sha256 of the bytes on disk (hex). */
  sha256: string;
  diagnostics: Diagnostic[];
}

/** True when the first bytes are the gzip magic (by content, never by name). */
export function isGzipMagic(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
}

/**
 * What reading a file costs, in bytes of plain input, for scheduling only: a gzip file's
 * trailer (ISIZE, the last member's size mod 2^32) times 1.3 (gunzip runs alongside), else
 * its size. A trailer smaller than the file (a wrapped size, several members) counts 4x.
 */
export async function readCost(path: string, size: number): Promise<number> {
  if (path === '-' || size < 18) return size;
  try {
    const fh = await fsp.open(path, 'r');
    try {
      const head = Buffer.alloc(2);
      await fh.read(head, 0, 2, 0);
      if (!isGzipMagic(head)) return size;
      const tail = Buffer.alloc(4);
      await fh.read(tail, 0, 4, size - 4);
      const isize = tail.readUInt32LE(0);
      return 1.3 * (isize >= size ? isize : size * 4);
    } finally {
      await fh.close();
    }
  } catch {
    return size;
  }
}

/**
 * Opens a file (or stdin for '-') for streaming. gzip is detected by magic bytes; multi-member
 * gzip is handled by zlib; a truncated or corrupt gzip keeps every byte decoded before the fault
 * and reports `ingest/truncated-gzip` or `ingest/corrupt-gzip`.
 */
export async function openInput(path: string, onRawBytes?: (n: number) => void): Promise<OpenedInput> {
  if (path === '-') return openStream('-', process.stdin, undefined, onRawBytes);
  const start = readStart(path);
  if (start.whole) return openStream(path, once(start.whole), isGzipMagic(start.whole), onRawBytes);
  const gzip = isGzipMagic(start.head);
  // gunzip may still hold an input chunk after the next one is read: it gets fresh buffers.
  if (gzip) return openStream(path, createReadStream(path, { highWaterMark: CHUNK_BYTES }), gzip, onRawBytes);
  const ring = freeRings.pop() ?? new SharedRing(RING, CHUNK_BYTES);
  return openStream(path, reusedChunks(path, ring), gzip, onRawBytes, ringDigester(ring, start.size));
}

/** Files up to this size are read whole, with synchronous calls. */
export const SMALL_FILE_BYTES = CHUNK_BYTES;

/**
 * The whole file when it is small (SMALL_FILE_BYTES or less when opened), else its first two
 * bytes (the gzip magic; the file is then streamed), read with blocking calls on this thread.
 * A small file is read to its end, so a file that grows while it is read is read as it is then.
 *
 * Why (measured: 2,000 files of 40 syslog lines, one scan thread): every asynchronous open,
 * read and close is a round trip through libuv's thread pool, seven per plain file (the magic
 * bytes, the first chunk, the read ahead that finds the end, two closes), and the scan sat idle
 * for 2.7 of its 7.3 s. A small file from the page cache is read in a few microseconds.
 */
function readStart(path: string): { whole: Buffer; head?: undefined } | { whole?: undefined; head: Buffer; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > SMALL_FILE_BYTES) {
      const head = Buffer.alloc(2);
      return { head: head.subarray(0, readSync(fd, head, 0, 2, 0)), size };
    }
    // Sized by fstat plus one byte, so the second read finds the end; grown if the file grew.
    let buf = Buffer.allocUnsafeSlow(size + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        const bigger = Buffer.allocUnsafeSlow(buf.length * 2);
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return { whole: buf.subarray(0, n) };
  } finally {
    closeSync(fd);
  }
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  if (b.length > 0) yield b;
}

/**
 * Buffers a plain file is read into, in turn: a chunk's buffer is reused RING reads later, and
 * with one read ahead that is RING-2 deliveries later (the current chunk and the one before it,
 * which the scanner looks back into, stay valid).
 */
const RING = 4;
/** Rings of read buffers not in use, shared by the files this thread reads one after another. */
const freeRings: SharedRing[] = [];

/**
 * Lets go of what reading keeps for the next file (free read rings, the hashing thread): for the
 * end of a scan. Reading again afterwards works as on first use.
 */
export async function releaseReadResources(): Promise<void> {
  freeRings.length = 0;
  await releaseHashingThread();
}

/**
 * Reads a file in CHUNK_BYTES pieces into RING reused buffers, one read ahead of the consumer
 * (never through a stream, which would read ahead without bound into buffers still in use). A
 * chunk is valid until RING-2 more chunks were delivered: readBlocks copies what it carries over, the scanner decodes kept
 * lines into strings of their own and looks back one block at most. The ring goes back to a
 * free list when the file is done, for the next file.
 *
 * Why (measured on the 1 GB bench corpus): a fresh 1 MiB Buffer per read left 20-70 MiB of
 * read buffers waiting for a GC (process.memoryUsage().arrayBuffers); a ring per file lived on
 * in old space until a full GC, 4 MiB for every file read.
 */
async function* reusedChunks(path: string, ring: SharedRing): AsyncGenerator<Buffer> {
  const fh = await fsp.open(path, 'r');
  // A slot is read into again only once the hashing thread is done with its last chunk.
  const read = async (i: number, at: number): Promise<Buffer> => {
    const slot = ring.slots[i % RING]!;
    await ring.free(i % RING);
    const r = await fh.read(slot, 0, CHUNK_BYTES, at);
    return slot.subarray(0, r.bytesRead);
  };
  let ahead: Promise<Buffer> | undefined;
  try {
    // One read ahead: the next chunk is read (on libuv's pool) while this one is scanned, so
    // the thread does not sit idle for every read. It goes into the buffer of chunk i-3, which
    // no consumer holds any more (see RING). Positions follow the bytes read (short reads too).
    ahead = read(0, 0);
    for (let i = 0, at = 0; ; i++) {
      const chunk = await ahead;
      ahead = undefined;
      if (chunk.length === 0) return;
      at += chunk.length;
      ahead = read(i + 1, at);
      yield chunk;
    }
  } finally {
    // A consumer that stops early (binary file) leaves a read in flight: let it land first.
    await ahead?.catch(() => undefined);
    freeRings.push(ring);
    await fh.close();
  }
}

/** Opens an already readable byte stream (stdin, tests). gzip is sniffed when not told. */
export function openStream(path: string, raw: AsyncIterable<Buffer>, gzip?: boolean, onRawBytes?: (n: number) => void, hash: Digester = inlineDigester()): OpenedInput {
  const diagnostics: Diagnostic[] = [];
  let bytes = 0;
  let uncompressedBytes = 0;
  let resolveDone!: (s: OpenedStats) => void;
  const done = new Promise<OpenedStats>((r) => (resolveDone = r));
  const finish = (): void => {
    hash.hex().then(
      (sha256) => resolveDone({ bytes, uncompressedBytes, sha256, diagnostics }),
      (err: Error) => {
        diagnostics.push({
          severity: 'warning',
          code: 'ingest/hash-failed',
          reason: `The sha256 of the file could not be computed: ${err.message}`,
          place: { file: path },
          help: 'Every line read is kept; compute the digest with sha256sum to record the evidence.',
        });
        resolveDone({ bytes, uncompressedBytes, sha256: '', diagnostics });
      },
    );
  };

  const input: OpenedInput = { path, gzip: gzip ?? false, chunks: undefined as unknown as AsyncIterable<Buffer>, done };

  async function* rawChunks(): AsyncGenerator<Buffer> {
    try {
      for await (const c of raw) {
        const b = c as Buffer;
        bytes += b.length;
        hash.update(b);
        onRawBytes?.(b.length);
        yield b;
      }
    } catch (err) {
      diagnostics.push({
        severity: 'warning',
        code: 'ingest/read-error',
        reason: `Reading stopped early: ${(err as Error).message}`,
        place: { file: path, offset: bytes },
        help: 'The lines read before the error are kept.',
      });
    }
  }

  async function* decoded(): AsyncGenerator<Buffer> {
    const source = rawChunks();
    let first: IteratorResult<Buffer> = await source.next();
    if (gzip === undefined) {
      // stdin / streams: sniff the magic from the first chunk.
      input.gzip = !first.done && isGzipMagic(first.value);
    }
    if (!input.gzip) {
      while (!first.done) {
        uncompressedBytes += first.value.length;
        yield first.value;
        first = await source.next();
      }
      return;
    }
    const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
    const feed = Readable.from(
      (async function* () {
        if (!first.done) yield first.value;
        yield* source;
      })(),
    );
    feed.pipe(gunzip);
    try {
      for await (const out of gunzip) {
        uncompressedBytes += (out as Buffer).length;
        yield out as Buffer;
      }
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const truncated = e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message);
      feed.unpipe(gunzip);
      // zlib dropped the output of the failing call and its buffer: decode the file again up to the fault.
      if (path !== '-') {
        for await (const out of redecodeGzipTail(path, gunzip.bytesWritten, uncompressedBytes)) {
          uncompressedBytes += out.length;
          yield out;
        }
      }
      diagnostics.push({
        severity: 'warning',
        code: truncated ? 'ingest/truncated-gzip' : 'ingest/corrupt-gzip',
        reason: truncated
          ? `Unexpected end of gzip data after ${uncompressedBytes} decompressed bytes, expected more`
          : `Corrupt gzip data after ${uncompressedBytes} decompressed bytes: ${e.message}`,
        place: { file: path, offset: uncompressedBytes },
        help:
          path === '-'
            ? 'Lines decoded before the fault are kept, except up to 1 MiB just before it (stdin can not be read again to recover them); give the file by name to keep them all.'
            : 'Every line decoded before the fault is kept; a partial last line is kept as read.',
      });
      // Drain the rest of the raw file so the sha256 covers the whole file.
      for await (const _ of feed) void _;
    }
  }

  input.chunks = (async function* () {
    try {
      yield* decoded();
    } finally {
      finish();
    }
  })();
  return input;
}
