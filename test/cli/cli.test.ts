import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT, hows } from './run-bin.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'hows-cli-'));
const SAMPLE = 'samples/2026-05-28-power-outage';

describe('hows CLI', () => {
  it('explains itself: --help lists commands, examples and exit codes; --version prints the version', () => {
    const help = hows(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['analyze', 'timeline', 'check', 'scan', 'correlate', 'patterns']) expect(help.stdout).toContain(c);
    expect(help.stdout).toContain('Exit codes');
    const sub = hows(['analyze', '--help']);
    expect(sub.stdout).toContain('--display-tz');
    expect(sub.stdout).toContain('Examples:');
    const v = hows(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('rejects bad usage with exit 2 and a clear message, without a stack trace', () => {
    const bad = [
      ['analyze', SAMPLE, '--tz', 'Mars/Olympus'],
      ['analyze', SAMPLE, '--since', 'the day after never'],
      ['analyze', SAMPLE, '--year', '20x6'],
      ['analyze', SAMPLE, '--as', 'nonsense'],
      ['analyze', SAMPLE, '--bogus'],
      ['frobnicate'],
    ];
    for (const args of bad) {
      const r = hows(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    }
    expect(hows(['analyze', SAMPLE, '--tz', 'Mars/Olympus']).stderr).toContain('Unknown time zone "Mars/Olympus"');
  });

  it('exits 2 when no input can be read at all', () => {
    const r = hows(['analyze', path.join(tmp, 'does-not-exist')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No such file or directory');
    expect(r.stderr).toContain('no input could be read');
  });

  it('analyses the seed-001 sample: writes the three reports and links the ro remount back to the KCM reconnect', () => {
    const out = path.join(tmp, 'out');
    const r = hows(['analyze', SAMPLE, '--tz', 'Australia/Brisbane', '-o', out, '-q']);
    expect(r.code).toBe(0);
    const findings = JSON.parse(readFileSync(path.join(out, 'findings.json'), 'utf8'));
    const ids = new Map<string, string>(findings.findings.map((f: { ref: string; id: string }) => [f.ref, f.id]));
    const chain = findings.chains.map((c: { steps: Array<{ ref: string }> }) => c.steps.map((s) => ids.get(s.ref))).find((c: string[]) => c.includes('ext4-ro-remount'));
    expect(chain).toEqual(expect.arrayContaining(['ext4-ro-remount', 'jbd2-journal-abort', 'scsi-offline-io-error', 'iscsi-session-timeout', 'iscsi-conn-error-1020', 'taint-eviction-batch', 'kcm-reconnect']));
    const pir = readFileSync(path.join(out, 'pir.md'), 'utf8');
    expect(pir).toContain('How did');
    expect(readFileSync(path.join(out, 'timeline.md'), 'utf8')).toContain('Deleting pod');
  });

  it('scan per file + correlate gives the same findings.json as analyze', () => {
    const hitsA = path.join(tmp, 'a.jsonl');
    const hitsB = path.join(tmp, 'b.jsonl');
    const args = ['--tz', 'Australia/Brisbane', '-q'];
    expect(hows(['scan', `${SAMPLE}/k8s02`, '-o', hitsA, ...args]).code).toBe(0);
    expect(hows(['scan', `${SAMPLE}/k8s01`, `${SAMPLE}/k8s03`, `${SAMPLE}/kubectl`, `${SAMPLE}/kubectl-2210`, '-o', hitsB, ...args]).code).toBe(0);
    const split = hows(['correlate', hitsA, hitsB, '--format', 'json', ...args]);
    const whole = hows(['analyze', SAMPLE, '--format', 'json', ...args]);
    expect(split.code).toBe(0);
    const a = JSON.parse(split.stdout);
    const b = JSON.parse(whole.stdout);
    expect(a.findings).toEqual(b.findings);
    expect(a.chains).toEqual(b.chains);
  });

  it('prints the same events for a kern.log and a gzipped copy of it (issue 3 acceptance)', () => {
    const dir = path.join(tmp, 'gzpair');
    const kern = [
      'May 28 20:23:09 k8s02 kernel: [ 6100.061564]  session1: session recovery timed out after 120 secs',
      'May 28 20:23:09 k8s02 kernel: [ 6100.063676] sd 3:0:0:0: [sdb] rejecting I/O to offline device',
      'May 28 20:23:14 k8s02 kernel: [ 6104.402394] EXT4-fs (sdb): Remounting filesystem read-only',
    ].join('\n') + '\n';
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'kern.log'), kern);
    writeFileSync(path.join(dir, 'kern.log.1.gz'), gzipSync(kern));
    const r = hows(['timeline', dir, '--format', 'jsonl', '--tz', 'Australia/Brisbane', '--year', '2026', '-q']);
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events).toHaveLength(3);
    for (const e of events) {
      const files = e.from.map((p: { file: string }) => path.basename(p.file)).sort();
      expect(files).toEqual(['kern.log', 'kern.log.1.gz']);
      expect(new Set(e.from.map((p: { line: number }) => p.line)).size).toBe(1);
    }
    expect(events[2].message).toBe('EXT4-fs (sdb): Remounting filesystem read-only');
    expect(events[2].datetime ?? events[2].time).toBeDefined();
  });

  it('places the issue-3 acceptance line at 2026-05-28T10:21:04Z on host k8s02', () => {
    const f = path.join(tmp, 'one.log');
    writeFileSync(f, 'May 28 20:21:04 k8s02 kernel: [ 1234.567890] EXT4-fs (sdb): Remounting filesystem read-only\n');
    const r = hows(['timeline', f, '--format', 'jsonl', '--tz', 'Australia/Brisbane', '--year', '2026', '-q']);
    const e = JSON.parse(r.stdout.trim());
    expect(JSON.stringify(e)).toContain('2026-05-28T10:21:04');
    expect(e.host).toBe('k8s02');
  });

  it('reads stdin with -', () => {
    const r = hows(['timeline', '-', '--format', 'jsonl', '--year', '2026', '-q'], { input: 'May 28 20:21:04 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Remounting filesystem read-only');
  });

});
