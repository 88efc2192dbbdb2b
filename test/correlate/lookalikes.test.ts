// Declared look-alikes: a problem finding whose id a chain step's signature names in
// `contrasts`, that names what the chain names but is not linked into it, is reported as a
// contrast with the reason; unrelated ones, linked ones and ones with causes of their own stay
// problems.
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';
import { buildEvidence } from './evidence.js';

const set = loadInline({
  cosched: sig('cosched', "{kind: event, regex: 'co-scheduled with its controller'}"),
  pdu: sig(
    'pdu',
    "{kind: event, regex: 'failed to receive a PDU for (?<pvc>pvc-[0-9a-f]+)'}",
    "entities: {pvc: pvc}\ngroup: {by: [host, pvc], gap: 1h}\ncaused_by:\n  - {id: cosched, within: 1h, same: [host]}\ncontrasts: [fsck]",
  ),
  fsck: sig('fsck', "{kind: event, regex: 'fsck found errors on (?<pvc>pvc-[0-9a-f]+)'}", 'entities: {pvc: pvc}\ncaused_by:\n  - {id: corrupt, within: 1h, prefer: [pvc]}'),
  corrupt: sig('corrupt', "{kind: event, regex: 'EXT4-fs error on (?<pvc>pvc-[0-9a-f]+)'}", 'entities: {pvc: pvc}'),
  mount: sig('mount', "{kind: event, regex: 'mount failed for (?<pvc>pvc-[0-9a-f]+)'}", 'entities: {pvc: pvc}\ncaused_by:\n  - {id: fsck, within: 10m, prefer: [pvc]}'),
});
const { compiled } = compileSignatures(set);

const HAIRPIN = ['May 28 19:10:00 k8s03 kubelite: sonarr co-scheduled with its controller', 'May 28 19:18:41 k8s03 kubelite: failed to receive a PDU for pvc-17e6e808'];

function run(files: Record<string, string[]>) {
  const e = buildEvidence(compiled, files, { year: 2026, offsetHours: 10 });
  const out = correlate({ ...e, state: EMPTY_STATE, signatures: compiled, displayTz: 'Australia/Brisbane' });
  const of = (id: string) => out.findings.filter((f) => f.id === id);
  return { out, of };
}

describe('declared look-alikes', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it('reports an earlier fsck error of the same PVC as a contrast of the PDU step, with the reason', () => {
    const { out, of } = run({ 'k8s03/syslog': HAIRPIN, 'k8s01/syslog': ['May 28 18:41:10 k8s01 kubelite: fsck found errors on pvc-17e6e808'] });
    const [fsck] = of('fsck');
    const [pdu] = of('pdu');
    expect(fsck!.role).toBe('contrast');
    expect(fsck!.ruledOut).toEqual({
      ref: pdu!.ref,
      reason:
        'fsck, for pvc pvc-17e6e808, at 18:41:10 AEST on k8s01: it ended 38 min before ' +
        `${pdu!.ref} (pdu, on k8s03) began and on another host, and nothing in the evidence links it into that chain: an earlier failure.`,
    });
    expect(out.chains.map((c) => c.steps.map((s) => out.findings.find((f) => f.ref === s.ref)!.id))).toEqual([['pdu', 'cosched']]);
  });

  it('leaves an fsck error of another volume alone', () => {
    const { of } = run({ 'k8s03/syslog': HAIRPIN, 'k8s01/syslog': ['May 28 18:41:10 k8s01 kubelite: fsck found errors on pvc-aaaabbbb'] });
    expect(of('fsck')[0]!.role).toBe('problem');
    expect(of('fsck')[0]!.ruledOut).toBeUndefined();
  });

  it('leaves an fsck error that has a cause of its own a problem', () => {
    const { of } = run({
      'k8s03/syslog': HAIRPIN,
      'k8s01/syslog': ['May 28 18:40:00 k8s01 kernel: EXT4-fs error on pvc-17e6e808', 'May 28 18:41:10 k8s01 kubelite: fsck found errors on pvc-17e6e808'],
    });
    expect(of('fsck')[0]!.role).toBe('problem');
  });

  it('takes a ruled-out look-alike out of the chain it headed: the mount failure it caused is left open', () => {
    const { out, of } = run({
      'k8s03/syslog': HAIRPIN,
      'k8s01/syslog': ['May 28 18:41:10 k8s01 kubelite: fsck found errors on pvc-17e6e808', 'May 28 18:41:11 k8s01 kubelite: mount failed for pvc-17e6e808'],
    });
    expect(of('fsck')[0]!.role).toBe('contrast');
    expect(of('mount')[0]!.causes).toEqual([]);
    const ids = out.chains.map((c) => [c.steps.map((s) => out.findings.find((f) => f.ref === s.ref)!.id), !!c.open]);
    expect(ids).toEqual([
      [['pdu', 'cosched'], false],
      [['mount'], true],
    ]);
  });
});
