import { ENTITY_KINDS, type EntityKind, type Evidence, type Finding } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import { formatDuration } from './display-time.js';
import { refOf, type PathShower } from './paths.js';
import type { EntityListView, EvidenceView, FindingView } from './view-model.js';

/** Distinct evidence events quoted per finding in the PIR (all are in findings.json). */
export const QUOTED_PER_FINDING = 6;

export const ENTITY_LABELS: Record<EntityKind, string> = {
  host: 'hosts',
  node: 'nodes',
  device: 'devices',
  connection: 'iSCSI connections',
  session: 'iSCSI sessions',
  iqn: 'IQNs',
  portal: 'portals',
  pvc: 'PVCs',
  pod: 'pods',
  namespace: 'namespaces',
  container: 'containers',
  ip: 'IPs',
  service: 'services',
  workload: 'workloads',
  key: 'keys',
};

/** One of a kind, for sentences and table rows: `the same device sdb`. */
export const ENTITY_SINGULAR: Record<EntityKind, string> = {
  host: 'host',
  node: 'node',
  device: 'device',
  connection: 'iSCSI connection',
  session: 'iSCSI session',
  iqn: 'IQN',
  portal: 'portal',
  pvc: 'PVC',
  pod: 'pod',
  namespace: 'namespace',
  container: 'container',
  ip: 'IP',
  service: 'service',
  workload: 'workload',
  key: 'key',
};

export interface FindingContext {
  clock: DisplayClock;
  show: PathShower;
}

/** Evidence grouped by event: the same line read from two files is one event. */
export function evidenceEvents(f: Finding): Evidence[][] {
  const bySeq = new Map<number, Evidence[]>();
  for (const ev of f.evidence) {
    const list = bySeq.get(ev.seq);
    if (list) list.push(ev);
    else bySeq.set(ev.seq, [ev]);
  }
  return [...bySeq.values()];
}

export function entityLists(entities: Finding['entities'], skipHost = true): EntityListView[] {
  const out: EntityListView[] = [];
  for (const kind of ENTITY_KINDS) {
    if (skipHost && kind === 'host') continue;
    const values = [...new Set(entities[kind] ?? [])].sort();
    if (values.length) out.push({ kind, label: ENTITY_LABELS[kind], values });
  }
  return out;
}

/** `file:line:text` for the first line of a record, `file-line-text` for the following ones (grep -n style). */
export function quoteLines(ev: Evidence, show: PathShower): string[] {
  const file = show(ev.file);
  return ev.text.split(/\r\n|\r|\n/).map((line, i) => (i === 0 ? `${file}:${ev.line}:${line}` : `${file}-${ev.line + i}-${line}`));
}

export function findingView(f: Finding, ctx: FindingContext): FindingView {
  const groups = evidenceEvents(f);
  const evidence: EvidenceView[] = groups.slice(0, QUOTED_PER_FINDING).map((g) => {
    const first = g[0]!;
    return {
      ref: refOf(first, ctx.show),
      time: ctx.clock.iso(first.time),
      text: first.text,
      alsoAt: g.slice(1).map((e) => refOf(e, ctx.show)),
    };
  });
  const first = ctx.clock.iso(f.first, f.assumptions.length > 0);
  const last = ctx.clock.iso(f.last, f.assumptions.length > 0);
  const span = f.first && f.last ? formatDuration(Date.parse(f.last) - Date.parse(f.first)) : 'unknown';
  return {
    ref: f.ref,
    id: f.id,
    title: f.title,
    level: f.level,
    role: f.role,
    host: f.host ?? null,
    first,
    last,
    span,
    count: f.count,
    entities: entityLists(f.entities),
    evidence,
    moreEvidence: Math.max(0, groups.length - evidence.length),
    quote: groups.slice(0, QUOTED_PER_FINDING).flatMap((g) => quoteLines(g[0]!, ctx.show)),
    assumptions: [...f.assumptions],
  };
}
