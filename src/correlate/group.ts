/**
 * Event hits -> findings: the hits of an `event` signature are grouped by `group.by` (default:
 * host plus every entity kind the signature captures) and split where the pause between two
 * hits of a group is longer than `group.gap` (default 30m).
 */
import type { Event } from '../model/event.js';
import type { SignatureHit } from '../model/scan.js';
import type { LoadedSignature } from '../model/signature.js';
import { parseDuration, resolveDuration } from '../signatures/index.js';
import { type Draft, eventKey, mergeCaptures } from './draft.js';
import { type EntityIndex, type EntitySet, mergeEntities } from './entities.js';

const DEFAULT_GAP = parseDuration('30m')!;

export function groupKeys(sig: LoadedSignature): string[] {
  if (sig.group?.by) return sig.group.by;
  return ['host', ...new Set(Object.values(sig.entities ?? {}).filter((k) => k !== 'host'))];
}

export interface EventHit {
  event: Event;
  hit: SignatureHit;
}

/** Hits of every signature, by id, in event order. */
export function hitsById(events: readonly Event[], hits: ReadonlyMap<number, SignatureHit[]>): Map<string, EventHit[]> {
  const out = new Map<string, EventHit[]>();
  for (const event of events) {
    for (const hit of hits.get(event.seq) ?? []) {
      const list = out.get(hit.id) ?? [];
      list.push({ event, hit });
      out.set(hit.id, list);
    }
  }
  return out;
}

export function groupEventHits(sig: LoadedSignature, list: readonly EventHit[], entities: EntityIndex, overrides: Readonly<Record<string, string>>): Draft[] {
  const gap = sig.group?.gap ? (resolveDuration(sig.group.gap, sig, overrides)?.micros ?? DEFAULT_GAP) : DEFAULT_GAP;
  const keys = groupKeys(sig);
  const open = new Map<string, Draft>();
  const out: Draft[] = [];
  /** Resolved entity sets already merged into each draft (consecutive events share them). */
  const merged = new Map<Draft, Set<EntitySet>>();
  for (const { event, hit } of list) {
    const key = eventKey(keys, entities.own(event.seq), hit.captures, event.host);
    const t = event.time.utcMicros;
    const cur = open.get(key);
    const fits = cur && (t === null ? cur.last === null : cur.last !== null && t - cur.last <= gap);
    if (cur && fits) {
      cur.events.push(event);
      cur.count++;
      if (t !== null) cur.last = Math.max(cur.last ?? t, t);
      if (cur.host !== event.host) cur.host = undefined;
      mergeCaptures(cur.captures, hit.captures);
      const set = entities.of(event.seq, event.host);
      const seen = merged.get(cur)!;
      if (!seen.has(set)) {
        seen.add(set);
        mergeEntities(cur.entities, set);
      }
      continue;
    }
    const draft: Draft = {
      sig,
      events: [event],
      count: 1,
      first: t,
      last: t,
      ...(event.host ? { host: event.host } : {}),
      captures: { ...hit.captures },
      entities: new Map(),
      members: [],
      assumptions: [],
      key,
      causes: [],
    };
    const set = entities.of(event.seq, event.host);
    mergeEntities(draft.entities, set);
    merged.set(draft, new Set([set]));
    open.set(key, draft);
    out.push(draft);
  }
  return out;
}
