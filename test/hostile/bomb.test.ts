import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, REMOUNT, expectNoCrash, hows, kern, kernLines, scratch, summary, warnings } from './harness.js';

/**
 * A gzip bomb: 1 MB on disk, 1 GiB decompressed. 100 kernel lines, then 1 GiB of NUL bytes
 * with no newline (one line, cut to 1 MiB), then 100 more lines ending in a read-only remount.
 * Built from gzip members (one per MiB of zeros: ~1 KB each), so the test makes it in
 * milliseconds; zlib reads the members as one stream, as gunzip does.
 */
const GIB = 1 << 30;
const HEAD = 100;
const TAIL = 100;
let dir: string;
let work: string;
let preload: string;

beforeAll(() => {
  dir = scratch('bomb');
  work = scratch('bomb-out');
  const zeros = gzipSync(Buffer.alloc(1 << 20), { level: 9 });
  const fd = openSync(path.join(dir, 'kern.log.1.gz'), 'w');
  writeSync(fd, gzipSync(kernLines(HEAD)));
  for (let i = 0; i < GIB >> 20; i++) writeSync(fd, zeros);
  writeSync(fd, gzipSync(`\n${kernLines(TAIL - 1, HEAD)}${kern(HEAD + TAIL - 1, REMOUNT)}\n`));
  closeSync(fd);
  // Peak resident memory of the whole process (worker threads included), printed at exit.
  preload = path.join(work, 'maxrss.cjs');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `\\nmaxrss-kb=${process.resourceUsage().maxRSS}\\n`));\n");
});

const maxRss = (stderr: string): number => Number(/maxrss-kb=(\d+)/.exec(stderr)?.[1] ?? NaN) * 1024;

/**
 * One run on a terminal when script(1) is there to make one (it gives hows a pseudo-terminal for
 * stderr, whose output comes back on script's stdout), else a plain run.
 */
function runBomb(): { code: number; stderr: string; raw: string; tty: boolean } {
  const args = ['--require', preload, BIN, 'analyze', dir, '--tz', 'UTC', '--year', '2026', '-o', path.join(work, 'out')];
  if (spawnSync('script', ['--version']).error) {
    const r = hows(args.slice(3), { node: args.slice(0, 2), timeout: 60_000 });
    return { ...r, raw: r.stderr, tty: false };
  }
  const cmd = [process.execPath, ...args].map((a) => `'${a}'`).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  const raw = r.stdout.replace(/\r\n/g, '\n');
  // What stays on screen: each line after its last carriage return, erase-line codes removed.
  const shown = raw.split('\n').map((l) => l.slice(l.lastIndexOf('\r') + 1).replace(/\x1b\[K/g, '')).join('\n');
  return { code: r.status ?? -1, stderr: shown, raw, tty: true };
}

describe('a gzip bomb (1 MB that decompresses to 1 GiB)', () => {
  let r: ReturnType<typeof runBomb>;
  beforeAll(() => {
    r = runBomb();
  });

  it('streams in bounded memory, cuts the 1 GiB line, and keeps the lines after it (no size cap)', () => {
    expect(readFileSync(path.join(dir, 'kern.log.1.gz')).length).toBeLessThan(1.2e6);
    expectNoCrash({ ...r, stdout: '' });
    expect(r.code).toBe(0);
    const w = warnings(r.stderr);
    // The cut line is kept (its first MiB of NULs, as text) and reported twice: cut, and not a syslog line.
    const at = `${path.join(dir, 'kern.log.1.gz')}:${HEAD + 1} (byte ${kernLines(HEAD).length})`;
    expect(w.map((x) => [x.code, x.places])).toEqual([
      ['parse/unparsed-line', [at]],
      ['ingest/long-line', [at]],
    ]);
    expect(w[1]!.reason).toBe(`Line of ${GIB} bytes cut to 1 MiB`);
    expect(summary(r.stderr)).toMatchObject({ files: 1, lines: HEAD + 1 + TAIL, findings: 1 });
    // The finding comes from the very last line, after the 1 GiB: nothing was capped.
    const findings = JSON.parse(readFileSync(path.join(work, 'out', 'findings.json'), 'utf8'));
    expect(findings.inputs[0]).toMatchObject({ uncompressedBytes: kernLines(HEAD).length + GIB + 1 + kernLines(TAIL - 1, HEAD).length + kern(HEAD + TAIL - 1, REMOUNT).length + 1 });
    expect(findings.findings.map((f: { id: string; evidence: Array<{ line: number }> }) => [f.id, f.evidence[0]!.line])).toEqual([['ext4-ro-remount', HEAD + 1 + TAIL]]);
    // Bounded memory: a fraction of the 1 GiB that went through (about 200 MB measured, mostly the runtime).
    expect(maxRss(r.stderr)).toBeLessThan(400 * 1024 * 1024);
  });

  it('shows progress on a terminal while it reads', () => {
    if (!r.tty) {
      console.warn('script(1) is not installed: no terminal to show the progress bar on; not checked');
      return;
    }
    // `[######..................] 0.5/1.0 MB  40 MB/s  ETA 0s  files 0/1`, redrawn in place.
    expect(r.raw).toMatch(/\r\[[#.]{24}\] \d+\.\d\/\d+\.\d MB +\d+ MB\/s +ETA \d+s +files \d+\/1/);
  });
});
