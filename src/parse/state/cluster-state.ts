import type { ClusterState, Diagnostic, GoroutineBucket, K8sObject } from '../../model/index.js';
import { parseKubeTime } from '../formats/kubectl-time.js';
import { RELATIONS } from './relations.js';
import { keyOf, StateIndex, text } from './state-index.js';

/**
 * The cluster state of a run: the kubectl objects of every snapshot and the goroutine buckets
 * of every dump, queryable by kind, name and named relation (relations.ts).
 *
 * One object per kind/namespace/name: when several snapshots hold it, the newest is kept —
 * the higher numeric metadata.resourceVersion (etcd/kine revisions grow), else the later
 * snapshot time, else the one read last — and a `state/duplicate-object` info diagnostic
 * says which was kept. Objects of the same name with another uid (a recreated pod) count as
 * versions too: the state describes one moment.
 */

export interface ClusterStateModel extends ClusterState {
  /** What building the state decided (duplicates resolved), for the run's warnings. */
  readonly diagnostics: readonly Diagnostic[];
}

function resourceVersion(o: K8sObject): bigint | undefined {
  const rv = (o.body.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion;
  return typeof rv === 'string' && /^[0-9]+$/.test(rv) ? BigInt(rv) : undefined;
}

/** True when `b` is newer than `a`, with the reason. */
function newer(a: K8sObject, b: K8sObject): [boolean, string] {
  const ra = resourceVersion(a);
  const rb = resourceVersion(b);
  if (ra !== undefined && rb !== undefined && ra !== rb) return [rb > ra, 'higher resourceVersion'];
  if (a.snapshotTime && b.snapshotTime && a.snapshotTime !== b.snapshotTime) return [b.snapshotTime > a.snapshotTime, 'later snapshot time'];
  return [true, 'read last'];
}

function dedupe(objects: readonly K8sObject[], diags: Diagnostic[]): K8sObject[] {
  const kept = new Map<string, { obj: K8sObject; copies: number; why: string }>();
  for (const o of objects) {
    const k = keyOf(o.kind, o.namespace, o.name);
    const cur = kept.get(k);
    if (!cur) {
      kept.set(k, { obj: o, copies: 1, why: '' });
      continue;
    }
    cur.copies++;
    const [isNewer, why] = newer(cur.obj, o);
    if (isNewer) cur.obj = o;
    cur.why = why;
  }
  for (const { obj, copies, why } of kept.values()) {
    if (copies < 2) continue;
    diags.push({
      severity: 'info',
      code: 'state/duplicate-object',
      reason: `${obj.kind} ${obj.namespace ? `${obj.namespace}/` : ''}${obj.name} appears in ${copies} snapshots; kept the newest (${why}) from ${obj.at.file}:${obj.at.line}`,
      place: obj.at,
      count: copies,
    });
  }
  return [...kept.values()].map((v) => v.obj);
}

/** Newest absolute time written in the objects (the snapshot time of last resort). */
function newestObjectTime(objects: readonly K8sObject[]): string | undefined {
  let best: { us: number; iso: string } | undefined;
  const consider = (t: string | undefined) => {
    const s = t ? parseKubeTime(t) : undefined;
    if (s && (!best || s.utcMicros > best.us)) best = { us: s.utcMicros, iso: t! };
  };
  for (const o of objects) {
    consider(o.creationTimestamp);
    consider(o.deletionTimestamp);
    if (o.kind === 'Event') for (const p of ['lastTimestamp', 'eventTime', 'series.lastObservedTime', 'deprecatedLastTimestamp']) consider(text(o, p));
  }
  return best?.iso;
}

class SnapshotState implements ClusterStateModel {
  private readonly ix: StateIndex;
  readonly diagnostics: Diagnostic[] = [];
  private readonly snapshot: { iso: string; source: string } | undefined;

  constructor(
    objects: readonly K8sObject[],
    private readonly goroutines: readonly GoroutineBucket[],
    snapshotTime: string | undefined,
  ) {
    this.ix = new StateIndex(dedupe(objects, this.diagnostics));
    const fromFiles = this.ix.all.map((o) => o.snapshotTime).filter((t): t is string => !!t).sort().at(-1);
    const fromObjects = fromFiles ? undefined : newestObjectTime(this.ix.all);
    this.snapshot = snapshotTime
      ? { iso: snapshotTime, source: 'flag' }
      : fromFiles
        ? { iso: fromFiles, source: 'file modification time' }
        : fromObjects
          ? { iso: fromObjects, source: 'newest time in the objects' }
          : undefined;
  }

  objects(kind?: string): readonly K8sObject[] {
    return kind === undefined ? this.ix.all : this.ix.kind(kind);
  }

  get(kind: string, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.ix.get(kind, namespace, name);
  }

  related(obj: K8sObject, relation: string): K8sObject[] {
    const r = RELATIONS[relation];
    if (!r) throw new Error(`unknown state relation "${relation}", known: ${this.relations().join(', ')}`);
    return r(this.ix, obj);
  }

  relations(): readonly string[] {
    return Object.keys(RELATIONS);
  }

  buckets(): readonly GoroutineBucket[] {
    return this.goroutines;
  }

  snapshotTime(): { iso: string; source: string } | undefined {
    return this.snapshot;
  }
}

export function buildClusterState(objects: K8sObject[], buckets: GoroutineBucket[], opts: { snapshotTime?: string } = {}): ClusterStateModel {
  return new SnapshotState(objects, buckets, opts.snapshotTime);
}
