import { parentPort, workerData } from 'node:worker_threads';
import type { InputFile } from '../ingest/index.js';
import { scanDeps, scanOptions, type ScanConfig } from './scan-deps.js';
import { scanFile } from './scan-file.js';
import { compilePayload, type SignaturePayload } from './signature-set.js';

/** A scan worker: compiles the signatures it was given once, then scans the files it is sent. */
const init = workerData as { signatures: SignaturePayload; scan: ScanConfig };
const deps = scanDeps(compilePayload(init.signatures));
const port = parentPort!;
let pendingBytes = 0;

port.on('message', (msg: { id: number; input: InputFile }) => {
  const flush = (): void => {
    if (pendingBytes > 0) port.postMessage({ type: 'progress', id: msg.id, bytes: pendingBytes });
    pendingBytes = 0;
  };
  const opts = scanOptions(init.scan);
  opts.onBytes = (n) => {
    pendingBytes += n;
    if (pendingBytes >= 8 << 20) flush();
  };
  scanFile(msg.input, deps, opts).then(
    (output) => {
      flush();
      port.postMessage({ type: 'result', id: msg.id, output });
    },
    (err: Error) => port.postMessage({ type: 'error', id: msg.id, message: err.message, stack: err.stack }),
  );
});
