#!/usr/bin/env node
// Entry point of the `hows` command. The V8 flags make every regular expression fall back to
// V8's linear-time engine when it backtracks excessively, so a hostile pattern or line can not
// hang a run (see src/signatures/safe-regex.ts). They must be set before any RegExp is compiled.
import { statSync } from 'node:fs';
import v8 from 'node:v8';
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
v8.setFlagsFromString('--regexp-backtracks-before-fallback=50000');

// `npm run build` bundles dist/cli into dist/bundle (one module to load instead of ~200). After
// a bare `tsc` the bundle is older than the code it was made from: the unbundled modules run.
const dist = new URL('../dist/', import.meta.url);
const mtime = (rel) => {
  try {
    return statSync(new URL(rel, dist)).mtimeMs;
  } catch {
    return -1;
  }
};
const bundle = mtime('bundle/main.js');
const modules = mtime('cli/main.js');
if (bundle < 0 && modules < 0) {
  process.stderr.write(`hows: no build in ${dist.pathname}: run npm install (or npm run build) in ${new URL('..', dist).pathname}\n`);
  process.exit(3); // EXIT.internal: a broken install
}
const { main } = await import(bundle >= modules ? '../dist/bundle/main.js' : '../dist/cli/main.js');
process.exitCode = await main(process.argv);
