/**
 * Infinite-how's chains: from each user-visible symptom down to the deepest cause found.
 *
 * - Symptoms: problem findings that are no problem finding's cause, are not explained (members
 *   of a burst or of a contrast), and are not sequences (a sequence summarises steps that are
 *   chained already).
 * - At each step the strongest, then nearest, problem cause is followed; among causes the
 *   evidence cannot tell apart, the first in time (chain-merge.ts).
 * - Each step is a cause of the step before it. Paths join chains already made where they line
 *   up (chain-merge.ts: at a shared finding, beside the chain's last steps when the same failure
 *   happened at the same time elsewhere, or as a co-symptom); any other symptom is a chain of
 *   its own, however much of its depth it shares. A cause the evidence cannot tell apart from
 *   the one followed (same signature and agreement, the same second) joins the same way, with
 *   its own causes: both sessions that timed out beside both devices that went offline.
 * - A cause no chain follows starts no chain: it joins one where its path lines up, else it is
 *   only a linked-but-not-followed cause of the step it was linked to.
 * - When the deepest step declares causes but none is in the evidence, the chain ends `open`
 *   with a question about the missing cause (open-question.ts) and this step's `unresolved`;
 *   a cause is never invented.
 * - Contrast and context findings are never steps.
 * - Chains come most important first: highest step level, then length, then the symptom's
 *   level and number, then the earliest symptom.
 */
import type { Chain, ChainStep } from '../model/finding.js';
import { LEVELS, type LoadedSignature } from '../model/signature.js';
import { type Plan, attachAtJunction, attachCoSymptom, attachParallel, attachTies, isStep, pathFrom, planMembers, tiedWith } from './chain-merge.js';
import { type Draft, compareDrafts } from './draft.js';
import { spanText } from './link.js';
import { openQuestion } from './open-question.js';
import { renderContext, renderWith } from './render.js';

