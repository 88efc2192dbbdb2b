import { ENTITY_KINDS, type EntityKind, type Finding } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import { formatDuration } from './display-time.js';
import { ENTITY_SINGULAR } from './findings-view.js';
import { naturalCompare } from './natural.js';
import type { ImpactEntityView, ImpactView, IncidentView } from './view-model.js';

interface Acc {
  kind: EntityKind;
  name: string;
  hosts: Set<string>;
  first?: string;
  last?: string;
  findings: string[];
}

function widen(acc: Acc, f: Finding): void {
  if (f.first && (!acc.first || f.first < acc.first)) acc.first = f.first;
  if (f.last && (!acc.last || f.last > acc.last)) acc.last = f.last;
  if (f.host) acc.hosts.add(f.host);
  if (!acc.findings.includes(f.ref)) acc.findings.push(f.ref);
}

function view(acc: Acc, clock: DisplayClock): ImpactEntityView {
  return {
    kind: acc.kind,
    label: ENTITY_SINGULAR[acc.kind],
    name: acc.name,
    hosts: [...acc.hosts].sort(),
    first: clock.iso(acc.first),
    last: clock.iso(acc.last),
    span: acc.first && acc.last ? formatDuration(Date.parse(acc.last) - Date.parse(acc.first)) : 'unknown',
    findings: [...acc.findings].sort(naturalCompare),
  };
}

/**
 * Impact as far as the evidence shows: every host and entity named by a problem finding, with
 * the first and last evidence naming it. It is not the outage time, which no log states.
 */
export function impactView(problems: readonly Finding[], incident: IncidentView, clock: DisplayClock): ImpactView {
  const hosts = new Map<string, Acc>();
  const entities = new Map<string, Acc>();
  for (const f of problems) {
    const hostNames = new Set([...(f.host ? [f.host] : []), ...(f.entities.host ?? []), ...(f.entities.node ?? [])]);
    for (const h of hostNames) {
      let acc = hosts.get(h);
      if (!acc) hosts.set(h, (acc = { kind: 'host', name: h, hosts: new Set(), findings: [] }));
      widen(acc, f);
    }
    for (const kind of ENTITY_KINDS) {
      if (kind === 'host' || kind === 'node') continue;
      for (const name of f.entities[kind] ?? []) {
        const key = `${kind}\u0000${name}`;
        let acc = entities.get(key);
        if (!acc) entities.set(key, (acc = { kind, name, hosts: new Set(), findings: [] }));
        widen(acc, f);
      }
    }
  }
  const order = (a: Acc, b: Acc): number => ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    start: incident.start,
    end: incident.end,
    duration: incident.duration,
    hosts: [...hosts.values()].sort(order).map((a) => view(a, clock)),
    entities: [...entities.values()].sort(order).map((a) => view(a, clock)),
  };
}
