import type { Provenance } from './provenance.js';
import type { Stamp } from './time.js';

/**
 * Cluster state read from kubectl snapshots and goroutine dumps, for `state` signatures and
 * for joins the correlation stage needs (pod -> node -> PVC -> PV -> JivaVolume -> controller).
 */

export interface OwnerRef {
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

/** A Kubernetes object from a snapshot, pruned to the fields hows uses. */
export interface K8sObject {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  uid?: string;
  labels: Record<string, string>;
  ownerReferences: OwnerRef[];
  creationTimestamp?: string;
  deletionTimestamp?: string;
  /**
   * The object with only the fields the state model and signatures use kept (spec/status
   * subsets); unknown kinds keep metadata only. Dotted paths in signatures read from here.
   */
  body: Record<string, unknown>;
  /** Where the object starts in the input. */
  at: Provenance;
  /** 1-based input line of notable fields, by dotted path (`status.terminatingReplicas`). */
  lines: Record<string, number>;
  /** Snapshot time of the file it came from (ISO UTC), when known (set by the clock step). */
  snapshotTime?: string;
  /** How that snapshot time was chosen (the clock assumption's text). */
  snapshotSource?: string;
  /**
   * The newest absolute time written in the object (creation, condition transitions and
   * heartbeats, container start/finish, event times, managedFields; a deletionTimestamp less its
   * grace period): the capture cannot be earlier. ISO UTC, with the dotted path and input line.
   */
  newest?: { time: string; path: string; line: number };
  /**
   * Set when the object was read from a `List` (`kind: List` or a typed list): an id of that
   * List, unique in the run (`file:line` of its first item). A List is authoritative for the
   * existence of objects of its kinds in its scope at its snapshot time; a single-object
   * document is not.
   */
  list?: string;
  /** The node the object is on, when it names one, and the field that says so. */
  host?: string;
  hostFrom?: 'spec.nodeName' | 'metadata.name' | 'metadata.labels.nodeID' | 'spec.mountInfo.nodeID' | 'source.host' | 'NODE column';
}

export interface GoroutineFrame {
  func: string;
  file: string;
  line: number;
}

/** Identical stacks of one dump, bucketed (panicparse model). */
export interface GoroutineBucket {
  /** Wait reason or state, verbatim: `select`, `semacquire`, `sync.Mutex.Lock`, `IO wait`. */
  state: string;
  count: number;
  ids: number[];
  minutesMin: number;
  minutesMax: number;
  locked: boolean;
  frames: GoroutineFrame[];
  /** Frames were elided by the runtime (`...additional frames elided...`). */
  elided: boolean;
  createdBy?: GoroutineFrame & { goroutine?: number };
  /** The header line of every goroutine in the bucket. */
  headers: Provenance[];
  /** The input text of each header line, parallel to `headers` (what findings quote). */
  headerTexts?: string[];
  host?: string;
  /** When the dump was taken, as known (journal prefix, --dump-time, or file mtime). */
  dumpTime: Stamp;
  /** How the dump time was obtained: 'journal', 'flag', 'mtime', 'unknown'. */
  dumpTimeSource: 'journal' | 'flag' | 'mtime' | 'unknown';
  /** Aggregated debug=1 profile record (no ids, states or minutes). */
  aggregated?: boolean;
}

/**
 * Queryable cluster state. Relations are named so that signature files can use them:
 * see docs/patterns.md for the list and their meaning.
 */
export interface ClusterState {
  /** All objects of a kind ('Pod', 'ReplicaSet', ...); all objects when kind is omitted. */
  objects(kind?: string): readonly K8sObject[];
  get(kind: string, namespace: string | undefined, name: string): K8sObject | undefined;
  /** Objects related to `obj` by a named relation (`selected-pods`, `node`, `pv`, ...). */
  related(obj: K8sObject, relation: string): K8sObject[];
  /** Names of the relations this model knows. */
  relations(): readonly string[];
  buckets(): readonly GoroutineBucket[];
  /** The time snapshots were taken, if known (ISO UTC), and how it was obtained. */
  snapshotTime(): { iso: string; source: string } | undefined;
  /**
   * When `obj` was found gone: a List of its kind and scope, taken after the last snapshot that
   * held it, no longer holds it. Undefined while it exists. (Gone objects stay in `objects()`,
   * as of their own snapshot; relations of later objects no longer see them.)
   */
  goneAt?(obj: K8sObject): { time: string; list: Provenance } | undefined;
}
