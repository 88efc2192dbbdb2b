// Backs a recommendation to bin/hows.js: V8 counts backtracks per match attempt, so with
// --regexp-backtracks-before-fallback=50000 a *polynomial* pattern tried at every start of a
// 100 kB line can still take seconds (measured: `.*.*=.*` 7.7 s, `(.*,){8}x` on 20 kB 1.9 s).
// The static check refuses those shapes; with a threshold of 1000 they end well within a
// second anyway (measured 0.22 s and 0.09 s). This file runs in its own process (forks pool),
// so the lower threshold set here does not leak into other tests.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';

v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
v8.setFlagsFromString('--regexp-backtracks-before-fallback=1000');

describe('V8 linear-time fallback at 1000 backtracks', () => {
  it.each(['.*.*=.*', '(.*,){8}x', '(a+)+$'])('ends %s over a 100 kB adversarial line within a second', (src) => {
    const re = new RegExp(src);
    const t0 = performance.now();
    re.exec(`${'a'.repeat(100_000)}!`);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
