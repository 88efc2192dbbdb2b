import { describe, expect, it } from 'vitest';
import { ROUTINE_MIN, foldRoutine } from '../../src/correlate/routine.js';
import type { Chain, Finding } from '../../src/model/index.js';

const HOUR = 3600e6;
const T0 = Date.parse('2026-05-28T00:00:00Z');
const iso = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

let next = 0;
let seq = 0;
/** A finding at `minutes` (to `until`) after T0, with one evidence line per minute mark. */
function finding(id: string, role: Finding['role'], minutes: number, opts: { until?: number; pod?: string; host?: string; causes?: string[]; seqs?: number[] } = {}): Finding {
  const ref = `F${String(++next).padStart(4, '0')}`;
  const last = opts.until ?? minutes;
  const seqs = opts.seqs ?? [++seq];
  return {
    ref,
    id,
    title: id === 'pod-ready' ? 'Pod became ready (readiness probe passed)' : id,
    level: role === 'problem' ? 'high' : 'info',
    kind: 'event',
    role,
    host: opts.host ?? 'k8s01',
    first: iso(minutes),
    last: iso(last),
    count: seqs.length,
    captures: {},
    entities: { host: [opts.host ?? 'k8s01'], ...(opts.pod ? { pod: [opts.pod], namespace: [opts.pod.split('/')[0]!] } : {}) },
    evidence: seqs.map((s, i) => ({ file: '/ev/k8s01/kubelite.journal', line: s, offset: s * 100, time: iso(i === 0 ? minutes : last), text: `line ${s}`, seq: s })),
    causes: (opts.causes ?? []).map((r) => ({ ref: r, strength: 'time' as const, via: 'time: 1m before' })),
    rule: { file: `patterns/${id}.yml`, line: 1 },
    assumptions: [],
  };
}

/** `n` pod-ready findings, one every `every` minutes from `from`, each for another pod. */
function readiness(n: number, from: number, every: number, host = 'k8s01'): Finding[] {
  return Array.from({ length: n }, (_, i) => finding('pod-ready', 'context', from + i * every, { pod: `web/app-${i}`, host }));
}

const noChains: Chain[] = [];

