import type { SourceKind } from './event.js';

/**
 * The shape of a signature file in `patterns/<family>/<id>.yml` after loading and validation.
 * docs/patterns.md is the user-facing description of every field; src/signatures/schema.ts
 * validates files against it. Keep the three in step.
 */

export type Level = 'info' | 'low' | 'medium' | 'high' | 'critical';
export const LEVELS: readonly Level[] = ['info', 'low', 'medium', 'high', 'critical'];

export type Priority = 'critical' | 'high' | 'medium' | 'low';
export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low'];

/**
 * Entity kinds shared across signatures. Captures are mapped to these so that findings from
 * different signatures can be joined (same host, same device, same PVC...).
 */
export type EntityKind =
  | 'host' // node name as it logs (k8s02)
  | 'node' // a node named in a message (may differ from the logging host)
  | 'device' // block device (sdb), partition suffix stripped
  | 'connection' // iSCSI connection id (1:0)
  | 'session' // iSCSI session id (1)
  | 'iqn' // iSCSI target name
  | 'portal' // iSCSI portal ip[:port]
  | 'pvc' // PV/PVC volume id (pvc-746b2837-...); prefixes match
  | 'pod' // namespace/name
  | 'namespace'
  | 'container' // container id (64 hex) or name
  | 'ip' // any IP address
  | 'service'
  | 'workload' // Deployment/StatefulSet/ReplicaSet name
  | 'key'; // datastore key, lease name, or other free identifier

export const ENTITY_KINDS: readonly EntityKind[] = [
  'host',
  'node',
  'device',
  'connection',
  'session',
  'iqn',
  'portal',
  'pvc',
  'pod',
  'namespace',
  'container',
  'ip',
  'service',
  'workload',
  'key',
];

/** A duration in Sigma timespan syntax: `500ms`, `1s`, `2m`, `1h`, `1d`, or `$param`. */
export type DurationText = string;

/** A condition on a structured field (klog key, kubectl path, goroutine bucket field). */
export type Condition =
  | string
  | number
  | boolean
  | {
      eq?: string | number | boolean;
      ne?: string | number | boolean;
      in?: Array<string | number>;
      regex?: string;
      contains?: string;
      gt?: number | string;
      gte?: number | string;
      lt?: number | string;
      lte?: number | string;
      /** For times: older than this duration at the snapshot time. */
      older_than?: DurationText;
      exists?: boolean;
    };

/** Matches single events. */
export interface EventMatch {
  kind: 'event';
  /**
   * Regex (the portable dialect: ERE/RE2/JS common subset, named captures `(?<name>...)`) tried
   * against `message` (or `field`). Several regexes are alternatives.
   */
  regex?: string | string[];
  /** Which text the regex is matched against: 'message' (default), 'raw', or a field name. */
  field?: string;
  /** Conditions on structured fields; all must hold. */
  where?: Record<string, Condition>;
}

/** At least N findings of another signature within a window, grouped by keys. */
export interface BurstMatch {
  kind: 'burst';
  of: string;
  /** `>=3`, `>5`, `3`. */
  count: string;
  within: DurationText;
  group_by?: string[];
}

/** Ordered steps (each a signature id, or a list of alternatives) within a window sharing keys. */
export interface SequenceMatch {
  kind: 'sequence';
  steps: Array<string | string[]>;
  within: DurationText;
  same?: string[];
}

/**
 * A occurred and was not followed by any of B within the window (on the same keys), or was
 * followed by one of `recovered_by` before any B.
 */
export interface AbsenceMatch {
  kind: 'absence';
  of: string;
  not_followed_by: string[];
  recovered_by?: string[];
  within: DurationText;
  same?: string[];
}

/** Conditions and joins over the cluster state model (kubectl snapshots, goroutine buckets). */
export interface StateMatch {
  kind: 'state';
  /** Object kind to iterate: Pod, ReplicaSet, Node, JivaVolume, GoroutineBucket, ... */
  object: string;
  where?: Record<string, Condition>;
  /**
   * Named relations of the state model (`selected-pods`, `node`, `jiva-ctrl-pods`, ...),
   * each with conditions on the related set. See docs/patterns.md.
   */
  join?: Record<string, StateJoin>;
  /** Comparisons between the object and joined objects: `spec.nodeName == ctrl.spec.nodeName`. */
  compare?: string[];
}

export interface StateJoin {
  relation: string;
  /** Required number of related objects: 0 means "none", `>=1` means "some". */
  count?: number | string;
  where?: Record<string, Condition>;
}

export type MatchSpec = EventMatch | BurstMatch | SequenceMatch | AbsenceMatch | StateMatch;
export type MatchKind = MatchSpec['kind'];

/**
 * A param whose value is read from evidence: the `capture` of the nearest hit of signature `id`
 * (same host first), with `unit` appended to a bare number; `default` when none is found.
 */
export interface ParamFromEvidence {
  default: string | number;
  from: { id: string; capture: string; unit?: 'ms' | 's' | 'm' | 'h' | 'd' };
}

/** A declared cause: a finding of `id` may have caused a finding of this signature. */
export interface CausedBy {
  id: string;
  /** The cause must start at most this long before the effect starts. */
  within: DurationText;
  /** The cause may also start up to this long after the effect (clock skew); default 0s. */
  skew?: DurationText;
  /** Entity kinds that must agree for a link (no link otherwise). */
  same?: string[];
  /** Entity kinds that, when they agree, make the link an identity link rather than time-only. */
  prefer?: string[];
}

export interface Detection {
  promql?: string;
  log_alert?: string;
  note?: string;
}

export interface Action {
  priority: Priority;
  text: string;
}

export interface ExampleMatch {
  line: string;
  /** Captures the match must produce (subset check). */
  expect?: Record<string, string>;
  /** Force the parser for this example (format id); sniffed when absent. */
  as?: string;
}

export type ExampleNoMatch = string | { line: string; as?: string; why?: string };

export interface SignatureSpec {
  id: string;
  title: string;
  description: string;
  level: Level;
  status?: 'experimental' | 'test' | 'stable';
  /** Folder under patterns/: storage, control-plane, node, network, workload, jiva, ... */
  family: string;
  /**
   * 'context' signatures bind entities and feed the timeline but are never reported as
   * problems on their own (an iSCSI login line mapping connection1:0 to a PVC).
   */
  role?: 'problem' | 'context' | 'contrast';
  applies_to?: { sources?: SourceKind[]; programs?: string[] };
  match: MatchSpec;
  /** capture name -> entity kind. */
  entities?: Record<string, EntityKind>;
  /** Entity kinds captured together that refer to one thing on the same host (aliases). */
  binds?: EntityKind[][];
  /** Grouping of hits into findings: keys (entity kinds or captures) and the gap that splits. */
  group?: { by?: string[]; gap?: DurationText };
  params?: Record<string, string | number | ParamFromEvidence>;
  caused_by?: CausedBy[];
  /** The PIR question for this step, with {{placeholders}} from captures and entities. */
  how: string;
  /** The PIR answer sentence, with {{placeholders}}. */
  answer: string;
  /** Where to look when none of `caused_by` is in the evidence (the open question's hint). */
  unresolved?: string;
  contrasts?: string[];
  detection?: Detection;
  actions?: Action[];
  references?: string[];
  examples: { match: ExampleMatch[]; no_match: ExampleNoMatch[] };
}

/** A loaded signature: the spec plus where it came from. */
export interface LoadedSignature extends SignatureSpec {
  source: { file: string; line: number };
}
