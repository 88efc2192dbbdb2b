import { ENTITY_KINDS, type EntityKind, type Evidence, type Finding } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import { formatDuration } from './display-time.js';
import { diffPositions, maxVarying, tokens } from './message-shape.js';
import { refOf, type PathShower } from './paths.js';
import { shortId } from './short-ids.js';
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

/** The label of `n` values of one kind: `device sdb`, `devices sdb, sdc`. */
export function entityLabel(kind: EntityKind, n: number): string {
  return n === 1 ? ENTITY_SINGULAR[kind] : ENTITY_LABELS[kind];
}

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

/** Values listed per entity kind under a finding; the rest are counted (`more`). */
export const ENTITIES_LISTED = 4;

/**
 * The entities a finding names, by kind, for a reader: long ids in their short form (the quoted
 * lines right below carry them in full), at most ENTITIES_LISTED per kind, namespaces left out
 * when pods (which carry theirs) are named.
 */
export function entityLists(entities: Finding['entities'], skipHost = true): EntityListView[] {
  const out: EntityListView[] = [];
  for (const kind of ENTITY_KINDS) {
    if (skipHost && kind === 'host') continue;
    if (kind === 'namespace' && (entities.pod?.length ?? 0) > 0) continue;
    const values = [...new Set((entities[kind] ?? []).map(shortId))].sort();
    if (values.length) out.push({ kind, label: entityLabel(kind, values.length), values: values.slice(0, ENTITIES_LISTED), more: Math.max(0, values.length - ENTITIES_LISTED) });
  }
  return out;
}

/**
 * Which evidence events to quote: all when they fit; otherwise one per message shape (the
 * distinct kinds of line first), then the last event (where the run ended), then the rest in
 * order. Returns indexes into `groups`, in evidence order.
 */
export function quotedEvents(groups: readonly Evidence[][], max: number): number[] {
  if (groups.length <= max) return groups.map((_g, i) => i);
  const picked = new Set<number>();
  const shapes: string[][] = [];
  groups.forEach((g, i) => {
    if (picked.size >= max - 1) return;
    const toks = tokens(g[0]!.text.split(/\r\n|\r|\n/)[0] ?? '');
    const same = shapes.some((t) => {
      const d = diffPositions(t, toks);
      return d !== null && d.length <= maxVarying(toks.length);
    });
    if (same) return;
    shapes.push(toks);
    picked.add(i);
  });
  picked.add(groups.length - 1);
  for (let i = 0; picked.size < max && i < groups.length; i++) picked.add(i);
  return [...picked].sort((a, b) => a - b);
}

/** `file:1467-1469, other:12`: refs grouped by file, consecutive lines merged into ranges. */
export function compactRefs(refs: ReadonlyArray<{ file: string; line: number }>, show: PathShower): string[] {
  const byFile = new Map<string, number[]>();
  for (const r of refs) {
    const list = byFile.get(r.file) ?? [];
    if (!list.includes(r.line)) list.push(r.line);
    byFile.set(r.file, list);
  }
  const out: string[] = [];
  for (const [file, lines] of byFile) {
    lines.sort((a, b) => a - b);
    const ranges: string[] = [];
    for (let i = 0; i < lines.length; ) {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
      ranges.push(j > i ? `${lines[i]}-${lines[j]}` : `${lines[i]}`);
      i = j + 1;
    }
    out.push(`${show(file)}:${ranges.join(',')}`);
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
  const quoted = quotedEvents(groups, QUOTED_PER_FINDING).map((i) => groups[i]!);
  const evidence: EvidenceView[] = quoted.map((g) => {
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
    quote: quoted.flatMap((g) => quoteLines(g[0]!, ctx.show)),
    alsoRead: compactRefs(quoted.flatMap((g) => g.slice(1)), ctx.show),
    assumptions: [...f.assumptions],
  };
}
