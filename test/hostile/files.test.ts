import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IS_ROOT, NOBODY, REMOUNT, codes, hows, expectNoCrash, kern, kernLines, scratch, summary, timeline, warnings, writeTree } from './harness.js';

let dir: string;
beforeAll(() => {
  dir = scratch('files');
});

/**
 * Root reads any file whatever its mode, so the permission cases run as `nobody` when the tests
 * run as root (and as the current user otherwise). Where switching user is not allowed either,
 * they can not be checked: the /proc/self/mem case still runs (unreadable for root too).
 */
const runAs: number | undefined = IS_ROOT ? NOBODY : undefined;
const canSwitch = !IS_ROOT || !spawnSync(process.execPath, ['-e', ''], { uid: NOBODY, gid: NOBODY }).error;

describe('an unreadable file', () => {
  const restore: string[] = [];
  afterAll(() => {
    for (const p of restore) chmodSync(p, 0o755);
  });

  it.runIf(canSwitch)('(mode 000, and inside a folder without x) is skipped with a warning; the rest is read', () => {
    const d = writeTree(path.join(dir, 'perm'), { 'kern.log': kernLines(3), 'secret.log': kernLines(2, 10), 'nox/kern.log.1': kernLines(2, 20) });
    chmodSync(path.join(d, 'secret.log'), 0o000);
    chmodSync(path.join(d, 'nox'), 0o644); // can be listed, entries can not be reached
    restore.push(path.join(d, 'secret.log'), path.join(d, 'nox'));
    const r = timeline([d], [], { cwd: dir, ...(runAs !== undefined ? { uid: runAs } : {}) });
    expect(r.code).toBe(0);
    expect(warnings(r.stderr).map((w) => [w.code, w.reason])).toEqual([
      ['ingest/unreadable', `Cannot read ${path.join(d, 'nox/kern.log.1')} (permission denied on a folder above it), skipped`],
      ['ingest/unreadable', `Cannot read ${path.join(d, 'secret.log')} (permission denied), skipped`],
    ]);
    expect(r.events.map((e) => e.raw)).toEqual([kern(0), kern(1), kern(2)]);
    expect(summary(r.stderr)).toMatchObject({ files: 1, lines: 3 });
    // Alone, it leaves nothing to read.
    const alone = hows(['timeline', path.join(d, 'secret.log'), '--format', 'jsonl'], { cwd: dir, ...(runAs !== undefined ? { uid: runAs } : {}) });
    expectNoCrash(alone);
    expect(alone.code).toBe(2);
    expect(codes(alone.stderr)).toEqual(['ingest/unreadable']);
    expect(alone.stderr).toContain('hows: no input could be read');
  });

  it.runIf(existsSync('/proc/self/mem'))('that opens but fails to read (EIO: /proc/self/mem, even for root) is skipped, not a crash', () => {
    const d = writeTree(path.join(dir, 'eio'), { 'kern.log': kernLines(2) });
    const r = timeline([path.join(d, 'kern.log'), '/proc/self/mem']);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr).map((w) => [w.code, w.reason])).toEqual([['ingest/unreadable', 'Cannot read /proc/self/mem (EIO: i/o error, read), skipped']]);
    expect(r.events).toHaveLength(2);
    const alone = timeline(['/proc/self/mem']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('hows: no input could be read');
  });
});

