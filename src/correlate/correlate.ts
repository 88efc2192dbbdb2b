/**
 * The correlation stage: event hits -> findings (group), composite findings (burst, sequence,
 * absence, state) in dependency order, causal links, refs in time order, then chains.
 * Deterministic: the same input gives the same output, byte for byte.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Event } from '../model/event.js';
import type { Chain, Finding, RoutineTally } from '../model/finding.js';
import type { SignatureHit } from '../model/scan.js';
import type { LoadedSignature } from '../model/signature.js';
import type { ClusterState } from '../model/state.js';
import type { Stamp } from '../model/time.js';
import { type CompiledSignatures, memberIds } from '../signatures/index.js';
import { type Coverage, evidenceLookup, findAbsences } from './absence.js';
import { burstUnits, findBursts } from './burst.js';
import { BucketHeaders, bucketIndex } from './bucket-evidence.js';
import { buildChains } from './chain.js';
import { type Draft, compareDrafts } from './draft.js';
import { explainByContrasts } from './explain.js';
import { EntityIndex } from './entities.js';
import { foldableDraft, toFinding } from './finalize.js';
import { type EventHit, groupEventHits, hitsById } from './group.js';
import { linkCauses } from './link.js';
import { ruleOutLookalikes } from './lookalikes.js';
import { foldItems } from './routine.js';
import { findSequences } from './sequence.js';
import { findStates } from './state.js';
import { lineEventIndex } from './state-evidence.js';

export interface CorrelateInput {
  /** Every event the stages before kept (hits and their context), sorted, `seq` assigned. */
  events: Event[];
  /** Event signature hits by event seq. */
  hits: Map<number, SignatureHit[]>;
  state: ClusterState;
  signatures: CompiledSignatures;
  /** `--param` overrides keyed `<id>.<name>` (default: those the signatures were compiled with). */
  params?: Readonly<Record<string, string>>;
  /** IANA zone times are shown in, in rendered how/answer text. */
  displayTz: string;
  /**
   * Time extent of the evidence per host (from every input, not only kept events), for deciding
   * absences. Default: the extent of `events`.
   */
  coverage?: Array<{ host?: string; first: number; last: number }>;
  /** Resolves a stamp that is not absolute (goroutine dump time); default: absolute stamps only. */
  resolveStamp?: (stamp: Stamp, host?: string) => number | null;
  /**
   * `--routine-window` in micros: routine context is folded (routine.ts) before findings are
   * made, so folded drafts never become findings. Absent: every draft becomes a finding.
   */
  routineWindow?: number;
}

export interface CorrelateResult {
  findings: Finding[];
  chains: Chain[];
  diagnostics: Diagnostic[];
  /** Tallies of the folded context, and the events only they cite (empty when not folded). */
  routine: RoutineTally[];
  foldedEvents: Set<number>;
}

/** Signatures in an order where every composite comes after what it is built from. */
function dependencyOrder(signatures: readonly LoadedSignature[]): LoadedSignature[] {
  const byId = new Map(signatures.map((s) => [s.id, s]));
  const out: LoadedSignature[] = [];
  const done = new Set<string>();
  const visit = (s: LoadedSignature, depth: number): void => {
    if (done.has(s.id) || depth > signatures.length) return;
    for (const m of memberIds(s)) {
      const dep = byId.get(m);
      if (dep) visit(dep, depth + 1);
    }
    if (!done.has(s.id)) {
      done.add(s.id);
      out.push(s);
    }
  };
  for (const s of [...signatures].sort((a, b) => (a.id < b.id ? -1 : 1))) visit(s, 0);
  return out;
}

function coverageOf(input: CorrelateInput): Coverage {
  const lastByHost = new Map<string, number>();
  let last: number | null = null;
  const note = (host: string | undefined, t: number): void => {
    const h = host ?? '';
    lastByHost.set(h, Math.max(lastByHost.get(h) ?? t, t));
    last = Math.max(last ?? t, t);
  };
  for (const c of input.coverage ?? []) note(c.host, c.last);
  if (!input.coverage) for (const e of input.events) if (e.time.utcMicros !== null) note(e.host, e.time.utcMicros);
  return { lastByHost, last };
}