describe('foldRoutine', () => {
  it('counts a long stretch of unrelated context far from every problem, with its first and last line', () => {
    const problem = finding('ext4-ro-remount', 'problem', 600);
    const quiet = readiness(30, 0, 10, 'k8s02'); // 00:00 .. 04:50, problem at 10:00
    const fold = foldRoutine([...quiet, problem], noChains, HOUR);
    expect(fold.findings.map((f) => f.ref)).toEqual([problem.ref]);
    expect(fold.routine).toHaveLength(1);
    const t = fold.routine[0]!;
    expect(t).toMatchObject({ id: 'pod-ready', host: 'k8s02', findings: 30, events: 30, first: iso(0), last: iso(290), objectKind: 'pod', objects: 30 });
    expect(t.examples).toEqual(['web/app-0', 'web/app-1', 'web/app-2']);
    expect(t.evidence.map((e) => e.seq)).toEqual([quiet[0]!.evidence[0]!.seq, quiet[29]!.evidence[0]!.seq]);
    expect(fold.foldedEvents.size).toBe(30);
  });

  it('lists context within the window of the start or the end of a problem, not of its middle', () => {
    // A problem from 10:00 to 20:00 (a crash loop all day): readiness at 10:30 and 20:45 is
    // listed; at 15:00, in the middle and naming another pod, it is routine.
    const problem = finding('crashloop', 'problem', 600, { until: 1200, pod: 'ci/api-0' });
    const nearStart = readiness(ROUTINE_MIN, 630, 1);
    const middle = readiness(ROUTINE_MIN, 900, 1);
    const nearEnd = readiness(ROUTINE_MIN, 1245, 1);
    const fold = foldRoutine([problem, ...nearStart, ...middle, ...nearEnd], noChains, HOUR);
    const listed = new Set(fold.findings.map((f) => f.ref));
    expect(nearStart.every((f) => listed.has(f.ref))).toBe(true);
    expect(nearEnd.every((f) => listed.has(f.ref))).toBe(true);
    expect(middle.some((f) => listed.has(f.ref))).toBe(false);
    expect(fold.routine.map((t) => [t.first, t.last, t.findings])).toEqual([[iso(900), iso(909), ROUTINE_MIN]]);
  });

  it('lists context that names an object of a problem within the window of its span', () => {
    const problem = finding('crashloop', 'problem', 600, { until: 1200, pod: 'ci/api-0' });
    const same = Array.from({ length: ROUTINE_MIN }, (_, i) => finding('pod-ready', 'context', 900 + i, { pod: 'ci/api-0' }));
    const fold = foldRoutine([problem, ...same], noChains, HOUR);
    expect(fold.routine).toEqual([]);
    expect(fold.findings).toHaveLength(1 + ROUTINE_MIN);
  });

  it('does not relate by host or namespace alone', () => {
    const problem = finding('crashloop', 'problem', 600, { until: 1200, pod: 'web/other' });
    const sameNamespace = readiness(ROUTINE_MIN, 900, 1); // web/app-*, same host k8s01
    expect(foldRoutine([problem, ...sameNamespace], noChains, HOUR).routine).toHaveLength(1);
  });

  it('lists context a chain or a listed finding refers to, however far away, and what it refers to', () => {
    const far = readiness(ROUTINE_MIN + 1, 0, 1);
    const deeper = finding('jiva-ctrl-stopped', 'context', 20);
    const cause = finding('service-restart', 'context', 30, { causes: [deeper.ref] });
    const problem = finding('ext4-ro-remount', 'problem', 900, { causes: [cause.ref] });
    const step = far[3]!;
    const chain: Chain = { id: 'C1', title: 't', symptoms: [problem.ref], steps: [{ ref: problem.ref, question: 'q', answer: 'a' }, { ref: step.ref, question: 'q', answer: 'a' }], hosts: ['k8s01'] };
    const fold = foldRoutine([...far, deeper, cause, problem], [chain], HOUR);
    const listed = new Set(fold.findings.map((f) => f.ref));
    expect(listed.has(step.ref)).toBe(true);
    expect(listed.has(cause.ref)).toBe(true);
    expect(listed.has(deeper.ref)).toBe(true);
    expect(fold.routine).toHaveLength(1);
    expect(fold.routine[0]!.findings).toBe(ROUTINE_MIN);
  });

  it('lists a stretch of fewer than ROUTINE_MIN findings (a service restart at night)', () => {
    const problem = finding('ext4-ro-remount', 'problem', 600);
    const few = readiness(ROUTINE_MIN - 1, 0, 10);
    const fold = foldRoutine([problem, ...few], noChains, HOUR);
    expect(fold.routine).toEqual([]);
    expect(fold.findings).toHaveLength(ROUTINE_MIN);
  });

  it('starts a new tally at every problem between two folded findings', () => {
    const problem = finding('ext4-ro-remount', 'problem', 600);
    const before = readiness(ROUTINE_MIN, 0, 10); // 00:00 .. 01:30
    const after = readiness(ROUTINE_MIN, 900, 10); // 15:00 .. 16:30
    const fold = foldRoutine([problem, ...before, ...after], noChains, HOUR);
    expect(fold.routine.map((t) => [t.first, t.last])).toEqual([
      [iso(0), iso(90)],
      [iso(900), iso(990)],
    ]);
  });

  it('keeps an event on the timeline when a listed finding also cites it', () => {
    const problem = finding('ext4-ro-remount', 'problem', 600);
    const quiet = readiness(ROUTINE_MIN, 0, 1);
    const shared = quiet[0]!.evidence[0]!.seq;
    const other = finding('node-boot', 'context', 0, { seqs: [shared] });
    const chain: Chain = { id: 'C1', title: 't', symptoms: [problem.ref], steps: [{ ref: problem.ref, question: 'q', answer: 'a' }, { ref: other.ref, question: 'q', answer: 'a' }], hosts: [] };
    const fold = foldRoutine([problem, other, ...quiet], [chain], HOUR);
    expect(fold.routine[0]!.findings).toBe(ROUTINE_MIN);
    expect(fold.foldedEvents.has(shared)).toBe(false);
    expect(fold.foldedEvents.size).toBe(ROUTINE_MIN - 1);
  });

  it('lists everything with a window of 0, and context without a resolved time', () => {
    const problem = finding('ext4-ro-remount', 'problem', 600);
    const quiet = readiness(ROUTINE_MIN, 0, 1);
    expect(foldRoutine([problem, ...quiet], noChains, 0).findings).toHaveLength(1 + ROUTINE_MIN);
    const untimed = quiet.map((f) => ({ ...f, first: '', last: '' }));
    expect(foldRoutine([problem, ...untimed], noChains, HOUR).routine).toEqual([]);
  });

  it('folds nothing when there is no problem at all: the context is all there is to read', () => {
    const quiet = readiness(ROUTINE_MIN, 0, 1);
    const fold = foldRoutine(quiet, noChains, HOUR);
    expect(fold.findings).toHaveLength(ROUTINE_MIN);
    expect(fold.routine).toEqual([]);
  });
});
