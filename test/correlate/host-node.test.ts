// `host` and `node` compare machines across the two kinds: a state finding's node (a pod's
// spec.nodeName, also with no Node objects in the snapshot) is its host, and a finding that
// names no node is about the machine it happened on.
import { describe, expect, it } from 'vitest';
import { correlate } from '../../src/correlate/index.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';
import { buildEvidence } from './evidence.js';
import { k8s, stubState } from './stub-state.js';

const set = loadInline({
  stall: sig('stall', "{kind: event, regex: 'volume manager stalled'}"),
  stuck: sig('stuck', '{kind: state, object: Pod, where: {status.phase: Pending}}', 'caused_by:\n  - {id: stall, within: 1d, skew: 1d, same: [host]}'),
  notready: sig('notready', "{kind: event, regex: 'Node became not ready\" node=\"(?<node>[a-z0-9]+)\"'}", 'entities: {node: node}\ncaused_by:\n  - {id: stall, within: 1h, same: [node]}'),
});
const { compiled } = compileSignatures(set);

function run(podNode: string) {
  const e = buildEvidence(
    compiled,
    {
      'k8s03/syslog': ['May 28 10:00:00 k8s03 kubelite: volume manager stalled'],
      'k8s02/syslog': ['May 28 10:05:00 k8s02 kubelite: "Node became not ready" node="k8s03"', 'May 28 10:06:00 k8s02 kubelite: "Node became not ready" node="k8s01"'],
    },
    { year: 2026, offsetHours: 0 },
  );
  const state = stubState([k8s('Pod', 'media', 'radarr-0', { spec: { nodeName: podNode }, status: { phase: 'Pending' } })], { snapshot: '2026-05-28T11:00:00Z' });
  return correlate({ ...e, state, signatures: compiled, displayTz: 'UTC' }).findings;
}

describe('host and node', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it("takes a pod's spec.nodeName as the host of its state finding, and links it by same: [host]", () => {
    const fs = run('k8s03');
    const stuck = fs.find((f) => f.id === 'stuck')!;
    const stall = fs.find((f) => f.id === 'stall')!;
    expect(stuck.host).toBe('k8s03');
    expect(stuck.entities.node).toEqual(['k8s03']);
    expect(stuck.causes).toEqual([{ ref: stall.ref, strength: 'identity', via: 'host=k8s03' }]);
  });

  it('does not link a pod on another node', () => {
    expect(run('k8s01').find((f) => f.id === 'stuck')!.causes).toEqual([]);
  });

  it('matches the node a line names with the host another line was logged on (same: [node])', () => {
    const fs = run('k8s03');
    const [k3, k1] = fs.filter((f) => f.id === 'notready');
    expect(k3!.causes.map((c) => c.via)).toEqual(['node=k8s03']);
    expect(k1!.causes).toEqual([]);
  });
});
