/**
 * Infinite-how's chains: from each user-visible symptom down to the deepest cause found.
 *
 * - Symptoms: problem findings that are no problem finding's cause, are not explained (members
 *   of a burst or of a contrast), and are not sequences (a sequence summarises steps that are
 *   chained already).
 * - At each step the strongest, then nearest, problem cause is followed.
 * - Each step is a cause of the step before it. A symptom's path that runs beside a chain's
 *   (its findings before the first one they share have the signatures of the chain's steps just
 *   before it: sdc's remount beside sdb's) joins that chain, its findings in the steps' `also`;
 *   any other path is a chain of its own, however much of its depth it shares. A cause the
 *   evidence cannot tell apart from the one followed (same signature and agreement, the same
 *   second) joins the same way, with its own causes: both sessions that timed out beside both
 *   devices that went offline.
 * - When the deepest step declares causes but none is in the evidence, the chain ends `open`
 *   with a question about the missing cause (open-question.ts) and this step's `unresolved`;
 *   a cause is never invented.
 * - Contrast and context findings are never steps.
 * - Chains come most important first: highest step level, then length, then the symptom's
 *   level and number, then the earliest symptom.
 */
import type { Chain, ChainStep } from '../model/finding.js';
import { LEVELS, type LoadedSignature } from '../model/signature.js';
import { type Draft, compareDrafts, draftRole } from './draft.js';
import { openQuestion } from './open-question.js';
import { renderContext, renderWith } from './render.js';

function isStep(d: Draft): boolean {
  return draftRole(d) === 'problem';
}

interface Plan {
  steps: Array<{ draft: Draft; also: Draft[] }>;
  /** Paths merged into this chain, the leading one first. */
  paths: Draft[][];
}

/** Evidence with whole-second stamps cannot order two causes less than this far apart. */
const SAME_MOMENT = 1e6;

/**
 * Causes of `effect` that the evidence cannot tell apart from the one its path follows: the
 * same signature, strength and agreeing kinds, less than a second apart (sdb's I/O errors and
 * the two sessions of the host that timed out in the same second).
 */
function tiedWith(effect: Draft, chosen: Draft): Draft[] {
  const c = effect.causes.find((x) => x.draft === chosen);
  if (!c) return [];
  return effect.causes
    .filter((x) => x.draft !== chosen && isStep(x.draft) && x.draft.sig.id === chosen.sig.id && x.strength === c.strength && x.score === c.score && Math.abs(x.distance - c.distance) < SAME_MOMENT)
    .map((x) => x.draft);
}

/**
 * Joins, as parallel branches, the paths from causes tied with a step (tiedWith): the step the
 * path did not take is listed in `also` with its own causes, where they line up with the chain.
 */
function attachTies(plan: Plan): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i + 1 < plan.steps.length; i++) {
      for (const effect of [plan.steps[i]!.draft, ...plan.steps[i]!.also]) {
        const chosen = effect.causes.find((c) => isStep(c.draft))?.draft;
        if (!chosen) continue;
        for (const alt of tiedWith(effect, chosen)) {
          if (plan.steps.some((s) => s.draft === alt || s.also.includes(alt))) continue;
          if (attach(plan, pathFrom(alt), false)) changed = true;
        }
      }
    }
  }
}

/** Leading paths first: the longer, then the higher level of the symptom, then the earlier. */
function comparePaths(a: Draft[], b: Draft[]): number {
  if (a.length !== b.length) return b.length - a.length;
  const la = LEVELS.indexOf(a[0]!.sig.level);
  const lb = LEVELS.indexOf(b[0]!.sig.level);
  if (la !== lb) return lb - la;
  return compareDrafts(a[0]!, b[0]!);
}

/**
 * Merges a path into a chain when it is a parallel branch of it: from the first finding the
 * two share (the junction), the path's findings before it have, one for one and in order, the
 * signatures of the steps just before the junction (sdc's remount, journal abort and I/O errors
 * beside sdb's). They become those steps' `also`. Any other path is a chain of its own, so that
 * every step is a cause of the step before it.
 */
function attach(plan: Plan, path: Draft[], symptom = true): boolean {
  const at = (d: Draft): number => plan.steps.findIndex((s) => s.draft === d || s.also.includes(d));
  const j = path.findIndex((d) => at(d) >= 0);
  if (j < 0) return false;
  const junction = at(path[j]!);
  if (j > junction) return false;
  for (let i = 0; i < j; i++) if (plan.steps[junction - j + i]!.draft.sig.id !== path[i]!.sig.id) return false;
  for (let i = 0; i < j; i++) plan.steps[junction - j + i]!.also.push(path[i]!);
  if (symptom) plan.paths.push(path);
  return true;
}

