/**
 * How paths (a finding and the causes followed below it) become chains, and when a path joins
 * a chain already made instead of starting its own:
 *
 * - junction: the path reaches a finding of the chain, and its findings before that one have,
 *   one for one, the signatures of the chain's steps just before it (sdc's remount, journal
 *   abort and I/O errors beside sdb's). They become those steps' `also`.
 * - parallel: the path has, step for step, the signatures of the chain's last steps, and its
 *   deepest finding is of the same signature as the chain's, at the same time (the evidence
 *   spans of the two overlap or are less than NEAR apart): the same failure on several hosts
 *   or objects at once (a storm on k8s01 and on k8s03, four pods crash-looping).
 * - co-symptom: a path whose first finding is of a signature other signatures name as a cause
 *   (a mechanism, not a symptom a user sees: kine giving up writes) and that links straight
 *   into a chain (the storm it reports is a step there) is listed among that chain's symptoms
 *   instead of starting a chain of its own.
 * Any other path is a chain of its own, so that every step is a cause of the step before it.
 */
import { type Draft, compareDrafts, draftRole } from './draft.js';

/** Two deepest findings this close (or overlapping) happened at the same time. */
export const NEAR = 30 * 60 * 1e6;

/** Evidence with whole-second stamps cannot order two causes less than this far apart. */
export const SAME_MOMENT = 1e6;

export interface Plan {
  steps: Array<{ draft: Draft; also: Draft[] }>;
  /** Paths whose first finding is a symptom of this chain, the leading one first. */
  paths: Draft[][];
}

export function isStep(d: Draft): boolean {
  return draftRole(d) === 'problem';
}

/** Where `d` is in the plan (as a step or in a step's `also`), or -1. */
export function positionOf(plan: Plan, d: Draft): number {
  return plan.steps.findIndex((s) => s.draft === d || s.also.includes(d));
}

/**
 * Causes of `effect` that the evidence cannot tell apart from `chosen`: the same signature,
 * strength and agreeing kinds, less than a second apart (sdb's I/O errors and the two sessions
 * of the host that timed out in the same second).
 */
export function tiedWith(effect: Draft, chosen: Draft): Draft[] {
  const c = effect.causes.find((x) => x.draft === chosen);
  if (!c) return [];
  return effect.causes
    .filter((x) => x.draft !== chosen && isStep(x.draft) && x.draft.sig.id === chosen.sig.id && x.strength === c.strength && x.score === c.score && Math.abs(x.distance - c.distance) < SAME_MOMENT)
    .map((x) => x.draft);
}

/**
 * A finding and the causes followed below it. Among causes the evidence cannot tell apart, the
 * first in the run's order is followed (not the one a microsecond nearer: whole-second logs do
 * not order them); the chain lists the others in `also`.
 */
export function pathFrom(top: Draft): Draft[] {
  const path = [top];
  const seen = new Set([top]);
  for (;;) {
    const cur = path[path.length - 1]!;
    const next = cur.causes.find((c) => isStep(c.draft) && !seen.has(c.draft))?.draft;
    if (!next) return path;
    const pick = [next, ...tiedWith(cur, next)].filter((d) => !seen.has(d)).sort(compareDrafts)[0]!;
    path.push(pick);
    seen.add(pick);
  }
}

function addAlso(plan: Plan, at: number, d: Draft): void {
  const s = plan.steps[at]!;
  if (s.draft !== d && !s.also.includes(d)) s.also.push(d);
}

/** Joins `path` at a finding it shares with the plan (see the module comment). */
export function attachAtJunction(plan: Plan, path: Draft[], symptom: boolean): boolean {
  const j = path.findIndex((d) => positionOf(plan, d) >= 0);
  if (j < 0) return false;
  const junction = positionOf(plan, path[j]!);
  if (j > junction) return false;
  for (let i = 0; i < j; i++) if (plan.steps[junction - j + i]!.draft.sig.id !== path[i]!.sig.id) return false;
  for (let i = 0; i < j; i++) addAlso(plan, junction - j + i, path[i]!);
  if (symptom || junction === j) plan.paths.push(path);
  return true;
}

function near(a: Draft, b: Draft): boolean {
  if (a.first === null || b.first === null) return false;
  const aLast = a.last ?? a.first;
  const bLast = b.last ?? b.first;
  return a.first <= bLast + NEAR && b.first <= aLast + NEAR;
}

/** Joins `path` beside the plan's last steps when it is the same failure at the same time. */
export function attachParallel(plan: Plan, path: Draft[], symptom: boolean): boolean {
  const n = path.length;
  const m = plan.steps.length;
  if (n > m || path.some((d) => positionOf(plan, d) >= 0)) return false;
  for (let i = 0; i < n; i++) if (plan.steps[m - n + i]!.draft.sig.id !== path[i]!.sig.id) return false;
  if (!near(plan.steps[m - 1]!.draft, path[n - 1]!)) return false;
  for (let i = 0; i < n; i++) addAlso(plan, m - n + i, path[i]!);
  if (symptom || m === n) plan.paths.push(path);
  return true;
}

/** Lists a mechanism that links straight into the plan among its symptoms (module comment). */
export function attachCoSymptom(plan: Plan, path: Draft[], mechanisms: ReadonlySet<string>): boolean {
  if (path.length < 2 || !mechanisms.has(path[0]!.sig.id) || positionOf(plan, path[1]!) < 0) return false;
  plan.paths.push([path[0]!]);
  return true;
}

/**
 * Joins, as parallel branches, the paths from causes tied with a step (tiedWith): the step the
 * path did not take is listed in `also` with its own causes, where they line up with the chain.
 */
export function attachTies(plan: Plan): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i + 1 < plan.steps.length; i++) {
      for (const effect of [plan.steps[i]!.draft, ...plan.steps[i]!.also]) {
        const chosen = plan.steps[i + 1]!.draft;
        const followed = effect.causes.some((c) => c.draft === chosen) ? chosen : effect.causes.find((c) => isStep(c.draft))?.draft;
        if (!followed) continue;
        for (const alt of tiedWith(effect, followed)) {
          if (positionOf(plan, alt) >= 0) continue;
          if (attachAtJunction(plan, pathFrom(alt), false) || attachParallel(plan, pathFrom(alt), false)) changed = true;
        }
      }
    }
  }
}

/** Every finding the plan shows (steps, also and symptoms). */
export function planMembers(plan: Plan): Set<Draft> {
  return new Set([...plan.steps.flatMap((s) => [s.draft, ...s.also]), ...plan.paths.map((p) => p[0]!)]);
}