export function correlate(input: CorrelateInput): CorrelateResult {
  const diagnostics: Diagnostic[] = [];
  const sigs = input.signatures;
  const overrides = input.params ?? sigs.overrides;
  const config = sigs.entities;
  const byId = new Map(sigs.signatures.map((s) => [s.id, s]));
  const entities = new EntityIndex(sigs, input.events, input.hits);
  const hits = hitsById(input.events, input.hits);
  const hitsOf = (id: string): readonly EventHit[] => hits.get(id) ?? [];
  const drafts = new Map<string, Draft[]>();
  const draftsOf = (id: string): readonly Draft[] => drafts.get(id) ?? [];
  const coverage = coverageOf(input);
  const resolve = input.resolveStamp ?? ((s: Stamp) => (s.kind === 'absolute' ? s.utcMicros : null));
  const lineEvents = lineEventIndex(input.events);
  const untimed = input.events.filter((e) => e.time.utcMicros === null && input.hits.get(e.seq)?.length).length;
  if (untimed > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'correlate/untimed-events',
      reason: `${untimed} matched event(s) have no resolved time: they are reported but take part in no time window`,
      help: 'give --boot-time or --year so that their stamps can be placed',
      count: untimed,
    });
  }
  for (const sig of dependencyOrder(sigs.signatures)) {
    const m = sig.match;
    let found: Draft[] = [];
    if (m.kind === 'event') found = groupEventHits(sig, hitsOf(sig.id), entities, overrides);
    else if (m.kind === 'burst') found = findBursts(sig, burstUnits(draftsOf(m.of), hitsOf(m.of), entities), entities, overrides);
    else if (m.kind === 'sequence') found = findSequences(sig, draftsOf, config, overrides);
    else if (m.kind === 'absence') found = findAbsences(sig, draftsOf, hitsOf, coverage, config, overrides, diagnostics);
    else found = findStates(sig, input.state, config, overrides, resolve, diagnostics, lineEvents);
    drafts.set(sig.id, found);
  }
  const all = [...drafts.values()].flat().sort(compareDrafts);
  const buckets = bucketIndex(input.state);
  if (buckets.size) {
    const cite = new BucketHeaders(buckets, input.events.length);
    for (const d of all) {
      const headers = cite.of(d.events);
      if (headers.length === 0) continue;
      d.extraEvidence = [...(d.extraEvidence ?? []), ...headers];
      // every goroutine of a stalled bucket is one event of a finding made of bucket records
      if (d.sig.match.kind === 'event' || d.sig.match.kind === 'state') d.count += headers.length;
    }
  }
  const width = Math.max(3, String(all.length).length);
  all.forEach((d, i) => (d.ref = `F${String(i + 1).padStart(width, '0')}`));
  explainByContrasts(all);
  const link = (): void => {
    for (const d of all) linkCauses(d, draftsOf, config, overrides, d.first === null ? undefined : evidenceLookup(hitsOf, d.first, d.host));
  };
  link();
  let chains = buildChains(all, byId, input.displayTz);
  // Look-alikes the chains' steps name in `contrasts` become contrasts; links and chains are
  // redrawn without them (a look-alike ruled out is no cause), a few rounds at most.
  for (let round = 0; round < 3 && ruleOutLookalikes(all, chains, config, input.displayTz) > 0; round++) {
    link();
    chains = buildChains(all, byId, input.displayTz);
  }
  if (input.routineWindow === undefined) return { findings: all.map((d) => toFinding(d)), chains, diagnostics, routine: [], foldedEvents: new Set() };
  // Folded before findings are made. Why (1 GB bench corpus, ~15,000 readiness findings
  // folded): making a Finding of each first held 9-12 MiB more at the peak (RSS 290-294 ->
  // 281-285 MiB; correlation 1.0-1.09 -> 0.85-1.08 s, within noise).
  const fold = foldItems(all.map(foldableDraft), chains, input.routineWindow);
  return { findings: fold.kept.map((d) => toFinding(d)), chains, diagnostics, routine: fold.routine, foldedEvents: fold.foldedEvents };
}
