import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * sha256 of the bytes read from disk, computed on a thread of its own. A plain file is read into
 * a ring of buffers in shared memory; the hashing thread reads each chunk where it lies (no
 * copy) and marks its slot free again, and the reader waits for that mark before it reads into
 * the slot once more. The digest is of exactly the bytes the scan read, in order.
 *
 * Why (measured on the 1 GB bench corpus, one scan thread): sha256 took 0.52 of the scan's
 * 3.4 s on the scanning thread (15% of the scan; ~0.58 ms/MB); the second core is free during
 * a one-thread scan. Posting a copy of each 1 MiB chunk to a worker instead cost the scanning
 * thread as much as hashing it (structured clone: 0.44-0.93 s per GB).
 */

/** Read buffers in shared memory, and a busy flag per buffer that the hashing thread clears. */
export class SharedRing {
  readonly slots: Buffer[];
  /** 1 while the slot's chunk waits to be hashed, 0 when the slot may be read into. */
  readonly flags: Int32Array;
  readonly id = nextRingId++;

  constructor(size: number, bytes: number) {
    this.slots = Array.from({ length: size }, () => Buffer.from(new SharedArrayBuffer(bytes)));
    this.flags = new Int32Array(new SharedArrayBuffer(4 * size));
  }

  /** Resolves when slot `i` is no longer waiting to be hashed. */
  async free(i: number): Promise<void> {
    while (Atomics.load(this.flags, i) !== 0) {
      const w = Atomics.waitAsync(this.flags, i, 1);
      if (w.async) await w.value;
    }
  }
}
let nextRingId = 1;

/** How a stream's bytes are hashed: on this thread, or by the hashing thread from a ring. */
export interface Digester {
  update(chunk: Buffer): void;
  /** The hex digest of every chunk given, once all are hashed. */
  hex(): Promise<string>;
}

export function inlineDigester(): Digester {
  const hash = createHash('sha256');
  return { update: (b) => void hash.update(b), hex: async () => hash.digest('hex') };
}

type ToHasher =
  | { t: 'ring'; ring: number; slots: SharedArrayBuffer[]; flags: SharedArrayBuffer }
  | { t: 'chunk'; file: number; ring: number; slot: number; offset: number; length: number }
  | { t: 'end'; file: number };

/*
 * The hashing thread's whole program: kept as source text (evaluated as CommonJS) so that it
 * is the same file in the TypeScript sources, under the test runner and in the bundle.
 */
