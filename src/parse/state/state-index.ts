import type { K8sObject } from '../../model/index.js';

/** Lookup tables over the (deduplicated) objects of a cluster state. */

export function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}

export function field(obj: K8sObject, path: string): unknown {
  let v: unknown = obj.body;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

export function text(obj: K8sObject, path: string): string | undefined {
  const v = field(obj, path);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export class StateIndex {
  readonly all: K8sObject[];
  private readonly byKey = new Map<string, K8sObject>();
  private readonly byKind = new Map<string, K8sObject[]>();
  private readonly podsByNode = new Map<string, K8sObject[]>();
  private readonly podsByNs = new Map<string, K8sObject[]>();
  private readonly eventsByTarget = new Map<string, K8sObject[]>();

  constructor(objects: K8sObject[]) {
    this.all = objects;
    for (const o of objects) {
      this.byKey.set(keyOf(o.kind, o.namespace, o.name), o);
      push(this.byKind, o.kind, o);
      if (o.kind === 'Pod') {
        const node = text(o, 'spec.nodeName');
        if (node) push(this.podsByNode, node, o);
        push(this.podsByNs, o.namespace ?? '', o);
      }
      if (o.kind === 'Event') {
        const v1 = o.apiVersion.startsWith('events.k8s.io/');
        const t = field(o, v1 ? 'regarding' : 'involvedObject') as Record<string, unknown> | undefined;
        if (t && typeof t === 'object') {
          if (typeof t.uid === 'string' && t.uid) push(this.eventsByTarget, `uid:${t.uid}`, o);
          if (typeof t.kind === 'string' && typeof t.name === 'string') {
            push(this.eventsByTarget, keyOf(t.kind, typeof t.namespace === 'string' && t.namespace ? t.namespace : undefined, t.name), o);
          }
        }
      }
    }
  }

  kind(kind: string): K8sObject[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Exact lookup; falls back to an object of unknown namespace (pasted tables without -A). */
  get(kind: string, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.byKey.get(keyOf(kind, namespace, name)) ?? (namespace ? this.byKey.get(keyOf(kind, undefined, name)) : undefined);
  }

  podsOnNode(node: string): K8sObject[] {
    return this.podsByNode.get(node) ?? [];
  }

  podsIn(namespace: string | undefined): K8sObject[] {
    return [...(this.podsByNs.get(namespace ?? '') ?? []), ...(namespace ? (this.podsByNs.get('') ?? []) : [])];
  }

  eventsAbout(obj: K8sObject): K8sObject[] {
    const out = new Set<K8sObject>();
    if (obj.uid) for (const e of this.eventsByTarget.get(`uid:${obj.uid}`) ?? []) out.add(e);
    for (const e of this.eventsByTarget.get(keyOf(obj.kind, obj.namespace, obj.name)) ?? []) {
      // same name, other uid: an earlier object of that name (a recreated pod)
      const uid = text(e, e.apiVersion.startsWith('events.k8s.io/') ? 'regarding.uid' : 'involvedObject.uid');
      if (!obj.uid || !uid || uid === obj.uid) out.add(e);
    }
    return [...out];
  }
}
