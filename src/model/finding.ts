import type { Provenance } from './provenance.js';
import type { EntityKind, Level, MatchKind } from './signature.js';

/** One input line that supports a finding. */
export interface Evidence extends Provenance {
  /** ISO 8601 UTC time of the event (empty when unknown). */
  time: string;
  /** The input line exactly as read. */
  text: string;
  /** The event's `seq`: several evidence entries share one when a line was read in two files. */
  seq: number;
}

export interface Cause {
  /** `ref` of the causing finding. */
  ref: string;
  /** identity: both sides name the same entity; time: linked by the window alone. */
  strength: 'identity' | 'time';
  /** What the two share: `device=sdb`, `pvc=pvc-746b2837, host=k8s02`, or `time: 5s before`. */
  via: string;
}

/** A signature matched on the evidence. The `findings[]` entries of the JSON contract. */
export interface Finding {
  /** Unique in the document, stable for the same input: `F001`, `F002`, ... in time order. */
  ref: string;
  /** The signature id. */
  id: string;
  title: string;
  level: Level;
  kind: MatchKind;
  role: 'problem' | 'context' | 'contrast';
  host?: string;
  /** ISO 8601 UTC of the first and last supporting event. */
  first: string;
  last: string;
  /** Number of distinct events (not lines: an event read from two files counts once). */
  count: number;
  captures: Record<string, string>;
  /** Entities named by the evidence, by kind (after alias resolution). */
  entities: Partial<Record<EntityKind, string[]>>;
  evidence: Evidence[];
  causes: Cause[];
  /** For burst/sequence/absence findings: the refs of the member findings. */
  members?: string[];
  /** For sequence findings: the signature id that matched each step (one of its alternatives). */
  matched?: string[];
  /**
   * Ref of the contrast finding this finding is a member of (a conn error that was part of a
   * link flap that recovered): it is explained, so it starts no chain of its own.
   */
  explainedBy?: string;
  /**
   * Set on a problem finding reported as a contrast (`role: 'contrast'`): a look-alike that a
   * chain step's signature names in `contrasts` but that is not linked into that chain. `ref` is
   * the step it resembles; `reason` says why it was ruled out (when and where it was, against
   * the step).
   */
  ruledOut?: { ref: string; reason: string };
  /** The pattern file and line that produced it. */
  rule: { file: string; line: number };
  /** Assumptions the finding depends on (inferred year, assumed zone, mtime dump time...). */
  assumptions: string[];
}

/** One step of an infinite-how's chain, from the symptom down. */
export interface ChainStep {
  ref: string;
  /** "How did ...?" rendered from the signature's `how`. */
  question: string;
  /** The answer rendered from the signature's `answer`. */
  answer: string;
  /** The link from this step to the next (deeper) one; absent on the last step. */
  link?: Cause;
  /**
   * Refs of findings of the same signature on other branches that converge on this chain (the
   * same step for sdc when the chain follows sdb).
   */
  also?: string[];
}

export interface Chain {
  /** `C1`, `C2`, ... */
  id: string;
  title: string;
  /** The user-visible symptom findings at the top of the chain. */
  symptoms: string[];
  steps: ChainStep[];
  /** Present when the evidence ends before an actionable cause: the question left open. */
  open?: { question: string; hint: string };
  /** Hosts involved, and whether the same steps happened on several hosts at once. */
  hosts: string[];
}

/**
 * Context findings of one signature on one host, between two problems, that were counted, not
 * listed (`routine`): no problem or chain refers to them, they name no object a problem names,
 * and they lie more than the routine window from the start and end of every problem. The
 * `routine[]` entries of the JSON contract; the timeline shows each as one row.
 */
export interface RoutineTally {
  /** Signature id and title. */
  id: string;
  title: string;
  host?: string;
  /** Findings folded, and the distinct events (lines) they cite. */
  findings: number;
  events: number;
  /** ISO 8601 UTC of the first and last event. */
  first: string;
  last: string;
  /**
   * The kind of object the findings name most (pod, pvc, device, ...; absent when none), how
   * many distinct ones, and the first few in time order.
   */
  objectKind?: string;
  objects: number;
  examples: string[];
  /** The first and the last line cited, with provenance (one entry when they are the same). */
  evidence: Evidence[];
}
