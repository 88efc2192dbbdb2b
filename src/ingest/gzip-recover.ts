import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** Compressed bytes per write up to the last position the first pass decoded without a fault. */
const COARSE = 64 << 10;
/** Compressed bytes per write after it: the most whose output a fault can take with it. */
const FINE = 64;

/**
 * Decodes a damaged gzip file again to recover the text decoded just before the fault.
 *
 * Node's zlib drops the output of the inflate call that hits a fault (a call fills up to
 * `chunkSize`, 1 MiB), and an errored stream drops what it had buffered: after a fault up to a
 * few MiB of good text decoded before it would be lost. This decodes the file from the start,
 * feeding the first `good` compressed bytes (those the first pass consumed without a fault) in
 * large writes and the rest in 64-byte writes, and yields the output that comes after the first
 * `skip` decompressed bytes (already delivered), up to the fault. What is still lost is the
 * output of the last 64 compressed bytes before the fault: a partial line.
 *
 * Never throws: a read error or a fault ends the output.
 */
export async function* redecodeGzipTail(path: string, good: number, skip: number): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  let out: Buffer[] = [];
  let seen = 0;
  let failed = false;
  gunzip.on('data', (b: Buffer) => {
    const from = Math.max(0, skip - seen);
    seen += b.length;
    if (from < b.length) out.push(from > 0 ? b.subarray(from) : b);
  });
  const fault = new Promise<void>((resolve) =>
    gunzip.once('error', () => {
      failed = true;
      resolve();
    }),
  );
  const write = (b: Buffer): Promise<void> => Promise.race([new Promise<void>((r) => gunzip.write(b, () => r())), fault]);

  let pos = 0;
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of raw) {
      const c = chunk as Buffer;
      for (let at = 0; at < c.length && !failed; ) {
        const size = pos + at < good ? Math.min(COARSE, good - pos - at) : FINE;
        await write(c.subarray(at, at + size));
        at += size;
        if (out.length > 0) {
          yield* out;
          out = [];
        }
      }
      pos += c.length;
      if (failed) break;
    }
  } catch {
    failed = true; // the file could not be read again: keep what was recovered
  } finally {
    raw.destroy();
  }
  if (!failed) {
    gunzip.end();
    await Promise.race([new Promise<void>((r) => gunzip.once('end', () => r())), fault]);
  }
  yield* out;
  gunzip.destroy();
}
