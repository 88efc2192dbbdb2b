#!/usr/bin/env node
// Entry point of the `hows` command. The V8 flags make every regular expression fall back to
// V8's linear-time engine when it backtracks excessively, so a hostile pattern or line can not
// hang a run (see src/signatures/safe-regex.ts). They must be set before any RegExp is compiled.
import v8 from 'node:v8';
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
v8.setFlagsFromString('--regexp-backtracks-before-fallback=50000');
const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv);
