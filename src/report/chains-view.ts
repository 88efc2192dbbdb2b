import type { Cause, Chain, EntityKind, Finding, LoadedSignature } from '../model/index.js';
import { formatDuration } from './display-time.js';
import { ENTITY_SINGULAR } from './findings-view.js';
import type { ChainView, FindingView, FlowView, LinkView, StepView } from './view-model.js';


/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

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
}

/** Refs of every finding that is a step or a symptom of a chain. */
export function chainRefs(chains: readonly Chain[]): Set<string> {
  return new Set(chains.flatMap((c) => [...c.symptoms, ...c.steps.map((s) => s.ref)]));
}

function stepView(chain: Chain, i: number, ctx: ChainContext): StepView {
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
  return { n: i + 1, ref: s.ref, question: s.question, answer: s.answer, finding: f ? ctx.view(f) : null, link };
}

/** `identity: device=sdb`, `time: 5s before`. */
function edgeLabel(link: LinkView): string {
  return link.strength === 'time' ? `time: ${link.via.replace(/^time:\s*/i, '')}` : `identity: ${link.via}`;
}

function flowOf(chain: Chain, steps: StepView[], contrastRefs: ReadonlyMap<string, string | null>, ctx: ChainContext): FlowView {
  const nodes: FlowView['nodes'] = [];
  const edges: FlowView['edges'] = [];
  const label = (ref: string): string => {
    const f = ctx.byRef.get(ref);
    if (!f) return ref;
    const when = f.first ? ctx.view(f).first?.zoned : undefined;
    return [`${ref} ${f.title}`, f.host, when].filter(Boolean).join(' · ');
  };
  steps.forEach((s, i) => {
    nodes.push({ id: s.ref, label: label(s.ref), shape: i === 0 ? 'stadium' : 'box', cls: null });
    const next = steps[i + 1];
    if (next) edges.push({ from: s.ref, to: next.ref, label: s.link ? edgeLabel(s.link) : null, dashed: s.link?.strength === 'time' });
  });
  const last = steps[steps.length - 1];
  if (chain.open) {
    const openId = `${chain.id}_open`;
    nodes.push({ id: openId, label: `open: ${chain.open.question}`, shape: 'box', cls: 'open' });
    if (last) edges.push({ from: last.ref, to: openId, label: 'not in the evidence', dashed: true });
  }
  for (const [ref, attach] of contrastRefs) {
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
    const steps = chain.steps.map((_s, i) => stepView(chain, i, ctx));
    const members = [...chain.symptoms, ...chain.steps.map((s) => s.ref)].map((r) => ctx.byRef.get(r)).filter((f): f is Finding => !!f);
    const contrasts = contrastsFor.get(chain.id) ?? new Map<string, string | null>();
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
      summary: [],
      flow: flowOf(chain, steps, contrasts, ctx),
    };
  });
}
