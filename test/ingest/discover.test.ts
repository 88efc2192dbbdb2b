import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRotations, discoverInputs, hostFromDir, hostFromPath, parseIgnore } from '../../src/ingest/index.js';

describe('rotation order', () => {
  it('puts the oldest rotation first and the live file last', () => {
    const names = ['syslog', 'syslog.1', 'kern.log', 'syslog.2.gz', 'syslog.10.gz', 'kern.log.1', 'syslog.3.gz'];
    expect([...names].sort(compareRotations)).toEqual(['kern.log.1', 'kern.log', 'syslog.10.gz', 'syslog.3.gz', 'syslog.2.gz', 'syslog.1', 'syslog']);
  });
  it('orders dateext rotations by date', () => {
    expect(['messages', 'messages-20260528', 'messages-20260521.gz'].sort(compareRotations)).toEqual(['messages-20260521.gz', 'messages-20260528', 'messages']);
  });
});

describe('hostFromDir', () => {
  it('takes node-like folder names and ignores generic ones', () => {
    expect(hostFromDir('evidence/k8s02')).toBe('k8s02');
    expect(hostFromDir('/var/log')).toBeUndefined();
    expect(hostFromDir('samples/2026-05-28-power-outage')).toBeUndefined();
    expect(hostFromDir('x/kubectl')).toBeUndefined();
    expect(hostFromDir('x/kubectl-2210')).toBeUndefined();
  });
  it('looks through generic and CRI pod log folders for the node', () => {
    expect(hostFromPath('ev/k8s01/pods/ci_dependency-track-api-server-0_4af6880c-2219-44bb-8202-3dfeb70ca8d8/dependency-track-apiserver/499.log')).toBe('k8s01');
    expect(hostFromPath('ev/k8s02/logs/syslog')).toBe('k8s02');
    expect(hostFromPath('/var/log/syslog')).toBeUndefined();
    expect(hostFromPath('samples/2026-05-28-power-outage/kubectl-2210/pods.json')).toBeUndefined();
  });
});

describe('discoverInputs', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'hows-disc-'));
  mkdirSync(path.join(root, 'k8s02'));
  mkdirSync(path.join(root, 'k8s01'));
  for (const n of ['syslog', 'syslog.1', 'syslog.2.gz', 'kern.log']) writeFileSync(path.join(root, 'k8s02', n), 'x\n');
  writeFileSync(path.join(root, 'k8s01', 'syslog'), 'y\n');
  writeFileSync(path.join(root, 'README.md'), '# notes\n');
  writeFileSync(path.join(root, 'expected.json'), '{}\n');
  writeFileSync(path.join(root, '.howsignore'), '# sample metadata\nREADME.md\nexpected*\n');
  writeFileSync(path.join(root, '.hidden'), 'z\n');
  symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
  symlinkSync(root, path.join(root, 'k8s01', 'loop'));
  symlinkSync(path.join(root, 'k8s01', 'syslog'), path.join(root, 'k8s01', 'syslog-again'));

  it('walks folders in a stable order, honours .howsignore, and reports every skip', async () => {
    const { files, diagnostics } = await discoverInputs([root]);
    const rel = files.map((f) => path.relative(root, f.path));
    expect(rel).toEqual(['k8s01/syslog', 'k8s02/kern.log', 'k8s02/syslog.2.gz', 'k8s02/syslog.1', 'k8s02/syslog']);
    expect(files[1]!.hostHint).toBe('k8s02');
    const codes = diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['ingest/dangling-symlink', 'ingest/duplicate-file', 'ingest/hidden-skipped', 'ingest/symlink-loop']);
  });

  it('reports a missing path as an error', async () => {
    const { files, diagnostics } = await discoverInputs([path.join(root, 'missing')]);
    expect(files).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'ingest/not-found' });
  });

  it('parses ignore globs', () => {
    const r = parseIgnore('*.md\n# c\nexpected/\n');
    expect(r.ignores('README.md')).toBe(true);
    expect(r.ignores('expected')).toBe(true);
    expect(r.ignores('syslog')).toBe(false);
  });
});
