/**
 * A finding under construction: what every correlation step produces and consumes before refs
 * are assigned (finalize.ts turns drafts into the Finding contract).
 */
import type { Event } from '../model/event.js';
import type { Cause, Evidence } from '../model/finding.js';
import { ENTITY_KINDS, type LoadedSignature } from '../model/signature.js';
import type { EntityConfig } from '../signatures/index.js';
import { type EntitySet, sharedValue } from './entities.js';

export interface DraftCause {
  draft: Draft;
  strength: Cause['strength'];
  via: string;
  /** Kinds that agree (host counts one, any other kind two): ranks identity links. */
  score: number;
  /** How long before the effect the cause was last seen, in micros (>= 0). */
  distance: number;
}

export interface Draft {
  sig: LoadedSignature;
  /** Supporting events in seq order (for composites: the members' events). */
  events: Event[];
  /** Evidence that is not an event (state objects, goroutine buckets). */
  extraEvidence?: Evidence[];
  /** Number of distinct events or objects. */
  count: number;
  first: number | null;
  last: number | null;
  host?: string;
  captures: Record<string, string>;
  /**
   * The entities the draft names. Read only once the draft is made: an event draft's set may be
   * shared with other drafts and the entity index (group.ts), so a step that adds to it makes a
   * new draft with a set of its own.
   */
  entities: EntitySet;
  members: Draft[];
  matched?: string[];
  assumptions: string[];
  /** Grouping key, for a stable order among drafts of one signature at the same time. */
  key: string;
  causes: DraftCause[];
  explainedBy?: Draft;
  /**
   * A problem finding ruled out as a look-alike of a chain step whose signature names its id in
   * `contrasts` (lookalikes.ts): reported as a contrast, with the reason.
   */
  ruledOut?: { step: Draft; reason: string };
  ref?: string;
}

export function roleOf(sig: LoadedSignature): 'problem' | 'context' | 'contrast' {
  return sig.role ?? 'problem';
}

/** The role a draft is reported with: its signature's, or contrast when it was ruled out. */
export function draftRole(d: Draft): 'problem' | 'context' | 'contrast' {
  return d.ruledOut ? 'contrast' : roleOf(d.sig);
}

/** Merges captures; values already present win (the first event's captures describe the finding). */
export function mergeCaptures(into: Record<string, string>, from: Record<string, string>): void {
  for (const [k, v] of Object.entries(from)) if (!(k in into)) into[k] = v;
}

export function firstSeq(d: Draft): number {
  return d.events[0]?.seq ?? Number.MAX_SAFE_INTEGER;
}

/** Stable order of drafts: time, then signature id, host, key, first event. */
export function compareDrafts(a: Draft, b: Draft): number {
  const ta = a.first ?? Number.MAX_SAFE_INTEGER;
  const tb = b.first ?? Number.MAX_SAFE_INTEGER;
  if (ta !== tb) return ta - tb;
  if (a.sig.id !== b.sig.id) return a.sig.id < b.sig.id ? -1 : 1;
  if ((a.host ?? '') !== (b.host ?? '')) return (a.host ?? '') < (b.host ?? '') ? -1 : 1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return firstSeq(a) - firstSeq(b);
}

/** True when `a` comes strictly after `b` in the run's order (time, then position). */
export function isAfter(a: Draft, b: Draft): boolean {
  if (a.first === null || b.first === null) return false;
  return a.first > b.first || (a.first === b.first && firstSeq(a) > firstSeq(b));
}

/**
 * The machines a draft happened on: its host (or host entities); a state finding's node (the
 * pod's spec.nodeName) counts as its host, since the object lives there.
 */
function hostValues(d: Draft): Set<string> | undefined {
  const hosts = d.host ? new Set([d.host]) : d.entities.get('host');
  const nodes = d.sig.match.kind === 'state' ? d.entities.get('node') : undefined;
  return nodes?.size ? new Set([...(hosts ?? []), ...nodes]) : hosts;
}

/** The nodes a draft is about: the nodes it names, else the machine it happened on. */
function nodeValues(d: Draft): Set<string> | undefined {
  const nodes = d.entities.get('node');
  return nodes?.size ? nodes : hostValues(d);
}

/** The value of a key (`host`, an entity kind, or a capture name) on a draft, for agreement. */
function keyValues(d: Draft, key: string): Set<string> | undefined {
  if (key === 'host') return hostValues(d);
  if (key === 'node') return nodeValues(d);
  if ((ENTITY_KINDS as readonly string[]).includes(key)) return d.entities.get(key);
  const c = d.captures[key];
  return c === undefined ? undefined : new Set([c]);
}

/**
 * The value two drafts share for `key`, or undefined when they do not agree on it. `host` and
 * `node` compare machines across the two kinds: a state finding's node is its host, and a
 * finding that names no node is about the machine it happened on.
 */
export function agreeOn(config: EntityConfig, a: Draft, b: Draft, key: string): string | undefined {
  if ((ENTITY_KINDS as readonly string[]).includes(key) && key !== 'host' && key !== 'node') return sharedValue(config, key, a.entities, b.entities);
  const xs = keyValues(a, key);
  const ys = keyValues(b, key);
  if (!xs || !ys) return undefined;
  return [...xs].sort().find((x) => ys.has(x));
}

/** True when the drafts agree on every key. */
export function agreeAll(config: EntityConfig, a: Draft, b: Draft, keys: readonly string[] | undefined): boolean {
  return (keys ?? []).every((k) => agreeOn(config, a, b, k) !== undefined);
}

/** A grouping key of one event: values of `keys` from its own entities, captures and host. */
export function eventKey(keys: readonly string[], own: EntitySet, captures: Record<string, string>, host: string | undefined): string {
  return keys
    .map((k) => {
      if (k === 'host') return host ?? '';
      const vs = (ENTITY_KINDS as readonly string[]).includes(k) ? own.get(k) : undefined;
      return vs?.size ? [...vs].sort().join(',') : (captures[k] ?? '');
    })
    .join('\u0000');
}
