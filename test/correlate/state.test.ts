import { describe, expect, it } from 'vitest';
import type { GoroutineBucket } from '../../src/model/state.js';
import { correlate } from '../../src/correlate/index.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';
import { k8s, stubState } from './stub-state.js';

const set = loadInline({
  'stale-rs': sig('stale-rs', '{kind: state, object: ReplicaSet, where: {status.terminatingReplicas: {gt: 0}}, join: {pods: {relation: selected-pods, count: 0}}}'),
  'stuck-terminating': sig('stuck-terminating', '{kind: state, object: Pod, where: {metadata.deletionTimestamp: {older_than: $age}}}', 'params: {age: 5m}\nentities: {ref: pod}'),
  cosched: sig('cosched', "{kind: state, object: Pod, where: {labels.app: seerr}, join: {ctrl: {relation: ctrl-pods}}, compare: ['spec.nodeName == ctrl.spec.nodeName']}"),
  stall: sig('stall', "{kind: state, object: GoroutineBucket, where: {state: select, minutes: {gte: 30}, frames: {contains: 'processorListener).pop'}}}"),
  'bad-rel': sig('bad-rel', '{kind: state, object: Pod, join: {x: {relation: no-such-relation}}}'),
});
const { compiled } = compileSignatures(set);

const rs = (name: string, terminating: number) => k8s('ReplicaSet', 'media', name, { spec: { selector: { matchLabels: { app: name } } }, status: { terminatingReplicas: terminating } });
const pod = (name: string, node: string, labels: Record<string, string> = {}, extra: Partial<ReturnType<typeof k8s>> = {}) => ({ ...k8s('Pod', 'media', name, { spec: { nodeName: node } }, labels), ...extra });

function run(state: ReturnType<typeof stubState>) {
  return correlate({ events: [], hits: new Map(), state, signatures: compiled, displayTz: 'UTC' });
}

describe('state signatures', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it('joins by relation with a count: an RS waiting for a pod that no longer exists', () => {
    const out = run(stubState([rs('radarr', 1), rs('sonarr', 1), pod('sonarr-0', 'k8s01', { app: 'sonarr' }), rs('idle', 0)], { snapshot: '2026-05-28T12:10:00Z' }));
    const found = out.findings.filter((f) => f.id === 'stale-rs');
    expect(found.map((f) => [f.captures.ref, f.captures.status_terminatingReplicas, f.captures.pods_count, f.first])).toEqual([['media/radarr', '1', '0', '2026-05-28T12:10:00Z']]);
    expect(found[0]!.evidence).toEqual([{ file: 'snap.json', line: 1, offset: 0, time: '2026-05-28T12:10:00Z', text: 'ReplicaSet media/radarr', seq: -1 }]);
    expect(found[0]!.assumptions).toEqual(['state as of the snapshot at 2026-05-28T12:10:00Z (test)']);
  });

  it('compares timestamps with the snapshot time (older_than)', () => {
    const old = pod('seerr-0', 'k8s02', {}, { deletionTimestamp: '2026-05-28T11:00:00Z' });
    const fresh = pod('radarr-0', 'k8s03', {}, { deletionTimestamp: '2026-05-28T12:08:00Z' });
    const out = run(stubState([old, fresh, k8s('Node', undefined, 'k8s02')], { snapshot: '2026-05-28T12:10:00Z' }));
    const found = out.findings.filter((f) => f.id === 'stuck-terminating');
    expect(found.map((f) => [f.captures.ref, f.host, f.entities.pod])).toEqual([['media/seerr-0', 'k8s02', ['media/seerr-0']]]);
  });

  it('compares fields across a join: consumer pod on the node of its controller', () => {
    const ctrl1 = pod('pvc-1-ctrl', 'k8s01');
    const ctrl2 = pod('pvc-2-ctrl', 'k8s02');
    const relations = { 'ctrl-pods': () => [ctrl1, ctrl2] };
    const same = run(stubState([pod('seerr-0', 'k8s02', { app: 'seerr' }), ctrl1, ctrl2], { relations }));
    expect(same.findings.filter((f) => f.id === 'cosched').map((f) => f.captures.ctrl)).toEqual(['media/pvc-2-ctrl']);
    const apart = run(stubState([pod('seerr-0', 'k8s03', { app: 'seerr' }), ctrl1, ctrl2], { relations }));
    expect(apart.findings.filter((f) => f.id === 'cosched')).toEqual([]);
  });

  it('reads goroutine buckets, placing the stall when it began (dump time minus its minutes)', () => {
    const bucket: GoroutineBucket = {
      state: 'select',
      count: 4,
      ids: [1, 2, 3, 4],
      minutesMin: 33,
      minutesMax: 33,
      locked: false,
      frames: [
        { func: 'k8s.io/client-go/tools/cache.(*processorListener).pop', file: 'controller.go', line: 1 },
        { func: 'k8s.io/apimachinery/pkg/util/wait.(*Group).Start.func1', file: 'wait.go', line: 2 },
      ],
      elided: false,
      headers: [{ file: 'k8s03/kubelite.journal', line: 120, offset: 9000 }],
      host: 'k8s03',
      dumpTime: { kind: 'absolute', utcMicros: Date.parse('2026-05-28T11:20:00Z') * 1000, precision: 's', text: '' },
      dumpTimeSource: 'journal',
    };
    const out = run(stubState([], { buckets: [bucket] }));
    const f = out.findings.find((x) => x.id === 'stall')!;
    expect([f.host, f.first, f.last, f.evidence[0]!.line, f.evidence[0]!.text]).toEqual([
      'k8s03',
      '2026-05-28T10:47:00Z',
      '2026-05-28T11:20:00Z',
      120,
      'goroutine [select, 33 minutes] x4: k8s.io/client-go/tools/cache.(*processorListener).pop',
    ]);
  });

  it('says when a relation is unknown to the state model', () => {
    const out = run(stubState([pod('a', 'n')]));
    expect(out.diagnostics.map((d) => d.code)).toContain('correlate/unknown-relation');
  });
});
