import type { Diagnostic, K8sObject, Provenance } from '../../model/index.js';
import { parseKubeTime } from '../formats/kubectl-time.js';
import { keyOf } from './state-index.js';

/**
 * Objects of several snapshots grouped into identities. An identity is one Kubernetes object:
 * its uid (a force-deleted pod and its replacement of the same name are two identities), else
 * kind/namespace/name (pasted tables carry no uid: such a version joins the identity of that
 * name seen last). Each identity keeps every version read, oldest first.
 */

export interface Version {
  obj: K8sObject;
  /** Snapshot time in epoch micros (-Infinity when unknown). */
  t: number;
  /** Read order. */
  seq: number;
}

export interface Identity {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  /** Oldest first; the last is the newest. */
  versions: Version[];
  /** Newest snapshot time holding it. */
  lastSeen: number;
  /** Set when a later List of its kind and scope no longer holds it. */
  gone?: { t: number; list: Provenance };
  /** Why the newest version won, for the duplicate diagnostic. */
  why?: string;
}

export function newestVersion(id: Identity): Version {
  return id.versions[id.versions.length - 1]!;
}

function micros(iso: string | undefined): number | undefined {
  const s = iso ? parseKubeTime(iso) : undefined;
  return s?.utcMicros;
}

function resourceVersion(o: K8sObject): bigint | undefined {
  const rv = (o.body.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion;
  return typeof rv === 'string' && /^[0-9]+$/.test(rv) ? BigInt(rv) : undefined;
}

/** Negative when `a` is older than `b`, with the reason the newer one wins. */
function compare(a: Version, b: Version): [number, string] {
  const ra = resourceVersion(a.obj);
  const rb = resourceVersion(b.obj);
  if (ra !== undefined && rb !== undefined && ra !== rb) return [ra < rb ? -1 : 1, 'higher resourceVersion'];
  if (a.t !== b.t) return [a.t < b.t ? -1 : 1, 'later snapshot time'];
  return [a.seq - b.seq, 'read last'];
}

/**
 * The snapshot time of each object: its own (set by the clock), else `fallback` (--snapshot-time),
 * else the newest time written in the objects of its file.
 */
export function snapshotTimes(objects: readonly K8sObject[], fallback: number | undefined): Map<K8sObject, number> {
  const byFile = new Map<string, number>();
  for (const o of objects) {
    const n = micros(o.newest?.time ?? o.creationTimestamp);
    if (n !== undefined && n > (byFile.get(o.at.file) ?? -Infinity)) byFile.set(o.at.file, n);
  }
  const out = new Map<K8sObject, number>();
  for (const o of objects) out.set(o, micros(o.snapshotTime) ?? fallback ?? byFile.get(o.at.file) ?? -Infinity);
  return out;
}

export function buildIdentities(objects: readonly K8sObject[], times: ReadonlyMap<K8sObject, number>, diags: Diagnostic[]): Identity[] {
  const byName = new Map<string, { withUid: Map<string, Identity>; bare: Version[] }>();
  objects.forEach((obj, seq) => {
    const key = keyOf(obj.kind, obj.namespace, obj.name);
    const group = byName.get(key) ?? byName.set(key, { withUid: new Map(), bare: [] }).get(key)!;
    const v: Version = { obj, t: times.get(obj) ?? -Infinity, seq };
    if (!obj.uid) return void group.bare.push(v);
    let id = group.withUid.get(obj.uid);
    if (!id) group.withUid.set(obj.uid, (id = { kind: obj.kind, name: obj.name, uid: obj.uid, versions: [], lastSeen: -Infinity, ...(obj.namespace ? { namespace: obj.namespace } : {}) }));
    id.versions.push(v);
  });
  const out: Identity[] = [];
  for (const { withUid, bare } of byName.values()) {
    const ids = [...withUid.values()];
    const latest = (x: Identity) => Math.max(...x.versions.map((v) => v.t));
    if (bare.length > 0) {
      const host = ids.length > 0 ? ids.reduce((a, b) => (latest(b) >= latest(a) ? b : a)) : undefined;
      if (host) host.versions.push(...bare);
      else {
        const o = bare[0]!.obj;
        ids.push({ kind: o.kind, name: o.name, versions: bare, lastSeen: -Infinity, ...(o.namespace ? { namespace: o.namespace } : {}) });
      }
    }
    for (const id of ids) {
      id.versions.sort((a, b) => compare(a, b)[0]);
      const n = id.versions.length;
      if (n > 1) id.why = compare(id.versions[n - 2]!, id.versions[n - 1]!)[1];
      id.lastSeen = latest(id);
      out.push(id);
    }
    if (ids.length > 1) sameName(ids, diags);
  }
  duplicates(out, diags);
  return out;
}

/**
 * One info diagnostic per file the kept versions came from (and reason): two snapshots of a
 * namespace repeat most of its objects, which is expected, not news object by object.
 */
function duplicates(ids: readonly Identity[], diags: Diagnostic[]): void {
  const groups = new Map<string, Identity[]>();
  for (const id of ids) {
    if (id.versions.length < 2) continue;
    const k = `${newestVersion(id).obj.at.file}\u0000${id.why}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(id);
  }
  const name = (o: K8sObject) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
  for (const group of groups.values()) {
    const first = group[0]!;
    const obj = newestVersion(first).obj;
    const copies = group.reduce((n, id) => n + id.versions.length, 0);
    const reason =
      group.length === 1
        ? `${name(obj)} appears in ${first.versions.length} snapshots; kept the newest (${first.why}) from ${obj.at.file}:${obj.at.line}`
        : `${group.length} objects appear in several snapshots; kept the newest of each (${first.why}) from ${obj.at.file}: ${group.slice(0, 10).map((id) => name(newestVersion(id).obj)).join(', ')}${group.length > 10 ? `, +${group.length - 10} more` : ''}`;
    diags.push({ severity: 'info', code: 'state/duplicate-object', reason, place: obj.at, count: copies });
  }
}

function sameName(ids: readonly Identity[], diags: Diagnostic[]): void {
  const sorted = [...ids].sort((a, b) => a.lastSeen - b.lastSeen);
  const last = newestVersion(sorted[sorted.length - 1]!).obj;
  diags.push({
    severity: 'info',
    code: 'state/recreated-object',
    reason: `${last.kind} ${last.namespace ? `${last.namespace}/` : ''}${last.name} is ${ids.length} objects (uids ${sorted.map((i) => i.uid ?? '(none)').join(', ')}): an object deleted and created again under its name; each is kept, the one seen last (${last.at.file}:${last.at.line}) is current`,
    place: last.at,
    count: ids.length,
  });
}