function pathFrom(top: Draft): Draft[] {
  const path = [top];
  const seen = new Set([top]);
  for (;;) {
    const next = path[path.length - 1]!.causes.find((c) => isStep(c.draft) && !seen.has(c.draft));
    if (!next) return path;
    path.push(next.draft);
    seen.add(next.draft);
  }
}

/**
 * Most important first: the highest level of any step, then the longer chain (more of the
 * incident explained), then the symptom's own level, then more symptoms (34 Pending pods before
 * one Deployment), then the earlier symptom, then ref order.
 */
function importance(chains: readonly Chain[], drafts: readonly Draft[]): (a: Chain, b: Chain) => number {
  const byRef = new Map(drafts.map((d) => [d.ref!, d]));
  const rank = new Map<Chain, { level: number; top: number; first: number }>();
  for (const c of chains) {
    const ds = c.steps.flatMap((s) => [s.ref, ...(s.also ?? [])]).map((r) => byRef.get(r)!);
    const symptoms = c.symptoms.map((r) => byRef.get(r)!);
    rank.set(c, {
      level: Math.max(...ds.map((d) => LEVELS.indexOf(d.sig.level))),
      top: LEVELS.indexOf(byRef.get(c.steps[0]!.ref)!.sig.level),
      first: Math.min(...symptoms.map((d) => d.first ?? Number.MAX_SAFE_INTEGER)),
    });
  }
  return (a, b) => {
    const ra = rank.get(a)!;
    const rb = rank.get(b)!;
    if (ra.level !== rb.level) return rb.level - ra.level;
    if (a.steps.length !== b.steps.length) return b.steps.length - a.steps.length;
    if (ra.top !== rb.top) return rb.top - ra.top;
    if (a.symptoms.length !== b.symptoms.length) return b.symptoms.length - a.symptoms.length;
    if (ra.first !== rb.first) return ra.first - rb.first;
    return a.symptoms[0]! < b.symptoms[0]! ? -1 : a.symptoms[0]! > b.symptoms[0]! ? 1 : 0;
  };
}

function chainOf(root: Draft, { steps, paths }: Plan, byId: ReadonlyMap<string, LoadedSignature>, tz: string): Chain {
  const primary = paths[0]!;
  const chainSteps: ChainStep[] = steps.map((s, i) => {
    const ctx = renderContext(s.draft, byId, tz);
    const next = steps[i + 1]?.draft;
    const link = next ? s.draft.causes.find((c) => c.draft === next) : undefined;
    return {
      ref: s.draft.ref!,
      question: renderWith(s.draft.sig.how, ctx),
      answer: renderWith(s.draft.sig.answer, ctx),
      ...(link ? { link: { ref: link.draft.ref!, strength: link.strength, via: link.via } } : {}),
      ...(s.also.length ? { also: s.also.map((a) => a.ref!).sort() } : {}),
    };
  });
  const chain: Chain = {
    id: '',
    title: primary[0]!.sig.title,
    symptoms: paths.map((p) => p[0]!.ref!).sort(),
    steps: chainSteps,
    hosts: [...new Set(steps.flatMap((s) => [s.draft, ...s.also]).map((d) => d.host).filter((h): h is string => !!h))].sort(),
  };
  if (root.causes.filter((c) => isStep(c.draft)).length === 0) {
    const open = openQuestion(root, byId, tz);
    if (open) chain.open = open;
  }
  return chain;
}

export function buildChains(drafts: readonly Draft[], byId: ReadonlyMap<string, LoadedSignature>, tz: string): Chain[] {
  const causesSomething = new Set<Draft>();
  const inBurst = new Set<Draft>();
  for (const d of drafts) {
    if (isStep(d)) for (const c of d.causes) causesSomething.add(c.draft);
    if (d.sig.match.kind === 'burst') for (const m of d.members) inBurst.add(m);
  }
  const tops = drafts.filter((d) => isStep(d) && !causesSomething.has(d) && !inBurst.has(d) && !d.explainedBy && d.sig.match.kind !== 'sequence');
  const byRoot = new Map<Draft, Plan[]>();
  for (const path of tops.map(pathFrom).sort(comparePaths)) {
    const root = path[path.length - 1]!;
    const plans = byRoot.get(root) ?? [];
    if (!plans.some((plan) => attach(plan, path))) plans.push({ steps: path.map((draft) => ({ draft, also: [] })), paths: [path] });
    byRoot.set(root, plans);
  }
  for (const plans of byRoot.values()) for (const plan of plans) attachTies(plan);
  const chains = [...byRoot].flatMap(([root, plans]) => plans.map((plan) => chainOf(root, plan, byId, tz)));
  const order = importance(chains, drafts);
  chains.sort(order);
  chains.forEach((c, i) => (c.id = `C${i + 1}`));
  return chains;
}
