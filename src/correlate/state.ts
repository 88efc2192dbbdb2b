/**
 * `state`: conditions and joins over the cluster state (kubectl snapshots, goroutine buckets).
 * For each object of `object` kind: `where` on its fields, each `join` relation filtered by its
 * `where` and checked against its `count` (default: at least one), then `compare` expressions
 * (`spec.nodeName == ctrl.spec.nodeName`, true when some related object satisfies it).
 * Dotted paths read the object body, then its metadata (`name`, `namespace`, `labels.<key>`).
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Evidence } from '../model/finding.js';
import type { ClusterState, GoroutineBucket, K8sObject } from '../model/state.js';
import type { Stamp } from '../model/time.js';
import { isoFromMicros } from '../model/time.js';
import type { LoadedSignature } from '../model/signature.js';
import { type EntityConfig, captureKey, compileCondition, normalizeEntity } from '../signatures/index.js';
import { parseCount } from './burst.js';
import type { Draft } from './draft.js';
import { addEntity } from './entities.js';
import { FieldEvidence, type LineEvents } from './state-evidence.js';

type Obj = {
  kind: string;
  name: string;
  namespace?: string;
  host?: string;
  fields: (path: string) => unknown;
  at: Evidence;
  time: number | null;
  last: number | null;
  source?: K8sObject;
  bucket?: GoroutineBucket;
};

function dig(v: unknown, parts: string[]): unknown {
  let cur = v;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

export function objectPath(o: K8sObject, path: string): unknown {
  const p = path.replace(/^metadata\./, '');
  if (p.startsWith('labels.')) return o.labels[p.slice('labels.'.length)];
  const inBody = dig(o.body, path.split('.'));
  if (inBody !== undefined) return inBody;
  const meta: Record<string, unknown> = {
    name: o.name,
    namespace: o.namespace,
    uid: o.uid,
    kind: o.kind,
    creationTimestamp: o.creationTimestamp,
    deletionTimestamp: o.deletionTimestamp,
    ownerReferences: o.ownerReferences,
  };
  return dig(meta, p.split('.'));
}

function bucketObject(b: GoroutineBucket, resolve: (s: Stamp) => number | null): Obj {
  const fields: Record<string, unknown> = {
    state: b.state,
    count: b.count,
    minutes: b.minutesMax,
    frames: b.frames.map((f) => f.func).join('\n'),
    top: b.frames[0]?.func ?? '',
    created_by: b.createdBy?.func ?? '',
    locked: b.locked,
  };
  const dump = resolve(b.dumpTime);
  const head = b.headers[0] ?? { file: '', line: 0, offset: 0 };
  return {
    kind: 'GoroutineBucket',
    name: `${b.state}:${b.frames[0]?.func ?? '?'}`,
    ...(b.host ? { host: b.host } : {}),
    fields: (p) => fields[p],
    at: { ...head, time: dump === null ? '' : isoFromMicros(dump, 's'), text: `goroutine [${b.state}, ${b.minutesMax} minutes] x${b.count}: ${b.frames[0]?.func ?? ''}`, seq: -1 },
    time: dump === null ? null : dump - b.minutesMax * 60e6,
    last: dump,
    bucket: b,
  };
}

function k8sObject(o: K8sObject, snapshot: number | null): Obj {
  const t = o.snapshotTime ? Date.parse(o.snapshotTime) * 1000 : snapshot;
  return {
    kind: o.kind,
    name: o.name,
    ...(o.namespace ? { namespace: o.namespace } : {}),
    fields: (p) => objectPath(o, p),
    at: { ...o.at, time: t === null ? '' : isoFromMicros(t, 's'), text: `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`, seq: -1 },
    time: t,
    last: t,
    source: o,
  };
}

export function findStates(
  sig: LoadedSignature,
  state: ClusterState,
  config: EntityConfig,
  overrides: Readonly<Record<string, string>>,
  resolve: (s: Stamp) => number | null,
  diagnostics: Diagnostic[],
  lineEvents: LineEvents = () => undefined,
): Draft[] {
  if (sig.match.kind !== 'state') return [];
  const m = sig.match;
  const snap = state.snapshotTime();
  const snapshot = snap ? Date.parse(snap.iso) * 1000 : null;
  const ctx = snapshot === null ? {} : { nowMicros: snapshot };
  const where = Object.entries(m.where ?? {}).map(([k, c]) => ({ k, test: compileCondition(c, sig, overrides) }));
  const known = new Set(state.relations());
  // No state at all (no snapshot, no dump): nothing to evaluate, nothing to complain about.
  if (known.size === 0 && state.objects().length === 0 && state.buckets().length === 0) return [];
  const joins = Object.entries(m.join ?? {}).map(([name, j]) => {
    if (!known.has(j.relation)) {
      diagnostics.push({ severity: 'error', code: 'correlate/unknown-relation', reason: `${sig.id}: unknown relation "${j.relation}", must be: ${[...known].join(', ')}`, place: { file: sig.source.file, line: sig.source.line } });
    }
    return { name, relation: j.relation, count: j.count === undefined ? (n: number) => n >= 1 : parseCount(j.count, sig, overrides, '=='), where: Object.entries(j.where ?? {}).map(([k, c]) => ({ k, test: compileCondition(c, sig, overrides) })) };
  });
  const objects: Obj[] = m.object === 'GoroutineBucket' ? state.buckets().map((b) => bucketObject(b, resolve)) : state.objects(m.object).map((o) => k8sObject(o, snapshot));
  const out: Draft[] = [];
  for (const o of objects) {
    if (!where.every((w) => w.test(o.fields(w.k), ctx))) continue;
    const related = new Map<string, K8sObject[]>();
    let ok = true;
    for (const j of joins) {
      const rel = o.source && known.has(j.relation) ? state.related(o.source, j.relation) : [];
      const kept = rel.filter((r) => j.where.every((w) => w.test(objectPath(r, w.k), ctx)));
      related.set(j.name, kept);
      if (!j.count(kept.length)) ok = false;
    }
    for (const expr of m.compare ?? []) {
      const [, lhs, op, rhs] = /^(\S+) *(==|!=) *(\S+)$/.exec(expr) ?? [];
      const side = (p: string): Array<{ v: unknown; keep?: [string, K8sObject] }> => {
        const [head, ...rest] = p.split('.');
        const rel = related.get(head!);
        return rel ? rel.map((r) => ({ v: objectPath(r, rest.join('.')), keep: [head!, r] as [string, K8sObject] })) : [{ v: o.fields(p) }];
      };
      const pairs = side(lhs!).flatMap((a) => side(rhs!).map((b) => ({ a, b })));
      const good = pairs.filter(({ a, b }) => a.v !== undefined && b.v !== undefined && (String(a.v) === String(b.v)) === (op === '=='));
      if (good.length === 0) ok = false;
      for (const { a, b } of good) for (const k of [a.keep, b.keep]) if (k) related.set(k[0], (related.get(k[0]) ?? []).filter((r) => good.some((g) => g.a.keep?.[1] === r || g.b.keep?.[1] === r)));
    }
    if (!ok) continue;
    const cited = new FieldEvidence(lineEvents);
    const head = o.bucket?.headers[0];
    if (head) cited.addLine(head.file, head.line);
    if (o.source) {
      for (const w of where) cited.add(o.source, w.k);
      for (const j of joins) for (const r of related.get(j.name) ?? []) for (const w of j.where) cited.add(r, w.k);
      for (const expr of m.compare ?? []) {
        for (const p of (/^(\S+) *(?:==|!=) *(\S+)$/.exec(expr) ?? []).slice(1)) {
          const [head, ...rest] = p.split('.');
          const rel = related.get(head!);
          if (rel) for (const r of rel) cited.add(r, rest.join('.'));
          else cited.add(o.source, p);
        }
      }
    }
    const events = cited.events();
    const captures: Record<string, string> = { kind: o.kind, name: o.name, ref: o.namespace ? `${o.namespace}/${o.name}` : o.name };
    if (o.namespace) captures.namespace = o.namespace;
    for (const w of where) {
      const v = o.fields(w.k);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') captures[captureKey(w.k)] = String(v);
    }
    for (const [name, rel] of related) {
      captures[name] = rel.map((r) => (r.namespace ? `${r.namespace}/${r.name}` : r.name)).join(', ');
      captures[`${name}_count`] = String(rel.length);
    }
    const entities = new Map<string, Set<string>>();
    for (const [cap, kind] of Object.entries(sig.entities ?? {})) if (captures[cap]) addEntity(entities, kind, normalizeEntity(config, kind, captures[cap]!));
    // The object's node: its Node in the snapshot, else the node it names (the reader's host
    // of the object, a pod's spec.nodeName: also when no Node objects were collected).
    const named = o.source ? (o.source.host ?? objectPath(o.source, 'spec.nodeName')) : undefined;
    const node = (o.source && known.has('node') ? state.related(o.source, 'node')[0]?.name : undefined) ?? (typeof named === 'string' && named ? named : undefined);
    if (node) addEntity(entities, 'node', normalizeEntity(config, 'node', node));
    if (o.namespace) addEntity(entities, 'namespace', o.namespace);
    const host = node ?? o.host;
    if (host) addEntity(entities, 'host', normalizeEntity(config, 'host', host));
    out.push({
      sig,
      // The input lines of the fields the conditions read; a summary of the object only when
      // the scan kept no record at any of them.
      events,
      ...(events.length ? {} : { extraEvidence: [o.at] }),
      count: 1,
      first: o.time,
      last: o.last,
      ...(host ? { host } : {}),
      captures,
      entities,
      members: [],
      assumptions: snap ? [`state as of the snapshot at ${snap.iso} (${snap.source})`] : [],
      key: `${o.kind}\u0000${captures.ref}`,
      causes: [],
    });
  }
  return out;
}