const HASHER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const rings = new Map();
const files = new Map();
parentPort.on('message', (m) => {
  if (m.t === 'ring') return void rings.set(m.ring, { slots: m.slots, flags: new Int32Array(m.flags) });
  if (m.t === 'end') {
    const h = files.get(m.file) || createHash('sha256');
    files.delete(m.file);
    return void parentPort.postMessage({ file: m.file, hex: h.digest('hex') });
  }
  const ring = rings.get(m.ring);
  let h = files.get(m.file);
  if (!h) files.set(m.file, (h = createHash('sha256')));
  h.update(new Uint8Array(ring.slots[m.slot], m.offset, m.length));
  Atomics.store(ring.flags, m.slot, 0);
  Atomics.notify(ring.flags, m.slot);
});
`;

/** The thread's hashing worker, started on first use; it does not keep the process alive. */
class Hasher {
  private readonly worker: Worker;
  /** Rings this thread was told about, by id. */
  private readonly rings = new Map<number, SharedRing>();
  private readonly pending = new Map<number, { resolve: (hex: string) => void; reject: (e: Error) => void }>();
  private nextFile = 1;
  private failed: Error | undefined;

  constructor() {
    this.worker = new Worker(HASHER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 } });
    this.worker.unref();
    this.worker.on('message', (m: { file: number; hex: string }) => {
      this.pending.get(m.file)?.resolve(m.hex);
      this.pending.delete(m.file);
      if (this.pending.size === 0) this.worker.unref();
    });
    const fail = (e: Error): void => {
      this.failed ??= e;
      for (const p of this.pending.values()) p.reject(this.failed);
      this.pending.clear();
      // Chunks it will never hash: their slots are free again, so no reader waits for ever.
      for (const ring of this.rings.values()) {
        ring.flags.fill(0);
        for (let i = 0; i < ring.flags.length; i++) Atomics.notify(ring.flags, i);
      }
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the hashing thread exited (code ${code})`)));
  }

  /** True once the thread died: files opened after that are hashed inline. */
  get broken(): boolean {
    return this.failed !== undefined;
  }

  /** Stops the thread (tests: what a crash of it does to the files being read). */
  stop(): Promise<number> {
    return this.worker.terminate();
  }

  /** A digester for one stream of chunks that all lie in `ring`'s slots. */
  digester(ring: SharedRing): Digester {
    if (!this.rings.has(ring.id)) {
      this.rings.set(ring.id, ring);
      this.post({ t: 'ring', ring: ring.id, slots: ring.slots.map((s) => s.buffer as SharedArrayBuffer), flags: ring.flags.buffer as SharedArrayBuffer });
    }
    const file = this.nextFile++;
    return {
      update: (b) => {
        if (this.failed) return;
        const slot = ring.slots.findIndex((s) => s.buffer === b.buffer);
        if (slot < 0) throw new Error('a chunk outside the read ring was given to the hashing thread');
        Atomics.store(ring.flags, slot, 1);
        this.post({ t: 'chunk', file, ring: ring.id, slot, offset: b.byteOffset, length: b.length });
      },
      hex: () =>
        new Promise<string>((resolve, reject) => {
          if (this.failed) return reject(this.failed);
          this.pending.set(file, { resolve, reject });
          // Waiting for a digest: the worker must keep the process alive until it answers.
          this.worker.ref();
          this.post({ t: 'end', file });
        }),
    };
  }

  private post(m: ToHasher): void {
    this.worker.postMessage(m);
  }
}

let hasher: Hasher | undefined;
/** Set when a thread could not be started at all: every file is hashed inline. */
let noThread = false;

/**
 * Files at least this big are hashed on the hashing thread (started for the first one); once it
 * runs, every streamed file is. Why: the thread costs 30-50 ms and ~8 MiB of memory to start,
 * what hashing 60-80 MB here costs: one file this size pays half of it back, and a file this
 * size rarely comes alone; a run over small files (the 100 MB bench corpus, files of 1-13 MB)
 * never starts it.
 */
export const OFF_THREAD_HASH_BYTES = 32 << 20;

/**
 * The hashing thread, started when there is none or it died; undefined where no thread can be
 * started at all (a sandbox, a resource limit): then this thread hashes, for the rest of the run.
 */
function runningHasher(): Hasher | undefined {
  if (noThread) return undefined;
  if (hasher && !hasher.broken) return hasher;
  try {
    return (hasher = new Hasher());
  } catch {
    noThread = true;
    return undefined;
  }
}

/** Starts the hashing thread now (tests): every file streamed from now on is hashed there. */
export function startHashingThread(): void {
  runningHasher();
}

/**
 * Ends the hashing thread when nothing more is to be read (its heap and the rings it was given
 * are memory the rest of the run does not need). Not a crash: a later big file starts a new one.
 */
export async function releaseHashingThread(): Promise<void> {
  const done = hasher;
  hasher = undefined;
  await done?.stop();
}

/** Stops the hashing thread as a crash would (tests). */
export async function stopHashingThread(): Promise<void> {
  await hasher?.stop();
}

/** How to hash a file of `size` bytes read through `ring`: on the hashing thread or here. */
export function ringDigester(ring: SharedRing, size: number): Digester {
  // After a crash files are hashed here: only a test restarts the thread.
  if (hasher?.broken || (!hasher && size < OFF_THREAD_HASH_BYTES)) return inlineDigester();
  return runningHasher()?.digester(ring) ?? inlineDigester();
}
