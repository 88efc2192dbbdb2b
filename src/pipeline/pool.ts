import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A small worker-thread pool: `jobs` slots take tasks from one queue, biggest first, and
 * results come back in input order. One slot may be this thread (`local`): it has its modules
 * loaded and its signatures compiled already, so it starts at once while the workers load
 * theirs. The scan stage uses it to read files on every core (one file per task; a file is
 * never split, so line numbers stay exact).
 *
 * Why (measured on the 2-core box): a worker spends 0.2-0.7 s importing its modules and
 * compiling the signatures before it reads a byte; with this thread as a slot, that time is
 * spent scanning instead of waiting, and one worker (not two) pays it. Biggest first (by
 * uncompressed size) keeps one slot from ending the run alone on a big file that came last.
 */
type FromWorker<TOut> =
  | { type: 'ready' }
  | { type: 'result'; id: number; output: TOut }
  | { type: 'error'; id: number; message: string; stack?: string }
  | { type: 'progress'; id: number; bytes: number };

/** Resolves a worker module next to this file; under the test runner (TS sources) use dist/. */
export function workerUrl(name: string, base: string = import.meta.url): URL {
  const here = fileURLToPath(base);
  if (here.endsWith('.ts')) {
    const dist = here.replace(/[\\/]src[\\/]/, '/dist/').replace(/[^\\/]+\.ts$/, `${name}.js`);
    return new URL(`file://${dist}`);
  }
  return new URL(`./${name}.js`, base);
}

export interface PoolOptions<TIn, TOut> {
  /** Sent to every worker before its first task. */
  init: unknown;
  /** Runs a task in this thread (one more slot). */
  local?: (input: TIn) => Promise<TOut>;
  /** Expected cost of a task: larger ones start first. */
  weight?: (input: TIn, index: number) => number;
  onProgress?: (bytes: number) => void;
  onResult?: (index: number, output: TOut) => void;
}

/**
 * Workers started ahead of their work: a worker imports its modules while this thread is still
 * preparing (loading signatures, listing inputs), then receives `init` and its tasks.
 */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor(url: URL, count: number, options: WorkerOptions = {}) {
    this.workers = Array.from({ length: Math.max(0, count) }, () => new Worker(url, options));
  }

  get size(): number {
    return this.workers.length;
  }

  async run<TIn, TOut>(inputs: readonly TIn[], opts: PoolOptions<TIn, TOut>): Promise<TOut[]> {
    const results = new Array<TOut>(inputs.length);
    const order = inputs.map((_, i) => i);
    if (opts.weight) {
      const w = inputs.map((x, i) => opts.weight!(x, i));
      order.sort((a, b) => w[b]! - w[a]! || a - b);
    }
    let next = 0;
    const take = (): number | undefined => (next < order.length ? order[next++] : undefined);
    const done = (id: number, output: TOut): void => {
      results[id] = output;
      opts.onResult?.(id, output);
    };
    const runners: Array<Promise<void>> = this.workers.map(async (worker) => {
      const pending = new Map<number, { resolve: (v: TOut) => void; reject: (e: Error) => void }>();
      const failed = new Promise<never>((_, reject) => {
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (pending.size > 0) reject(new Error(`scan worker exited with code ${code}`));
        });
      });
      failed.catch(() => {});
      worker.on('message', (msg: FromWorker<TOut>) => {
        if (msg.type === 'progress') opts.onProgress?.(msg.bytes);
        else if (msg.type === 'result') pending.get(msg.id)?.resolve(msg.output);
        else if (msg.type === 'error') {
          const e = new Error(msg.message);
          if (msg.stack) e.stack = msg.stack;
          pending.get(msg.id)?.reject(e);
        }
      });
      worker.postMessage({ type: 'init', init: opts.init });
      for (let id = take(); id !== undefined; id = take()) {
        const task = id;
        const output = await Promise.race([
          new Promise<TOut>((resolve, reject) => {
            pending.set(task, { resolve, reject });
            worker.postMessage({ type: 'task', id: task, input: inputs[task] });
          }),
          failed,
        ]);
        pending.delete(task);
        done(task, output);
      }
    });
    if (opts.local) {
      const local = opts.local;
      runners.push(
        (async () => {
          for (let id = take(); id !== undefined; id = take()) done(id, await local(inputs[id]!));
        })(),
      );
    }
    await Promise.all(runners);
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Starts `jobs` slots (this thread is one of them when `local` is given), runs, stops. */
export async function runPool<TIn, TOut>(inputs: readonly TIn[], opts: PoolOptions<TIn, TOut> & { url: URL; jobs: number }): Promise<TOut[]> {
  const slots = Math.max(1, Math.min(opts.jobs, inputs.length));
  const pool = new WorkerPool(opts.url, opts.local ? slots - 1 : slots);
  try {
    return await pool.run(inputs, opts);
  } finally {
    await pool.close();
  }
}
