import type { Cause, Chain, EntityKind, Finding, LoadedSignature } from '../model/index.js';
import { formatDuration } from './display-time.js';
import { ENTITY_SINGULAR, evidenceEvents } from './findings-view.js';
import type { Linkage } from './linkage.js';
import { refOf, type PathShower } from './paths.js';
import { andList, entityKeys, objectClause, placeOf } from './prose.js';
import type { ChainView, FindingView, FlowView, LinkedView, LinkView, SideView, StepView } from './view-model.js';

export { andList } from './prose.js';

/** Parallel branches (`also`) listed one per line under a step; the rest are named by ref. */
export const ALSO_LISTED = 8;
/** Causes listed behind one linked cause; the rest are named by ref. */
export const BEHIND_LISTED = 5;

/**
 * How a causal link is supported, as a sentence: identity links name what both sides share
 * (`via: device=sdb, host=k8s02`), time links say that only the window ties them.
 */
export function linkSentence(cause: Pick<Cause, 'strength' | 'via'>): string {
  const via = cause.via.trim();
  if (cause.strength === 'time') return `linked by time alone: ${via.replace(/^time:\s*/i, '') || 'within the window'}; no device, PVC, pod or other object is named on both sides`;
  const pairs = via
    .split(/,\s*/)
    .map((p) => /^([A-Za-z_.-]+)\s*[=:]\s*(.+)$/.exec(p.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${ENTITY_SINGULAR[m[1] as EntityKind] ?? m[1]} ${m[2]}`);
  if (pairs.length === 0) return `linked by identity: ${via}`;
  return `the same ${andList(pairs)} ${pairs.length > 1 ? 'are' : 'is'} named on both sides`;
}

/** How long before `effect` the `cause` finding started (`4s before`), or null without times. */
export function leadOf(effect: Finding | undefined, cause: Finding | undefined): string | null {
  if (!effect?.first || !cause?.first) return null;
  const d = Date.parse(effect.first) - Date.parse(cause.first);
  if (Number.isNaN(d)) return null;
  if (d >= 0 && d < 1000) return 'in the same second';
  return d >= 0 ? `${formatDuration(d)} before` : `${formatDuration(-d)} after (within the allowed clock skew)`;
}

export const LEVEL_RANK: Record<string, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function highestLevel(findings: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const f of findings) if (!best || (LEVEL_RANK[f.level] ?? 0) > (LEVEL_RANK[best.level] ?? 0)) best = f;
  return best;
}

export interface ChainContext {
  byRef: ReadonlyMap<string, Finding>;
  sigs: ReadonlyMap<string, LoadedSignature>;
  view(f: Finding): FindingView;
  show: PathShower;
  links: Linkage;
}

/** Refs of every finding that is a step or a symptom of a chain. */
export function chainRefs(chains: readonly Chain[]): Set<string> {
  return new Set(chains.flatMap((c) => [...c.symptoms, ...c.steps.map((s) => s.ref)]));
}

/** `file:line` of the first evidence line. */
function evidenceRefs(f: Finding, show: PathShower): string[] {
  const first = evidenceEvents(f)[0]?.[0];
  return first ? [refOf(first, show)] : [];
}

function sideView(f: Finding, beside: Finding | undefined, ctx: ChainContext): SideView {
  const own = objectClause(f, null, 3, beside ? entityKeys(beside) : new Set());
  return {
    ref: f.ref,
    id: f.id,
    title: f.title,
    host: f.host ?? null,
    place: placeOf(f),
    first: ctx.view(f).first,
    objects: own || objectClause(f, null, 3),
    count: f.count,
    refs: evidenceRefs(f, ctx.show),
  };
}

interface StepState {
  /** Refs on this chain's path or listed as its parallel branches: never listed as linked. */
  onChain: ReadonlySet<string>;
  /** Linked causes already listed in this chain, by the step number they were listed under. */
  listed: Map<string, number>;
}

/** The problem causes of `f` a reader has not seen on the chain, identity links first. */
function offPathCauses(f: Finding, state: StepState, ctx: ChainContext): Cause[] {
  return f.causes
    .filter((c) => !state.onChain.has(c.ref) && !ctx.links.covered.has(c.ref) && ctx.byRef.get(c.ref)?.role === 'problem')
    .sort((a, b) => (a.strength === b.strength ? (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0) : a.strength === 'identity' ? -1 : 1));
}

function linkedView(effect: Finding, cause: Cause, stepN: number, state: StepState, ctx: ChainContext, deep: boolean): LinkedView {
  const f = ctx.byRef.get(cause.ref)!;
  const seen = state.listed.get(f.ref) ?? null;
  const v: LinkedView = {
    ...sideView(f, effect, ctx),
    effect: effect.ref,
    strength: cause.strength,
    via: cause.via,
    text: linkSentence(cause),
    lead: leadOf(effect, f),
    seeStep: seen,
    behind: [],
    behindMore: [],
  };
  if (seen !== null) return v;
  state.listed.set(f.ref, stepN);
  if (!deep) return v;
  // Its own causes off the path, depth first, each listed once in the chain.
  const todo: Array<{ effect: Finding; cause: Cause }> = offPathCauses(f, state, ctx).map((c) => ({ effect: f, cause: c })).reverse();
  while (todo.length) {
    const next = todo.pop()!;
    if (state.listed.has(next.cause.ref)) continue;
    if (v.behind.length >= BEHIND_LISTED) {
      if (!v.behindMore.includes(next.cause.ref)) v.behindMore.push(next.cause.ref);
      continue;
    }
    const sub = linkedView(next.effect, next.cause, stepN, state, ctx, false);
    v.behind.push(sub);
    const g = ctx.byRef.get(next.cause.ref)!;
    todo.push(...offPathCauses(g, state, ctx).map((c) => ({ effect: g, cause: c })).reverse());
  }
  return v;
}

function stepView(chain: Chain, i: number, state: StepState, ctx: ChainContext): StepView {
  const s = chain.steps[i]!;
  const f = ctx.byRef.get(s.ref);
  let link: LinkView | null = null;
  if (s.link) {
    link = {
      to: s.link.ref,
      strength: s.link.strength,
      via: s.link.via,
      text: linkSentence(s.link),
      lead: leadOf(f, ctx.byRef.get(s.link.ref)),
    };
  }
  const also = (s.also ?? []).map((r) => ctx.byRef.get(r)).filter((x): x is Finding => !!x);
  const linked = f ? offPathCauses(f, state, ctx).map((c) => linkedView(f, c, i + 1, state, ctx, true)) : [];
  return {
    n: i + 1,
    ref: s.ref,
    question: s.question,
    answer: s.answer,
    finding: f ? ctx.view(f) : null,
    link,
    also: also.slice(0, ALSO_LISTED).map((a) => sideView(a, f, ctx)),
    alsoMore: also.slice(ALSO_LISTED).map((a) => a.ref),
    linked,
  };
}

/** `identity: device=sdb`, `time: 5s before`. */
function edgeLabel(link: Pick<LinkView, 'strength' | 'via'>): string {
  return link.strength === 'time' ? `time: ${link.via.replace(/^time:\s*/i, '')}` : `identity: ${link.via}`;
}

function flowOf(chain: Chain, steps: StepView[], contrastRefs: ReadonlyMap<string, string | null>, ctx: ChainContext): FlowView {
  const nodes: FlowView['nodes'] = [];
  const edges: FlowView['edges'] = [];
  const ids = new Set<string>();
  const label = (ref: string): string => {
    const f = ctx.byRef.get(ref);
    if (!f) return ref;
    const when = f.first ? ctx.view(f).first?.zoned : undefined;
    return [`${ref} ${f.title}`, f.host, when].filter(Boolean).join(' · ');
  };
  steps.forEach((s, i) => {
    nodes.push({ id: s.ref, label: label(s.ref), shape: i === 0 ? 'stadium' : 'box', cls: null });
    ids.add(s.ref);
    const next = steps[i + 1];
    if (next) edges.push({ from: s.ref, to: next.ref, label: s.link ? edgeLabel(s.link) : null, dashed: s.link?.strength === 'time' });
  });
  for (const s of steps) {
    if (s.also.length) {
      const all = [...s.also.map((a) => a.ref), ...s.alsoMore];
      const id = `${s.ref}_also`;
      const what = s.also.length === 1 && s.alsoMore.length === 0 ? `also ${s.also[0]!.ref}${s.also[0]!.objects ? ` · ${s.also[0]!.objects}` : ''}` : `also ${all.length} more like it: ${all.slice(0, 4).join(', ')}${all.length > 4 ? ', …' : ''}`;
      nodes.push({ id, label: what, shape: 'box', cls: 'also' });
      edges.push({ from: s.ref, to: id, label: null, dashed: true });
    }
    for (const l of s.linked) {
      if (!ids.has(l.ref)) {
        nodes.push({ id: l.ref, label: `linked: ${label(l.ref)}`, shape: 'box', cls: 'side' });
        ids.add(l.ref);
      }
      edges.push({ from: s.ref, to: l.ref, label: edgeLabel(l), dashed: true });
    }
  }
  const last = steps[steps.length - 1];
  if (chain.open) {
    const openId = `${chain.id}_open`;
    nodes.push({ id: openId, label: `open: ${chain.open.question}`, shape: 'box', cls: 'open' });
    if (last) edges.push({ from: last.ref, to: openId, label: 'not in the evidence', dashed: true });
  }
  for (const [ref, attach] of contrastRefs) {
    if (ids.has(ref)) continue;
    nodes.push({ id: ref, label: `contrast: ${label(ref)}`, shape: 'box', cls: 'contrast' });
    if (attach) edges.push({ from: ref, to: attach, label: 'looked related, was not', dashed: true });
  }
  return { nodes, edges };
}

/**
 * The chains as the PIR shows them. `contrastsFor` gives, per chain id, the contrast refs
 * shown with it and the step each one resembles (null: shown unattached).
 */
export function chainViews(chains: readonly Chain[], contrastsFor: ReadonlyMap<string, Map<string, string | null>>, ctx: ChainContext): ChainView[] {
  return chains.map((chain, idx) => {
    const onChain = new Set([...chain.symptoms, ...chain.steps.flatMap((s) => [s.ref, ...(s.also ?? [])])]);
    const state: StepState = { onChain, listed: new Map() };
    const steps = chain.steps.map((_s, i) => stepView(chain, i, state, ctx));
    const members = [...chain.symptoms, ...chain.steps.map((s) => s.ref)].map((r) => ctx.byRef.get(r)).filter((f): f is Finding => !!f);
    const contrasts = contrastsFor.get(chain.id) ?? new Map<string, string | null>();
    const patterns = (ctx.links.patterns.get(chain.id) ?? []).map((r) => ctx.byRef.get(r)).filter((f): f is Finding => !!f);
    return {
      id: chain.id,
      n: idx + 1,
      title: chain.title,
      hosts: [...chain.hosts].sort(),
      level: highestLevel(members)?.level ?? 'info',
      symptoms: [...chain.symptoms],
      steps,
      open: chain.open ? { question: chain.open.question, hint: chain.open.hint } : null,
      contrasts: [...contrasts.keys()],
      patterns: patterns.map((f) => ctx.view(f)),
      summary: [],
      flow: flowOf(chain, steps, contrasts, ctx),
    };
  });
}
