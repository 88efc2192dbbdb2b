// State signatures over the real kubectl JSON and goroutine dump formats and the real cluster
// state model (src/parse, merged from the k8s branch), wired the way `hows patterns test` does.
import { describe, expect, it } from 'vitest';
import type { Format } from '../../src/model/format.js';
import { goroutineFormat } from '../../src/parse/formats/goroutine.js';
import { kubectlJsonFormat } from '../../src/parse/formats/kubectl-json.js';
import { buildClusterState } from '../../src/parse/state/index.js';
import { exampleCorrelator } from '../../src/correlate/index.js';
import { compileSignatures, formatStateLoader } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';

const FORMATS: Format[] = [kubectlJsonFormat, goroutineFormat];
const loadState = formatStateLoader(
  { sniff: (lines) => [...FORMATS].sort((a, b) => b.sniff(lines) - a.sniff(lines))[0], get: (id) => FORMATS.find((f) => f.meta.id === id) },
  (objects, buckets) => buildClusterState(objects, buckets),
);

const set = loadInline({
  'stale-rs': sig('stale-rs', '{kind: state, object: ReplicaSet, where: {status.terminatingReplicas: {gt: 0}}, join: {pods: {relation: selected-pods, count: 0}}}'),
  stall: sig('stall', "{kind: state, object: GoroutineBucket, where: {state: select, minutes: {gte: 30}, top: {contains: 'processorListener).pop'}}}"),
});
const { compiled } = compileSignatures(set);
const found = (text: string) => exampleCorrelator(compiled, [], loadState(text)).map((f) => [f.id, f.captures.ref ?? f.captures.name]);

const rsList = (pods: string) => `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {
      "apiVersion": "apps/v1",
      "kind": "ReplicaSet",
      "metadata": {"name": "radarr-5d8f", "namespace": "media", "creationTimestamp": "2026-05-28T10:00:00Z"},
      "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "radarr"}}},
      "status": {"replicas": 1, "terminatingReplicas": 1}
    }${pods}
  ]
}`;
const pod = `,
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {"name": "radarr-5d8f-abcde", "namespace": "media", "labels": {"app": "radarr"}, "creationTimestamp": "2026-05-28T10:00:00Z"},
      "spec": {"nodeName": "k8s01"},
      "status": {"phase": "Running"}
    }`;

describe('state signatures over the real formats and state model', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it('finds an RS waiting for a pod that no longer exists in a kubectl JSON list, not one with its pod', () => {
    expect(found(rsList(''))).toEqual([['stale-rs', 'media/radarr-5d8f']]);
    expect(found(rsList(pod))).toEqual([]);
  });

  it('finds a processorListener stall in a goroutine dump', () => {
    const dump = [
      'goroutine 412 [select, 33 minutes]:',
      'k8s.io/client-go/tools/cache.(*processorListener).pop(0xc000a1b0e0)',
      '\t/go/pkg/mod/k8s.io/client-go@v0.35.0/tools/cache/shared_informer.go:1146 +0x10f',
      'created by k8s.io/apimachinery/pkg/util/wait.(*Group).Start in goroutine 380',
      '\t/go/pkg/mod/k8s.io/apimachinery@v0.35.0/pkg/util/wait/wait.go:70 +0x73',
      '',
      'goroutine 413 [select]:',
      'k8s.io/client-go/tools/cache.(*processorListener).pop(0xc000a1b0f0)',
      '\t/go/pkg/mod/k8s.io/client-go@v0.35.0/tools/cache/shared_informer.go:1146 +0x10f',
      '',
    ].join('\n');
    expect(found(dump)).toEqual([['stall', 'select:k8s.io/client-go/tools/cache.(*processorListener).pop']]);
  });
});