describe('symbolic links', () => {
  it('a dangling link and link loops are skipped with warnings; a link to a folder above is not walked twice', () => {
    const d = writeTree(path.join(dir, 'links'), { 'kern.log': kernLines(2) });
    symlinkSync('nowhere.log', path.join(d, 'dangling.log'));
    symlinkSync('loop-b', path.join(d, 'loop-a'));
    symlinkSync('loop-a', path.join(d, 'loop-b'));
    mkdirSync(path.join(d, 'sub'));
    symlinkSync('..', path.join(d, 'sub', 'up'));
    const r = timeline([d]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr).map((w) => [w.code, w.reason])).toEqual([
      ['ingest/dangling-symlink', `Dangling symbolic link ${path.join(d, 'dangling.log')} -> nowhere.log, skipped`],
      ['ingest/symlink-loop', `Symbolic link loop at ${path.join(d, 'loop-a')}, skipped`],
      ['ingest/symlink-loop', `Symbolic link loop at ${path.join(d, 'loop-b')}, skipped`],
      ['ingest/symlink-loop', `Directory loop at ${path.join(d, 'sub', 'up')}, not entered again`],
    ]);
    expect(r.events).toHaveLength(2);
    expect(summary(r.stderr)).toMatchObject({ files: 1, lines: 2 });
  });

  it('a dangling link given alone: exit 2, its warning, nothing read', () => {
    const d = path.join(dir, 'links-alone');
    mkdirSync(d);
    symlinkSync('gone.log', path.join(d, 'kern.log'));
    const r = timeline([path.join(d, 'kern.log')]);
    expect(r.code).toBe(2);
    expect(codes(r.stderr)).toEqual(['ingest/dangling-symlink']);
    expect(r.stderr).toContain('hows: no input could be read');
  });
});

describe('a folder of 10 000 small files', () => {
  it('reads every file within the time limit (about 15 s measured on 2 busy cores)', () => {
    const d = path.join(dir, 'many');
    mkdirSync(d);
    for (let i = 0; i < 10_000; i++) writeFileSync(path.join(d, `pod-${String(i).padStart(5, '0')}.log`), `${kern(i)}\n`);
    const t0 = Date.now();
    const r = hows(['analyze', d, '--year', '2026', '--format', 'json'], { timeout: 90_000 });
    const seconds = (Date.now() - t0) / 1000;
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(codes(r.stderr)).toEqual([]);
    const result = JSON.parse(r.stdout);
    expect(result.inputs).toHaveLength(10_000);
    expect(result.inputs.reduce((a: number, i: { lines: number }) => a + i.lines, 0)).toBe(10_000);
    expect(summary(r.stderr)).toMatchObject({ files: 10_000, lines: 10_000 });
    expect(seconds).toBeLessThan(90);
  }, 120_000);
});

describe('the same file given twice or under two names', () => {
  it('is read once: the same file (argument twice, symlink, hard link) by inode, a copy by sha256; each warned', () => {
    const d = writeTree(path.join(dir, 'dup'), { 'k8s02/kern.log': `${kern(0)}\n${kern(1, REMOUNT)}\n` });
    const f = path.join(d, 'k8s02/kern.log');
    symlinkSync('kern.log', path.join(d, 'k8s02/kern.log.link'));
    linkSync(f, path.join(d, 'k8s02/kern.log.hard'));
    copyFileSync(f, path.join(d, 'k8s02/kern.log.1'));
    const r = timeline([f, f, path.join(d, 'k8s02')]);
    expect(r.code).toBe(0);
    const w = warnings(r.stderr).map((x) => [x.code, x.reason]);
    expect(w).toEqual(
      expect.arrayContaining([
        ['ingest/duplicate-file', `${f} is the same file as ${f}; read once`],
        ['ingest/duplicate-file', `${path.join(d, 'k8s02/kern.log.hard')} is the same file as ${f}; read once`],
        ['ingest/duplicate-file', `${path.join(d, 'k8s02/kern.log.link')} is the same file as ${f}; read once`],
        ['ingest/duplicate-content', `${path.join(d, 'k8s02/kern.log.1')} has the same content (sha256) as ${f}; read once`],
      ]),
    );
    expect(w).toHaveLength(5); // the folder lists kern.log again: one more duplicate-file
    expect(r.events.map((e) => [e.raw, e.from.map((p) => p.file)])).toEqual([
      [kern(0), [f]],
      [kern(1, REMOUNT), [f]],
    ]);
    expect(summary(r.stderr)).toMatchObject({ files: 1, lines: 2, findings: 1 });
  });
});
