import { parentPort } from 'node:worker_threads';
import type { InputFile } from '../ingest/index.js';
import type { CompiledSignatures } from '../signatures/index.js';
import { compilePayload } from './compile-payload.js';
import { scanDeps, scanOptions, type ScanConfig } from './scan-deps.js';
import { scanFile, type ScanDeps } from './scan-file.js';
import type { SignaturePayload } from './signature-set.js';

/**
 * A scan worker: started ahead of its work (its modules load while the main thread prepares),
 * it compiles the signatures it is sent in the first message once, then scans the files it is
 * sent, one at a time.
 */
type Message = { type: 'init'; init: { signatures: SignaturePayload; scan: ScanConfig } } | { type: 'task'; id: number; input: InputFile };

const port = parentPort!;
let deps: ScanDeps | undefined;
let config: ScanConfig | undefined;
let pendingBytes = 0;

port.on('message', (msg: Message) => {
  if (msg.type === 'init') {
    const compiled: CompiledSignatures = compilePayload(msg.init.signatures);
    deps = scanDeps(compiled);
    config = msg.init.scan;
    return;
  }
  const flush = (): void => {
    if (pendingBytes > 0) port.postMessage({ type: 'progress', id: msg.id, bytes: pendingBytes });
    pendingBytes = 0;
  };
  const opts = scanOptions(config!);
  opts.onBytes = (n) => {
    pendingBytes += n;
    if (pendingBytes >= 8 << 20) flush();
  };
  scanFile(msg.input, deps!, opts).then(
    (output) => {
      flush();
      port.postMessage({ type: 'result', id: msg.id, output });
    },
    (err: Error) => port.postMessage({ type: 'error', id: msg.id, message: err.message, stack: err.stack }),
  );
});
