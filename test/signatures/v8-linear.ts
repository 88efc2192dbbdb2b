// The same V8 flags bin/hows.js sets: a regex that backtracks excessively falls back to V8's
// linear-time engine. Import this first in a test that runs hostile regexes.
import v8 from 'node:v8';

v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
v8.setFlagsFromString('--regexp-backtracks-before-fallback=50000');
