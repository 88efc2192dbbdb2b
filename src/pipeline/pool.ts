import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A small worker-thread pool: one worker per job slot, each initialised once with `init`, then
 * fed tasks in order; results come back in task order. The scan stage uses it to read files on
 * both cores (one file per task; a file is never split, so line numbers stay exact).
 */
export interface PoolTask<TIn> {
  input: TIn;
}

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

export async function runPool<TIn, TOut>(
  inputs: readonly TIn[],
  opts: {
    url: URL;
    init: unknown;
    jobs: number;
    onProgress?: (bytes: number) => void;
    onResult?: (index: number, output: TOut) => void;
  },
): Promise<TOut[]> {
  const results = new Array<TOut>(inputs.length);
  let next = 0;
  const jobs = Math.max(1, Math.min(opts.jobs, inputs.length));
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: jobs }, async () => {
        const worker = new Worker(opts.url, { workerData: opts.init });
        workers.push(worker);
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
        while (next < inputs.length) {
          const id = next++;
          const output = await Promise.race([
            new Promise<TOut>((resolve, reject) => {
              pending.set(id, { resolve, reject });
              worker.postMessage({ id, input: inputs[id] });
            }),
            failed,
          ]);
          pending.delete(id);
          results[id] = output;
          opts.onResult?.(id, output);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
