import type { K8sObject, OwnerRef, Provenance } from '../../model/index.js';
import { hostOf, newestTimeIn } from './kubectl-object-facts.js';
import { collectLines, notablePatterns, prune, shapeOf } from './kubectl-shapes.js';

/** A built JSON object as a pruned K8sObject (kind/apiVersion may come from a typed List). */

export function isRecordValue(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecordValue(v)) return out;
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

function ownersOf(v: unknown): OwnerRef[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecordValue).map((o) => {
    const ref: OwnerRef = { kind: str(o.kind) ?? '', name: str(o.name) ?? '' };
    if (typeof o.uid === 'string') ref.uid = o.uid;
    if (typeof o.controller === 'boolean') ref.controller = o.controller;
    return ref;
  });
}

export interface ObjectDefaults {
  kind?: string;
  apiVersion?: string;
  /** Id of the List the object was read from (see K8sObject.list). */
  list?: string;
}

/** Undefined when the value has no kind even after defaults (not a Kubernetes object). */
export function toK8sObject(value: Record<string, unknown>, at: Provenance, defaults: ObjectDefaults = {}): K8sObject | undefined {
  const kind = str(value.kind) ?? defaults.kind;
  if (!kind) return undefined;
  const apiVersion = str(value.apiVersion) ?? defaults.apiVersion ?? '';
  const meta = isRecordValue(value.metadata) ? value.metadata : {};
  const lines: Record<string, number> = {};
  for (const p of notablePatterns(kind)) collectLines(value, p, lines);
  const obj: K8sObject = {
    kind,
    apiVersion,
    name: str(meta.name) ?? str(meta.generateName) ?? '',
    labels: labelsOf(meta.labels),
    ownerReferences: ownersOf(meta.ownerReferences),
    body: prune(value, shapeOf(kind)) as Record<string, unknown>,
    at: { file: at.file, line: at.line, offset: at.offset },
    lines,
  };
  const ns = str(meta.namespace);
  if (ns) obj.namespace = ns;
  const uid = str(meta.uid);
  if (uid) obj.uid = uid;
  const created = str(meta.creationTimestamp);
  if (created) obj.creationTimestamp = created;
  const deleted = str(meta.deletionTimestamp);
  if (deleted) obj.deletionTimestamp = deleted;
  const newest = newestTimeIn(value);
  if (newest) obj.newest = newest;
  if (defaults.list) obj.list = defaults.list;
  Object.assign(obj, hostOf(obj));
  return obj;
}

/** `ns/name`, or `name` for cluster-scoped objects. */
export function refOf(obj: Pick<K8sObject, 'namespace' | 'name'>): string {
  return obj.namespace ? `${obj.namespace}/${obj.name}` : obj.name;
}

/** Reads a dotted path (`status.nodeInfo.bootID`, `spec.taints.0.key`) from a body. */
export function pathValue(body: unknown, path: string): unknown {
  let v: unknown = body;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}
