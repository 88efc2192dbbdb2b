// A small in-memory ClusterState for engine tests, until the real one (src/parse/state, branch
// `k8s`) is merged. Relations: selected-pods (label selector in the namespace) and node.
import type { ClusterState, GoroutineBucket, K8sObject } from '../../src/model/state.js';

export function k8s(kind: string, namespace: string | undefined, name: string, body: Record<string, unknown> = {}, labels: Record<string, string> = {}): K8sObject {
  return { kind, apiVersion: 'v1', name, ...(namespace ? { namespace } : {}), labels, ownerReferences: [], body, at: { file: 'snap.json', line: 1, offset: 0 }, lines: {} };
}

export function stubState(
  objects: K8sObject[],
  opts: { snapshot?: string; buckets?: GoroutineBucket[]; relations?: Record<string, (o: K8sObject) => K8sObject[]> } = {},
): ClusterState {
  const selected = (rs: K8sObject): K8sObject[] => {
    const sel = ((rs.body.spec as Record<string, unknown> | undefined)?.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels ?? {};
    return objects.filter((o) => o.kind === 'Pod' && o.namespace === rs.namespace && Object.entries(sel).every(([k, v]) => o.labels[k] === v));
  };
  return {
    objects: (kind) => objects.filter((o) => !kind || o.kind === kind),
    get: (kind, ns, name) => objects.find((o) => o.kind === kind && o.namespace === ns && o.name === name),
    related: (obj, relation) => {
      if (opts.relations?.[relation]) return opts.relations[relation]!(obj);
      if (relation === 'selected-pods') return selected(obj);
      if (relation === 'node') {
        const n = (obj.body.spec as Record<string, unknown> | undefined)?.nodeName;
        return objects.filter((o) => o.kind === 'Node' && o.name === n);
      }
      return [];
    },
    relations: () => ['selected-pods', 'node', ...Object.keys(opts.relations ?? {})],
    buckets: () => opts.buckets ?? [],
    snapshotTime: () => (opts.snapshot ? { iso: opts.snapshot, source: 'test' } : undefined),
  };
}
