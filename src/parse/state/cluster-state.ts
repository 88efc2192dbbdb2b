import type { ClusterState, Diagnostic, GoroutineBucket, K8sObject, Provenance } from '../../model/index.js';
import { isoFromMicros } from '../../model/index.js';
import { parseKubeTime } from '../formats/kubectl-time.js';
import { buildIdentities, newestVersion, snapshotTimes, type Identity } from './identities.js';
import { markGone } from './lists.js';
import { RELATIONS } from './relations.js';
import { StateIndex } from './state-index.js';

/**
 * The cluster state of a run: the kubectl objects of every snapshot and the goroutine buckets
 * of every dump, queryable by kind, name and named relation (relations.ts).
 *
 * Objects are grouped into identities (identities.ts): one per uid, so a force-deleted pod and
 * its replacement of the same name are two objects; several snapshots of one identity are its
 * versions, the newest kept (higher metadata.resourceVersion, else later snapshot time, else
 * read last) with a `state/duplicate-object` info diagnostic. A List is authoritative for its
 * kind and scope (lists.ts): an identity it leaves out is gone from its snapshot time on.
 *
 * - `objects(kind)`: one object per identity, the newest version, gone ones included: each
 *   holds as of its own snapshot (a pod stuck at 21:05 and force-deleted before 22:10 was stuck).
 * - `related(obj, relation)`: the relation in the state as of `obj`'s snapshot time: identities
 *   not gone by then, each at its newest version not after then (else its first one). A
 *   ReplicaSet of 22:10 no longer sees the pods force-deleted at 21:50; a Node of 21:05 still
 *   sees its pods of 21:05.
 * - `get(kind, ns, name)`: the current object of that name (not gone, the one seen last), else
 *   the newest gone one.
 */

export interface ClusterStateModel extends ClusterState {
  /** What building the state decided (duplicates, recreated objects, gone objects). */
  readonly diagnostics: readonly Diagnostic[];
}

class SnapshotState implements ClusterStateModel {
  readonly diagnostics: Diagnostic[] = [];
  private readonly ids: Identity[];
  /** Every identity at its newest version (objects(), lookups of last resort). */
  private readonly everything: StateIndex;
  private readonly timeOf = new Map<K8sObject, number>();
  private readonly identityOf = new Map<K8sObject, Identity>();
  /** Times at which the view changes (a version or a disappearance), ascending. */
  private readonly breaks: number[];
  private readonly views = new Map<number, StateIndex>();
  private readonly snapshot: { iso: string; source: string } | undefined;

  constructor(
    objects: readonly K8sObject[],
    private readonly goroutines: readonly GoroutineBucket[],
    flag: string | undefined,
  ) {
    const flagMicros = flag ? parseKubeTime(flag)?.utcMicros : undefined;
    const times = snapshotTimes(objects, flagMicros);
    this.ids = buildIdentities(objects, times, this.diagnostics);
    markGone(this.ids, this.diagnostics);
    // identities seen last go last: a name lookup in an index finds the current one
    this.ids.sort((a, b) => a.lastSeen - b.lastSeen);
    const breaks = new Set<number>();
    for (const id of this.ids) {
      for (const v of id.versions) {
        this.timeOf.set(v.obj, v.t);
        this.identityOf.set(v.obj, id);
        if (id.versions.length > 1) breaks.add(v.t);
      }
      if (id.gone) breaks.add(id.gone.t);
    }
    this.breaks = [...breaks].sort((a, b) => a - b);
    this.everything = new StateIndex(this.ids.map((id) => newestVersion(id).obj));
    this.snapshot = flag ? { iso: flag, source: 'flag' } : newestSnapshot(this.ids);
  }

  /** The index of the state as of time `t` (shared by every `t` between two breaks). */
  private viewAt(t: number): StateIndex {
    let slot = 0;
    while (slot < this.breaks.length && this.breaks[slot]! <= t) slot++;
    let ix = this.views.get(slot);
    if (!ix) {
      const objs: K8sObject[] = [];
      for (const id of this.ids) {
        if (id.gone && id.gone.t <= t) continue;
        let pick = id.versions[0]!;
        for (const v of id.versions) if (v.t <= t) pick = v;
        objs.push(pick.obj);
      }
      this.views.set(slot, (ix = new StateIndex(objs)));
    }
    return ix;
  }

  objects(kind?: string): readonly K8sObject[] {
    return kind === undefined ? this.everything.all : this.everything.kind(kind);
  }

  get(kind: string, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.viewAt(Infinity).get(kind, namespace, name) ?? this.everything.get(kind, namespace, name);
  }

  related(obj: K8sObject, relation: string): K8sObject[] {
    const r = RELATIONS[relation];
    if (!r) throw new Error(`unknown state relation "${relation}", known: ${this.relations().join(', ')}`);
    return r(this.viewAt(this.timeOf.get(obj) ?? Infinity), obj);
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

  goneAt(obj: K8sObject): { time: string; list: Provenance } | undefined {
    const gone = this.identityOf.get(obj)?.gone;
    return gone ? { time: isoFromMicros(gone.t, 's'), list: gone.list } : undefined;
  }
}

/** The newest snapshot time and how it was chosen; else the newest time in the objects. */
function newestSnapshot(ids: readonly Identity[]): { iso: string; source: string } | undefined {
  let best: { t: number; obj: K8sObject } | undefined;
  for (const id of ids) for (const v of id.versions) if (v.t > -Infinity && (!best || v.t > best.t)) best = { t: v.t, obj: v.obj };
  if (!best) return undefined;
  const iso = isoFromMicros(best.t, 's');
  if (best.obj.snapshotTime) return { iso, source: best.obj.snapshotSource ?? 'snapshot time' };
  return { iso, source: 'newest time in the objects' };
}

export function buildClusterState(objects: K8sObject[], buckets: GoroutineBucket[], opts: { snapshotTime?: string } = {}): ClusterStateModel {
  return new SnapshotState(objects, buckets, opts.snapshotTime);
}
