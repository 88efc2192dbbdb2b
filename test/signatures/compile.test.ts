import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { compileSignatures, loadPatterns } from '../../src/signatures/index.js';
import { loadInline, sig } from './helpers.js';
import { simpleParseLine } from './simple-parse.js';

const rec = (line: string): ParsedRecord => simpleParseLine(line)!;

describe('compileSignatures', () => {
  const set = loadInline({
    'deleting-pod': sig('deleting-pod', `{kind: event, regex: '"Deleting pod" controller="taint-eviction-controller" pod="(?<pod>[^"]+)"'}`, 'applies_to: {sources: [syslog, journal], programs: [\'microk8s.daemon-*\']}'),
    'ext4-ro': sig('ext4-ro', `{kind: event, regex: 'EXT4-fs \\((?<device>[a-z]+)\\): Remounting filesystem read-only'}`, 'applies_to: {sources: [kernel], programs: [kernel]}'),
    'klog-error': sig('klog-error', `{kind: event, where: {klog.severity: E, klog.file: {regex: '^pod_workers'}}}`, 'applies_to: {sources: [syslog]}'),
    'two-ways': sig('two-ways', `{kind: event, regex: ['session recovery timed out after (?<secs>[0-9]+) secs', 'ping timeout of (?<secs>[0-9]+) secs expired']}`),
  });
  const { compiled, diagnostics } = compileSignatures(set, { timing: true });

  it('loads and compiles cleanly', () => {
    expect(set.diagnostics).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('gives the chunk scanner every literal, with JSON-escaped spellings of quoted ones', () => {
    expect(compiled.literals()).toEqual([
      '"Deleting pod" controller="taint-eviction-controller" pod="',
      '): Remounting filesystem read-only',
      '\\"Deleting pod\\" controller=\\"taint-eviction-controller\\" pod=\\"',
      'ping timeout of ',
      'session recovery timed out after ',
    ]);
    expect(compiled.literalsOf('klog-error')).toBeNull();
  });

  it('reports the sources and programs a literal-less signature forces to be parsed', () => {
    expect(compiled.ungated()).toEqual({ sources: ['syslog'], programs: ['*'] });
  });

  it('dispatches by source and program (globs included) before any regex', () => {
    const kubelite = 'May 28 20:21:04 k8s02 microk8s.daemon-kubelite[2431]: I0528 20:21:04.118402    2431 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="openebs/x"';
    expect(compiled.match(rec(kubelite))).toEqual([{ id: 'deleting-pod', captures: { pod: 'openebs/x' } }]);
    expect(compiled.match(rec(kubelite.replace('microk8s.daemon-kubelite', 'other-daemon')))).toEqual([]);
    // a kernel line read from syslog has source 'kernel' in the test parser: ext4-ro applies
    expect(compiled.match(rec('May 28 20:23:12 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only'))).toEqual([{ id: 'ext4-ro', captures: { device: 'sdb' } }]);
    // an unknown program does not exclude a record (a bare klog file has none)
    const noProgram: ParsedRecord = { ...rec(kubelite), program: undefined };
    expect(compiled.match(noProgram).map((h) => h.id)).toEqual(['deleting-pod']);
  });

  it('matches where conditions on structured fields and captures their values', () => {
    const line = 'May 28 20:21:04 k8s02 microk8s.daemon-kubelite[2431]: E0528 20:21:04.118402    2431 pod_workers.go:1301] "Error syncing pod, skipping" err="x"';
    expect(compiled.match(rec(line))).toEqual([{ id: 'klog-error', captures: { klog_severity: 'E', klog_file: 'pod_workers.go' } }]);
    expect(compiled.match(rec(line.replace('E0528', 'I0528')))).toEqual([]);
  });

  it('tries regex alternatives in order', () => {
    expect(compiled.match(rec('May 28 20:23:09 k8s02 kernel: session1: session recovery timed out after 120 secs'))).toEqual([{ id: 'two-ways', captures: { secs: '120' } }]);
    expect(compiled.match(rec('May 28 20:23:09 k8s02 kernel: session1: ping timeout of 5 secs expired'))).toEqual([{ id: 'two-ways', captures: { secs: '5' } }]);
  });

  it('counts time, calls, regex runs and hits per signature (HOWS_TIMING)', () => {
    const rows = new Map(compiled.timing().map((r) => [r.id, r]));
    expect(rows.get('two-ways')).toMatchObject({ hits: 2 });
    // the literal gate kept the regexes from running on most candidate lines
    const t = rows.get('two-ways')!;
    expect(t.regexRuns).toBeLessThan(t.calls * 2);
  });
});

describe('pattern folders', () => {
  it('let a later folder replace a signature of an earlier one, and refuse duplicates within one', () => {
    const a = loadInline({ x: sig('x', "{kind: event, regex: 'abc'}"), y: sig('y', "{kind: event, regex: 'abc'}") }, 'one');
    const dirA = path.dirname(path.dirname(a.files.find((f) => f.endsWith('x.yml'))!));
    const b = loadInline({ x: sig('x', "{kind: event, regex: 'xyz'}") }, 'two');
    const dirB = path.dirname(path.dirname(b.files.find((f) => f.endsWith('x.yml'))!));
    const both = loadPatterns([dirA, dirB]);
    expect(both.signatures.map((s) => [s.id, s.match.kind === 'event' ? s.match.regex : ''])).toEqual([
      ['y', 'abc'],
      ['x', 'xyz'],
    ]);
    expect(both.diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'pattern/overridden']]);
    const dup = loadInline({ x: sig('x', "{kind: event, regex: 'abc'}") }, 'three');
    const dirC = path.dirname(path.dirname(dup.files.find((f) => f.endsWith('x.yml'))!));
    mkdirSync(path.join(dirC, 'four'));
    writeFileSync(path.join(dirC, 'four', 'x.yml'), sig('x', "{kind: event, regex: 'def'}"));
    expect(loadPatterns([dirC]).diagnostics.map((d) => d.code)).toEqual(['pattern/duplicate-id']);
  });
});
