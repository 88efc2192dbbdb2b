// A contrast explains more than its own members: a problem finding made only of the contrast's
// lines (a code-specific conn-error finding inside a recovered flap built from the any-code
// signature) starts no chain and is no cause; one with a line of its own is not explained.
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';
import { buildEvidence } from './evidence.js';

const set = loadInline({
  'err-any': sig('err-any', "{kind: event, regex: 'conn error \\((?<code>[0-9]+)\\)'}", 'role: context\ngroup: {by: [host], gap: 1m}'),
  'err-1020': sig('err-1020', "{kind: event, regex: 'connection(?<conn>[0-9]+:[0-9]+): detected conn error \\(1020\\)'}", 'group: {by: [host, conn], gap: 10m}'),
  back: sig('back', "{kind: event, regex: 'is operational after recovery'}", 'role: context'),
  dead: sig('dead', "{kind: event, regex: 'session recovery timed out'}", 'caused_by:\n  - {id: err-1020, within: 3h, same: [host]}'),
  flap: sig('flap', '{kind: absence, of: err-any, not_followed_by: [dead], recovered_by: [back], within: 6m, same: [host]}', 'role: contrast'),
});
const { compiled } = compileSignatures(set);

function run(kern: string[]) {
  const ev = buildEvidence(compiled, { 'k8s02/kern.log': kern }, { year: 2026, offsetHours: 0 });
  return correlate({ ...ev, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' });
}

const FLAP = [
  'May 28 19:16:07 k8s02 kernel: connection1:0: detected conn error (1020)',
  'May 28 19:16:07 k8s02 kernel: connection2:0: detected conn error (1020)',
  'May 28 19:16:16 k8s02 iscsid: connection1:0 is operational after recovery (1 attempts)',
];

describe('findings explained by a contrast', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it('explains the problem findings made only of a recovered flap’s lines: no chains of their own', () => {
    const out = run([...FLAP, 'May 28 19:40:00 k8s02 kernel: eth0: nothing to see']);
    const flap = out.findings.find((f) => f.id === 'flap')!;
    const errs = out.findings.filter((f) => f.id === 'err-1020');
    expect(errs).toHaveLength(2);
    expect(errs.map((f) => f.explainedBy)).toEqual([flap.ref, flap.ref]);
    expect(out.chains).toEqual([]);
  });

  it('does not explain a later failure, and does not take the explained error as its cause', () => {
    const out = run([
      ...FLAP,
      'May 28 20:21:09 k8s02 kernel: connection1:0: detected conn error (1020)',
      'May 28 20:23:09 k8s02 kernel: session1: session recovery timed out after 120 secs',
      'May 28 20:40:00 k8s02 kernel: eth0: nothing to see',
    ]);
    const errs = out.findings.filter((f) => f.id === 'err-1020');
    expect(errs.map((f) => [f.first, f.explainedBy !== undefined])).toEqual([
      ['2026-05-28T19:16:07Z', true],
      ['2026-05-28T19:16:07Z', true],
      ['2026-05-28T20:21:09Z', false],
    ]);
    const dead = out.findings.find((f) => f.id === 'dead')!;
    expect(dead.causes.map((c) => c.ref)).toEqual([errs[2]!.ref]);
    expect(out.chains.map((c) => c.steps.map((s) => s.ref))).toEqual([[dead.ref, errs[2]!.ref]]);
  });

  it('an error with a line outside the contrast stays a problem', () => {
    // connection1:0 errs again 3 minutes after the flap recovered (same finding, gap 10m), and
    // this time the session dies
    const out = run([
      ...FLAP,
      'May 28 19:19:30 k8s02 kernel: connection1:0: detected conn error (1020)',
      'May 28 19:21:30 k8s02 kernel: session1: session recovery timed out after 120 secs',
      'May 28 19:40:00 k8s02 kernel: eth0: nothing',
    ]);
    const c1 = out.findings.find((f) => f.id === 'err-1020' && f.count === 2)!;
    expect(c1.explainedBy).toBeUndefined();
    expect(out.chains.map((c) => c.steps.map((s) => s.ref).at(-1))).toContain(c1.ref);
  });
});
