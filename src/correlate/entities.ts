/**
 * Entities, extracted once per matched event and shared by every later step: from each hit's
 * captures through its signature's `entities` map, from the generic extractors and derivations
 * of `patterns/entities.yml`, the path of its file (`paths`: a CRI container log names its pod),
 * its structured fields (`fields`: a kubectl event names the pod it is about), plus the event's
 * host. Aliases come from `binds` (and
 * derivations): a login line binding connection 1:0 to iqn...:pvc-746b2837 lets a later
 * `connection1:0: detected conn error` be linked to that PVC (aliases.ts).
 */
import type { Event } from '../model/event.js';
import type { SignatureHit } from '../model/scan.js';
import type { EntityKind } from '../model/signature.js';
import { type CompiledSignatures, type EntityConfig, fieldEntities, normalizeEntity, pathEntities, sameEntity } from '../signatures/index.js';
import { AliasIndex } from './aliases.js';

/** Entity values by kind. */
export type EntitySet = Map<string, Set<string>>;

export function addEntity(set: EntitySet, kind: string, value: string): void {
  if (!value) return;
  const s = set.get(kind);
  if (s) s.add(value);
  else set.set(kind, new Set([value]));
}

export function mergeEntities(into: EntitySet, from: EntitySet): void {
  for (const [k, vs] of from) for (const v of vs) addEntity(into, k, v);
}

/** The values two sets share for `kind` (pvc prefixes count as shared): the first, or undefined. */
export function sharedValue(config: EntityConfig, kind: string, a: EntitySet, b: EntitySet): string | undefined {
  const xs = [...(a.get(kind) ?? [])].sort();
  const ys = [...(b.get(kind) ?? [])].sort();
  for (const x of xs) for (const y of ys) if (sameEntity(config, kind, x, y)) return x.length <= y.length ? x : y;
  return undefined;
}

/** Entities as the Finding shape: kinds and values sorted. */
export function entitiesRecord(set: EntitySet): Partial<Record<EntityKind, string[]>> {
  const out: Partial<Record<EntityKind, string[]>> = {};
  for (const k of [...set.keys()].sort()) out[k as EntityKind] = [...set.get(k)!].sort();
  return out;
}

interface RawEntities {
  /** Entities named by the event itself (captures, extractors, derivations, host). */
  own: EntitySet;
}

export class EntityIndex {
  private readonly raw = new Map<number, RawEntities>();
  private readonly aliases = new AliasIndex();
  private readonly resolved = new Map<number, EntitySet>();
  private readonly shared = new Map<string, EntitySet>();
  private readonly byPath = new Map<string, Array<{ kind: EntityKind; value: string }>>();

