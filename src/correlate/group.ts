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

/** Where an event was read first (`file:line`): one kubectl event row gives two records. */
function placeOf(event: Event): string | undefined {
  const at = event.from[0];
  return at ? `${at.file}\u0000${at.line}` : undefined;
}

function spanOf(d: Draft): [number, number] | undefined {
  return d.first === null ? undefined : [d.first, d.last ?? d.first];
}

/**
 * A draft starts with the entity set of its first event, shared with the entity index and with
 * other drafts (at 1 GB of bench, 17,000 readiness drafts each held a copy, ~900 bytes of maps
 * and sets: 15 MiB). It gets a copy of its own before anything is merged into it.
 */
function ownEntities(d: Draft, owned: Set<Draft>): EntitySet {
  if (!owned.has(d)) {
    const copy: EntitySet = new Map();
    mergeEntities(copy, d.entities);
    d.entities = copy;
    owned.add(d);
  }
  return d.entities;
}

/** Merges `b` into `a` (same key): events in seq order, entities and captures (a's first win). */
function absorb(a: Draft, b: Draft, hostless: Set<Draft>, owned: Set<Draft>): void {
  a.events = [...a.events, ...b.events].sort((x, y) => x.seq - y.seq);
  a.count += b.count;
  if (b.first !== null) a.first = a.first === null ? b.first : Math.min(a.first, b.first);
  if (b.last !== null) a.last = a.last === null ? b.last : Math.max(a.last, b.last);
  if (hostless.has(a)) a.host = undefined;
  else if (hostless.has(b)) {
    a.host = undefined;
    hostless.add(a);
  } else if (b.host !== undefined && a.host !== b.host) {
    if (a.host === undefined) a.host = b.host;
    else {
      a.host = undefined;
      hostless.add(a);
    }
  }
  mergeCaptures(a.captures, b.captures);
  if (b.entities !== a.entities) mergeEntities(ownEntities(a, owned), b.entities);
}

/**
 * One finding per group of hits: a hit joins the open finding of its key when it comes within
 * `gap` of its last hit, or when it was read from the same input line as a hit of that finding
 * (the first and the last occurrence of one kubectl event row, 30 hours apart). Findings of a
 * key whose spans then overlap, or are within `gap`, are one. The finding's host is the host of
 * its hits; a hit that names none does not change it, hits on two hosts leave it unset.
 */
export function groupEventHits(sig: LoadedSignature, list: readonly EventHit[], entities: EntityIndex, overrides: Readonly<Record<string, string>>): Draft[] {
  const gap = sig.group?.gap ? (resolveDuration(sig.group.gap, sig, overrides)?.micros ?? DEFAULT_GAP) : DEFAULT_GAP;
  const keys = groupKeys(sig);
  const open = new Map<string, Draft>();
  const byPlace = new Map<string, Draft>();
  const byKey = new Map<string, Draft[]>();
  /** Drafts with hits on two hosts: no host. */
  const hostless = new Set<Draft>();
  /** Resolved entity sets already merged into each draft (consecutive events share them). */
  const merged = new Map<Draft, Set<EntitySet>>();
  /** Drafts whose entity set is their own (the others share their first event's). */
  const owned = new Set<Draft>();
  for (const { event, hit } of list) {
    const key = eventKey(keys, entities.own(event.seq), hit.captures, event.host);
    const t = event.time.utcMicros;
    const place = placeOf(event);
    const sameRow = place === undefined ? undefined : byPlace.get(place);
    const cur = sameRow?.key === key ? sameRow : open.get(key);
    const fits = cur && (cur === sameRow || (t === null ? cur.last === null : cur.last !== null && t - cur.last <= gap));
    if (cur && fits) {
      cur.events.push(event);
      cur.count++;
      if (t !== null) {
        cur.first = cur.first === null ? t : Math.min(cur.first, t);
        cur.last = Math.max(cur.last ?? t, t);
      }
      if (event.host !== undefined && cur.host !== event.host && !hostless.has(cur)) {
        if (cur.host === undefined) cur.host = event.host;
        else {
          cur.host = undefined;
          hostless.add(cur);
        }
      }
      mergeCaptures(cur.captures, hit.captures);
      const set = entities.of(event.seq, event.host);
      const seen = merged.get(cur)!;
      if (!seen.has(set)) {
        seen.add(set);
        mergeEntities(ownEntities(cur, owned), set);
      }
      if (place !== undefined && !byPlace.has(place)) byPlace.set(place, cur);
      continue;
    }
    const set = entities.of(event.seq, event.host);
    const draft: Draft = {
      sig,
      events: [event],
      count: 1,
      first: t,
      last: t,
      ...(event.host ? { host: event.host } : {}),
      captures: { ...hit.captures },
      entities: set,
      members: [],
      assumptions: [],
      key,
      causes: [],
    };
    merged.set(draft, new Set([set]));
    open.set(key, draft);
    if (place !== undefined && !byPlace.has(place)) byPlace.set(place, draft);
    const ofKey = byKey.get(key);
    if (ofKey) ofKey.push(draft);
    else byKey.set(key, [draft]);
  }
  // Spans that overlap (or come within the gap) after same-row joins are one finding.
  const gone = new Set<Draft>();
  for (const drafts of byKey.values()) {
    for (let i = 0; i < drafts.length; i++) {
      const a = drafts[i]!;
      if (gone.has(a)) continue;
      for (let again = true; again; ) {
        again = false;
        for (let j = i + 1; j < drafts.length; j++) {
          const b = drafts[j]!;
          const sa = spanOf(a);
          const sb = spanOf(b);
          if (gone.has(b) || !sa || !sb || sb[0] > sa[1] + gap || sa[0] > sb[1] + gap) continue;
          absorb(a, b, hostless, owned);
          gone.add(b);
          again = true;
        }
      }
    }
  }
  return [...byKey.values()].flat().filter((d) => !gone.has(d));
}
