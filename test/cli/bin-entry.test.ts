import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './run-bin.js';

// bin/hows.js runs dist/bundle (what `npm run build` makes) unless dist/cli is newer (a bare
// `tsc` since the last bundle), and says what to do when there is no build at all. A copy of
// the bin next to stand-in dist modules that print which one ran.
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeInstall(modules: Array<'bundle' | 'cli'>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hows-bin-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'bin'));
  copyFileSync(path.join(ROOT, 'bin/hows.js'), path.join(root, 'bin/hows.js'));
  writeFileSync(path.join(root, 'package.json'), '{"type":"module"}');
  for (const m of modules) {
    mkdirSync(path.join(root, 'dist', m), { recursive: true });
    writeFileSync(path.join(root, 'dist', m, 'main.js'), `export async function main() { process.stdout.write('${m}'); return 0; }\n`);
  }
  return root;
}

const setAge = (root: string, rel: string, secondsAgo: number): void => {
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path.join(root, rel), t, t);
};

const run = (root: string) => spawnSync(process.execPath, [path.join(root, 'bin/hows.js'), '--version'], { encoding: 'utf8' });

describe('bin/hows.js entry', () => {
  it('runs the bundle when it is as new as the modules it was made from', () => {
    const root = fakeInstall(['bundle', 'cli']);
    setAge(root, 'dist/cli/main.js', 60);
    setAge(root, 'dist/bundle/main.js', 30);
    const r = run(root);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('bundle');
  });

  it('runs the unbundled modules after a bare tsc left the bundle behind', () => {
    const root = fakeInstall(['bundle', 'cli']);
    setAge(root, 'dist/bundle/main.js', 60);
    setAge(root, 'dist/cli/main.js', 30);
    expect(run(root).stdout).toBe('cli');
  });

  it('runs the modules when there is no bundle', () => {
    expect(run(fakeInstall(['cli'])).stdout).toBe('cli');
  });

  it('exits 3 with what to do when there is no build', () => {
    const root = fakeInstall([]);
    const r = run(root);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('no build in');
    expect(r.stderr).toContain('npm install');
  });
});

describe('the built bundle', () => {
  // Loading the bundle must have no effect of its own: the build step that writes the
  // precompiled templates once sat in a module the bundle includes, behind a "run as main"
  // check that is true for `node dist/bundle/main.js` (it wrote into dist/bundle and printed).
  it('does nothing but load when run directly', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/bundle/main.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(ROOT, 'dist/bundle/templates.precompiled.js'))).toBe(false);
  });
});