  constructor(
    private readonly signatures: CompiledSignatures,
    events: readonly Event[],
    hits: ReadonlyMap<number, SignatureHit[]>,
  ) {
    const config = signatures.entities;
    // Events that name the same entities (in the same order) share one set: at 1 GB of bench,
    // 30,464 matched events name 223 distinct sets, and a set of maps and sets is ~600 bytes.
    // Sets are read only once built (`of` merges them into sets of its own).
    const distinct = new Map<string, EntitySet>();
    for (const ev of events) {
      const evHits = hits.get(ev.seq);
      if (!evHits?.length) continue;
      const own: EntitySet = new Map();
      const host = ev.host ? normalizeEntity(config, 'host', ev.host) : undefined;
      if (host) addEntity(own, 'host', host);
      for (const hit of evHits) {
        const sig = signatures.get(hit.id);
        for (const [capture, kind] of Object.entries(sig?.entities ?? {})) {
          const v = hit.captures[capture];
          if (v !== undefined) addEntity(own, kind, normalizeEntity(config, kind, v));
        }
      }
      const file = ev.from[0]?.file;
      if (file && config.paths.length) for (const { kind, value } of this.fromPath(file)) addEntity(own, kind, normalizeEntity(config, kind, value));
      if (config.fields.length) for (const { kind, value } of fieldEntities(config, ev.fields)) addEntity(own, kind, normalizeEntity(config, kind, value));
      for (const x of config.extract) {
        if (x.literals && !x.literals.some((l) => ev.message.includes(l))) continue;
        x.regex.lastIndex = 0;
        for (const m of ev.message.matchAll(x.regex)) {
          if (m.groups?.value) addEntity(own, x.kind, normalizeEntity(config, x.kind, m.groups.value));
        }
      }
      // binds first (what the line states), then derivations (what follows from it)
      const groups: Array<Array<[string, string]>> = [];
      const derivedGroups: Array<Array<[string, string]>> = [];
      for (const d of config.derive) {
        for (const v of [...(own.get(d.from) ?? [])]) {
          const m = d.regex.exec(v);
          const derived = m?.groups?.value ? normalizeEntity(config, d.kind, m.groups.value) : undefined;
          if (derived) {
            addEntity(own, d.kind, derived);
            if (d.bind) derivedGroups.push([[d.from, v], [d.kind, derived]]);
          }
        }
      }
      // binds: one value per kind, or the group is ambiguous and that kind is left out
      for (const hit of evHits) {
        for (const kinds of signatures.get(hit.id)?.binds ?? []) {
          const g: Array<[string, string]> = [];
          for (const k of kinds) {
            const vs = own.get(k);
            if (vs?.size === 1) g.push([k, [...vs][0]!]);
          }
          if (g.length >= 2) groups.push(g);
        }
      }
      if (host) for (const g of [...groups, ...derivedGroups]) this.aliases.bind(host, ev.seq, g, (k, a, b) => sameEntity(config, k, a, b));
      const key = JSON.stringify([...own].map(([kind, values]) => [kind, [...values]]));
      const same = distinct.get(key);
      if (same === undefined) distinct.set(key, own);
      this.raw.set(ev.seq, { own: same ?? own });
    }
  }

  /** Entities named by a file's path (a CRI container log's pod), once per file. */
  private fromPath(file: string): Array<{ kind: EntityKind; value: string }> {
    let hit = this.byPath.get(file);
    if (!hit) this.byPath.set(file, (hit = pathEntities(this.signatures.entities, file)));
    return hit;
  }

  /** Entities of one event: its own, plus every alias bound to them on its host. */
  of(seq: number, host: string | undefined): EntitySet {
    const hit = this.resolved.get(seq);
    if (hit) return hit;
    const own = this.raw.get(seq)?.own ?? new Map<string, Set<string>>();
    // Events naming the same values share one resolved set, unless an alias version boundary
    // lies between them (the key holds the version of every value).
    const shareKey = this.shareKey(host, own, seq);
    const shared = this.shared.get(shareKey);
    if (shared) {
      this.resolved.set(seq, shared);
      return shared;
    }
    const out: EntitySet = new Map();
    mergeEntities(out, own);
    const h = host ? normalizeEntity(this.signatures.entities, 'host', host) : undefined;
    if (h) {
      for (const [k, vs] of own) for (const v of vs) for (const [ak, av] of this.aliases.aliasesOf(h, seq, k, v)) addEntity(out, ak, av);
    }
    this.resolved.set(seq, out);
    this.shared.set(shareKey, out);
    return out;
  }

  private shareKey(host: string | undefined, own: EntitySet, seq: number): string {
    const h = host ? normalizeEntity(this.signatures.entities, 'host', host) : '';
    let key = h;
    for (const [k, vs] of own) for (const v of vs) key += `\u0000${k}=${v}@${h ? this.aliases.versionAt(h, seq, k, v) : 0}`;
    return key;
  }

  /** Entities the event names itself (no aliases): what grouping keys read. */
  own(seq: number): EntitySet {
    return this.raw.get(seq)?.own ?? new Map();
  }
}
