import type { EntityKind, Finding } from '../model/index.js';
import { entityLabel } from './findings-view.js';
import type { Mentions } from './short-ids.js';
import { shortId } from './short-ids.js';

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Where a finding happened, for a sentence: `on k8s02`; a finding read from several hosts'
 * files `on k8s01 and k8s02`; a cluster object (a ReplicaSet status, a Pod Pending with no node)
 * `in the cluster`. Never a host the finding does not name.
 */
export function placeOf(f: Pick<Finding, 'host' | 'entities'>): string {
  if (f.host) return `on ${f.host}`;
  const hosts = [...new Set(f.entities.host ?? [])].sort();
  return hosts.length ? `on ${andList(hosts)}` : 'in the cluster';
}

/** Entity kinds a reader recognises an incident by, in the order sentences name them. */
export const OBJECT_KINDS: readonly EntityKind[] = ['node', 'device', 'pvc', 'pod', 'workload', 'service', 'container', 'connection'];

/** The object a state finding is about (`ReplicaSet media/radarr-nvm4wqjf2k`), or null. */
export function stateObject(f: Pick<Finding, 'kind' | 'captures'>): string | null {
  if (f.kind !== 'state') return null;
  const { kind, ref, name, namespace } = f.captures;
  const id = ref || (name ? (namespace ? `${namespace}/${name}` : name) : '');
  return kind && id ? `${kind} ${id}` : null;
}

/**
 * The objects a finding names, as a clause: `device sdb; PVC pvc-746b2837-…`. Values that are
 * the finding's own host are left out (a node named like its host says nothing new), at most
 * `max` values per kind (`+N more`), ids through `mentions` (full once, short after).
 */
export function objectClause(f: Pick<Finding, 'kind' | 'captures' | 'entities' | 'host'>, mentions: Mentions | null, max = 3, skip: ReadonlySet<string> = new Set()): string {
  const name = (v: string): string => (mentions ? mentions.name(v) : shortId(v));
  const parts: string[] = [];
  const obj = stateObject(f);
  const inObj = new Set<string>();
  if (obj) {
    parts.push(name(obj));
    inObj.add(f.captures.ref ?? '');
  }
  for (const kind of OBJECT_KINDS) {
    const values = [...new Set(f.entities[kind] ?? [])].filter((v) => v !== f.host && !inObj.has(v) && !skip.has(`${kind}=${v}`)).sort();
    if (values.length === 0) continue;
    const shown = values.slice(0, max).map(name);
    const more = values.length - shown.length;
    const label = entityLabel(kind, values.length);
    parts.push(`${label} ${shown.join(', ')}${more ? ` (+${more} more)` : ''}`);
  }
  return parts.join('; ');
}

/** `pvc=pvc-1, device=sdb` pairs a finding names, for `skip` in objectClause. */
export function entityKeys(f: Pick<Finding, 'entities'>): Set<string> {
  const out = new Set<string>();
  for (const [k, vs] of Object.entries(f.entities)) for (const v of vs ?? []) out.add(`${k}=${v}`);
  return out;
}

/** `1 event`, `6 events`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What `others` name that `top` does not, by kind, for "and in 3 more findings like it (pods a,
 * b, c)": at most `max` values in all, then `+N more`.
 */
export function extraObjects(top: Pick<Finding, 'entities'>, others: ReadonlyArray<Pick<Finding, 'kind' | 'captures' | 'entities' | 'host'>>, mentions: Mentions | null, max = 3): string {
  const name = (v: string): string => (mentions ? mentions.name(v) : shortId(v));
  const mine = entityKeys(top);
  for (const kind of OBJECT_KINDS) {
    const values = [...new Set(others.flatMap((f) => (f.entities[kind] ?? []).filter((v) => v !== f.host && !mine.has(`${kind}=${v}`))))].sort();
    if (values.length === 0) continue;
    const shown = values.slice(0, max).map(name);
    const label = entityLabel(kind, values.length);
    return `${label} ${shown.join(', ')}${values.length > max ? ` (+${values.length - max} more)` : ''}`;
  }
  const objs = [...new Set(others.map((f) => stateObject(f)).filter((o): o is string => !!o))].sort();
  if (objs.length === 0) return '';
  return `${objs.slice(0, max).map(name).join(', ')}${objs.length > max ? ` (+${objs.length - max} more)` : ''}`;
}
