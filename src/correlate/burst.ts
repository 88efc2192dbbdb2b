/**
 * `burst`: at least N events (or findings, when `of` is itself a composite) of another
 * signature within a window, per `group_by` group (Sigma `event_count`). Clusters are taken
 * greedily in time order: from each unit, everything within the window after it; a cluster that
 * satisfies the count becomes a finding and its units are used up.
 */
import type { Event } from '../model/event.js';
import type { LoadedSignature } from '../model/signature.js';
import { resolveDuration, resolveValue } from '../signatures/index.js';
import { type Draft, eventKey, mergeCaptures } from './draft.js';
import { type EntityIndex, type EntitySet, mergeEntities } from './entities.js';
import type { EventHit } from './group.js';

export interface BurstUnit {
  time: number | null;
  events: Event[];
  /** The finding this unit belongs to (its member in the burst). */
  draft: Draft;
  captures: Record<string, string>;
  own: EntitySet;
  host?: string;
}

/** A count condition: `>=6`, `>5`, `==2`, `<3`; a bare number means `bare` (>= for bursts, == for joins). */
export function parseCount(text: string | number, sig: LoadedSignature, overrides: Readonly<Record<string, string>>, bare: '>=' | '==' = '>='): (n: number) => boolean {
  const resolved = String(resolveValue(typeof text === 'number' ? text : text.trim(), sig, overrides).value);
  const m = /^(>=|>|==|<=|<)?([0-9]+)$/.exec(resolved);
  const n = Number(m?.[2] ?? Number.NaN);
  switch (m?.[1] ?? bare) {
    case '>':
      return (c) => c > n;
    case '==':
      return (c) => c === n;
    case '<':
      return (c) => c < n;
    case '<=':
      return (c) => c <= n;
    default:
      return (c) => c >= n;
  }
}

/** Units of signature `of`: its hit events when it is an event signature, else its findings. */
export function burstUnits(ofDrafts: readonly Draft[], ofHits: readonly EventHit[], entities: EntityIndex): BurstUnit[] {
  const units: BurstUnit[] = [];
  const draftOf = new Map<number, Draft>();
  for (const d of ofDrafts) if (d.sig.match.kind === 'event') for (const e of d.events) draftOf.set(e.seq, d);
  for (const { event: e, hit } of ofHits) {
    const d = draftOf.get(e.seq);
    if (d) units.push({ time: e.time.utcMicros, events: [e], draft: d, captures: hit.captures, own: entities.own(e.seq), ...(e.host ? { host: e.host } : {}) });
  }
  for (const d of ofDrafts) {
    if (d.sig.match.kind !== 'event') units.push({ time: d.first, events: d.events, draft: d, captures: d.captures, own: d.entities, ...(d.host ? { host: d.host } : {}) });
  }
  return units.sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity) || (a.events[0]?.seq ?? 0) - (b.events[0]?.seq ?? 0));
}

export function findBursts(sig: LoadedSignature, units: readonly BurstUnit[], entities: EntityIndex, overrides: Readonly<Record<string, string>>): Draft[] {
  if (sig.match.kind !== 'burst') return [];
  const m = sig.match;
  const within = resolveDuration(m.within, sig, overrides)?.micros ?? 0;
  const ok = parseCount(m.count, sig, overrides);
  const keys = m.group_by ?? [];
  const groups = new Map<string, BurstUnit[]>();
  for (const u of units) {
    if (u.time === null) continue;
    const k = eventKey(keys, u.own, u.captures, u.host);
    const list = groups.get(k) ?? [];
    list.push(u);
    groups.set(k, list);
  }
  const out: Draft[] = [];
  for (const [key, list] of groups) {
    let i = 0;
    while (i < list.length) {
      const start = list[i]!.time!;
      let j = i;
      while (j < list.length && list[j]!.time! - start <= within) j++;
      const cluster = list.slice(i, j);
      const count = cluster.reduce((n, u) => n + u.events.length, 0);
      if (!ok(count)) {
        i++;
        continue;
      }
      const draft: Draft = {
        sig,
        events: [...new Map(cluster.flatMap((u) => u.events).map((e) => [e.seq, e])).values()].sort((a, b) => a.seq - b.seq),
        count,
        first: start,
        last: cluster[cluster.length - 1]!.time,
        ...(cluster.every((u) => u.host === cluster[0]!.host) && cluster[0]!.host ? { host: cluster[0]!.host } : {}),
        captures: {},
        entities: new Map(),
        members: [...new Set(cluster.map((u) => u.draft))],
        assumptions: [],
        key,
        causes: [],
      };
      for (const u of cluster) {
        mergeCaptures(draft.captures, u.captures);
        for (const e of u.events) mergeEntities(draft.entities, entities.of(e.seq, e.host));
      }
      out.push(draft);
      i = j;
    }
  }
  return out;
}
