// Correlation folds routine context on its drafts, before findings are made (the folded ones
// never become Findings): the result must be the one folding the findings would give.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE, foldRoutine } from '../../src/correlate/index.js';
import { compileSignatures, loadPatterns } from '../../src/signatures/index.js';
import { buildEvidence } from './evidence.js';

const ROOT = path.resolve(__dirname, '../..');
const { compiled } = compileSignatures(loadPatterns([path.join(ROOT, 'patterns')]));
const HOUR = 3600e6;

const hhmmss = (minutes: number, second = 0): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}`;
const ready = (host: string, minutes: number, pod: string, pid = 1287): string =>
  `May 28 ${hhmmss(minutes)} ${host} microk8s.daemon-kubelite[${pid}]: I0528 ${hhmmss(minutes)}.002117    ${pid} kubelet.go:2542] "SyncLoop (probe)" probe="readiness" status="ready" pod="${pod}"`;

describe('correlate with a routine window', () => {
  it('gives the findings, tallies and folded lines that folding its findings gives', () => {
    // k8s02: sdb goes read-only at 12:00 after an iSCSI error; all day, pods on both nodes
    // become ready every 9 minutes (far from the problem: counted; within the hour: listed).
    const kern = [
      'May 28 11:58:01 k8s02 kernel: [ 5911.326861]  connection1:0: detected conn error (1020)',
      'May 28 12:00:04 k8s02 kernel: [ 6033.118431] EXT4-fs error (device sdb): ext4_journal_check_start:83: comm kworker: Detected aborted journal',
      'May 28 12:00:04 k8s02 kernel: [ 6033.118520] EXT4-fs (sdb): Remounting filesystem read-only',
    ];
    const journal = (host: string, pid: number): string[] => Array.from({ length: 160 }, (_, i) => ready(host, i * 9, `web/app-${host}-${i}`, pid));
    const ev = buildEvidence(compiled, { 'k8s02/kern.log': kern, 'k8s01/syslog': journal('k8s01', 1287), 'k8s02/syslog': journal('k8s02', 2231) }, { year: 2026, offsetHours: 0 });
    const input = { ...ev, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' };

    const unfolded = correlate(input);
    const viaFindings = foldRoutine(unfolded.findings, unfolded.chains, HOUR);
    const onDrafts = correlate({ ...input, routineWindow: HOUR });

    expect(onDrafts.chains).toEqual(unfolded.chains);
    expect(onDrafts.findings).toEqual(viaFindings.findings);
    expect(onDrafts.routine).toEqual(viaFindings.routine);
    expect([...onDrafts.foldedEvents].sort((a, b) => a - b)).toEqual([...viaFindings.foldedEvents].sort((a, b) => a - b));
    // Not a vacuous comparison: most readiness changes are counted, those near 12:00 listed.
    const readyListed = onDrafts.findings.filter((f) => f.id === 'pod-ready');
    expect(onDrafts.routine.map((t) => t.host).sort()).toEqual(['k8s01', 'k8s01', 'k8s02', 'k8s02']);
    expect(onDrafts.routine.reduce((a, t) => a + t.findings, 0) + readyListed.length).toBe(320);
    expect(readyListed.length).toBeGreaterThan(0);
    expect(readyListed.every((f) => Math.abs(Date.parse(f.first) - Date.parse('2026-05-28T12:00:04Z')) <= 3600e3)).toBe(true);
    // Window 0 lists every draft, as correlate without a window does.
    expect(correlate({ ...input, routineWindow: 0 }).findings).toEqual(unfolded.findings);
  });
});