/** Leading paths first: the longer, then the higher level of the symptom, then the earlier. */
function comparePaths(a: Draft[], b: Draft[]): number {
  if (a.length !== b.length) return b.length - a.length;
  const la = LEVELS.indexOf(a[0]!.sig.level);
  const lb = LEVELS.indexOf(b[0]!.sig.level);
  if (la !== lb) return lb - la;
  return compareDrafts(a[0]!, b[0]!);
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

/**
 * The link from a step to the next as the chain shows it. A link that names only the host, to
 * one of several alike causes on that host (the same signature, agreeing on nothing more), is
 * a time link: nothing in the evidence says which of them this step went through (the sessions
 * of a host when the I/O errors name only the device). Those in the same second are in the
 * next step's `also`; the others are linked but not followed.
 */
function stepLink(effect: Draft, cause: Draft): ChainStep['link'] | undefined {
  const c = effect.causes.find((x) => x.draft === cause);
  if (!c) return undefined;
  const alike = effect.causes.filter((x) => x.draft !== cause && x.draft.sig.id === cause.sig.id && x.strength === c.strength && x.score === c.score);
  if (c.strength !== 'identity' || c.score > 1 || alike.length === 0) return { ref: cause.ref!, strength: c.strength, via: c.via };
  const ties = new Set(tiedWith(effect, cause));
  const refs = (ds: Draft[]): string => ds.map((d) => d.ref!).sort().join(', ');
  const lead = cause.first !== null && effect.first !== null ? spanText(Math.max(0, effect.first - cause.first)) : '0s';
  const tied = alike.filter((x) => ties.has(x.draft)).map((x) => x.draft);
  const other = alike.filter((x) => !ties.has(x.draft)).map((x) => x.draft);
  const which = tied.length
    ? `${refs(tied)} alike in the same second${other.length ? `, ${refs(other)} alike but further` : ''}`
    : `the nearest of it and ${refs(other)}, alike`;
  return {
    ref: cause.ref!,
    strength: 'time',
    via: `time: ${lead} before, on ${c.via.replace(/^host=/, 'host ')}; ${which}: nothing names which one ${effect.ref} went through, mapped by time`,
  };
}

function chainOf({ steps, paths }: Plan, byId: ReadonlyMap<string, LoadedSignature>, tz: string): Chain {
  const primary = paths[0]!;
  const root = steps[steps.length - 1]!.draft;
  const chainSteps: ChainStep[] = steps.map((s, i) => {
    const ctx = renderContext(s.draft, byId, tz);
    const next = steps[i + 1]?.draft;
    const link = next ? stepLink(s.draft, next) : undefined;
    return {
      ref: s.draft.ref!,
      question: renderWith(s.draft.sig.how, ctx),
      answer: renderWith(s.draft.sig.answer, ctx),
      ...(link ? { link } : {}),
      ...(s.also.length ? { also: s.also.map((a) => a.ref!).sort() } : {}),
    };
  });
  const chain: Chain = {
    id: '',
    title: primary[0]!.sig.title,
    symptoms: [...new Set(paths.map((p) => p[0]!.ref!))].sort(),
    steps: chainSteps,
    hosts: [...new Set(steps.flatMap((s) => [s.draft, ...s.also]).map((d) => d.host).filter((h): h is string => !!h))].sort(),
  };
  if (root.causes.filter((c) => isStep(c.draft)).length === 0) {
    const open = openQuestion(root, byId, tz);
    if (open) chain.open = open;
  }
  return chain;
}

/** Ids of the signatures some signature names as a cause: mechanisms, not symptoms alone. */
function mechanismIds(byId: ReadonlyMap<string, LoadedSignature>): Set<string> {
  return new Set([...byId.values()].flatMap((s) => (s.caused_by ?? []).map((c) => c.id)));
}

export function buildChains(drafts: readonly Draft[], byId: ReadonlyMap<string, LoadedSignature>, tz: string): Chain[] {
  const causesSomething = new Set<Draft>();
  const inBurst = new Set<Draft>();
  for (const d of drafts) {
    if (isStep(d)) for (const c of d.causes) causesSomething.add(c.draft);
    if (d.sig.match.kind === 'burst') for (const m of d.members) inBurst.add(m);
  }
  const candidate = (d: Draft): boolean => isStep(d) && !inBurst.has(d) && !d.explainedBy && d.sig.match.kind !== 'sequence';
  const mechanisms = mechanismIds(byId);
  const plans: Plan[] = [];
  for (const path of drafts.filter((d) => candidate(d) && !causesSomething.has(d)).map(pathFrom).sort(comparePaths)) {
    const placed =
      plans.some((p) => attachAtJunction(p, path, true)) || plans.some((p) => attachParallel(p, path, true)) || plans.some((p) => attachCoSymptom(p, path, mechanisms));
    if (!placed) plans.push({ steps: path.map((draft) => ({ draft, also: [] })), paths: [path] });
  }
  for (const plan of plans) attachTies(plan);
  // A cause that no chain follows (a linked-but-not-followed cause of a step) starts no chain
  // of its own; its path joins a chain where it lines up (another volume read-only in the same
  // storm, beside the one a crash loop was linked to).
  const shown = new Set(plans.flatMap((p) => [...planMembers(p)]));
  let left = drafts.filter((d) => candidate(d) && causesSomething.has(d) && !shown.has(d));
  for (let changed = true; changed && left.length; ) {
    changed = false;
    for (const path of left.map(pathFrom).sort(comparePaths)) {
      if (shown.has(path[0]!)) continue;
      const plan = plans.find((p) => attachAtJunction(p, path, false)) ?? plans.find((p) => attachParallel(p, path, false));
      if (!plan) continue;
      for (const d of planMembers(plan)) shown.add(d);
      changed = true;
    }
    left = left.filter((d) => !shown.has(d));
  }
  for (const plan of plans) attachTies(plan);
  const chains = plans.map((plan) => chainOf(plan, byId, tz));
  const order = importance(chains, drafts);
  chains.sort(order);
  chains.forEach((c, i) => (c.id = `C${i + 1}`));
  return chains;
}
