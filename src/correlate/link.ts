/**
 * Causal links from `caused_by`: a finding of the declared id is a cause when its evidence
 * falls in the window (from `within` before this finding starts to `skew` after) and every kind
 * in `same` agrees. The link is an identity link when a kind of `same`/`prefer` agrees (the same
 * PVC, device or host named on both sides, after aliases), else a time link. Per declaration,
 * every identity candidate that agrees on as much as the best one is kept (at most 5, nearest
 * first); without one, only the nearest time candidate. Contrast findings, and findings a
 * contrast explains (they recovered), are never causes. A window param read from evidence
 * (`{from: ...}`) takes the value nearest to this finding, on its host first.
 */
import type { LoadedSignature } from '../model/signature.js';
import { type EntityConfig, type EvidenceLookup, resolveDuration } from '../signatures/index.js';
import { type Draft, type DraftCause, agreeOn, compareDrafts, draftRole, roleOf } from './draft.js';

/** At most this many identity causes per declaration (they are ranked; the rest adds nothing). */
const MAX_IDENTITY = 5;

/** `4s`, `5m 4s`, `1h 42m`, `2d 3h`: whole seconds, the two largest units. */
export function spanText(micros: number): string {
  const s = Math.round(Math.abs(micros) / 1e6);
  if (s < 60) return `${s}s`;
  const parts: Array<[number, string]> = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor(s / 3600) % 24, 'h'],
    [Math.floor(s / 60) % 60, 'm'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join(' ');
}

function timeVia(distance: number, after: boolean): string {
  return `time: ${spanText(distance)} ${after ? 'after' : 'before'}`;
}

export function rankCauses(a: DraftCause, b: DraftCause): number {
  if (a.strength !== b.strength) return a.strength === 'identity' ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.distance !== b.distance) return a.distance - b.distance;
  return compareDrafts(a.draft, b.draft);
}

export function linkCauses(
  effect: Draft,
  draftsOf: (id: string) => readonly Draft[],
  config: EntityConfig,
  overrides: Readonly<Record<string, string>>,
  lookup?: EvidenceLookup,
): void {
  const sig: LoadedSignature = effect.sig;
  if (effect.first === null || roleOf(sig) === 'contrast') return;
  const t = effect.first;
  const causes: DraftCause[] = [];
  for (const decl of sig.caused_by ?? []) {
    const within = resolveDuration(decl.within, sig, overrides, lookup)?.micros ?? 0;
    const skew = decl.skew ? (resolveDuration(decl.skew, sig, overrides, lookup)?.micros ?? 0) : 0;
    const found: DraftCause[] = [];
    for (const c of draftsOf(decl.id)) {
      if (c === effect || c.first === null || draftRole(c) === 'contrast' || c.explainedBy) continue;
      const cLast = c.last ?? c.first;
      if (c.first > t + skew || cLast < t - within) continue;
      if (!(decl.same ?? []).every((k) => agreeOn(config, effect, c, k) !== undefined)) continue;
      const shared: string[] = [];
      let score = 0;
      for (const k of [...new Set([...(decl.same ?? []), ...(decl.prefer ?? [])])]) {
        const v = agreeOn(config, effect, c, k);
        if (v !== undefined) {
          shared.push(`${k}=${v}`);
          score += k === 'host' ? 1 : 2;
        }
      }
      const distance = Math.max(0, t - cLast);
      found.push({
        draft: c,
        strength: shared.length ? 'identity' : 'time',
        via: shared.length ? shared.join(', ') : timeVia(Math.abs(t - c.first), c.first > t),
        score,
        distance,
      });
    }
    found.sort(rankCauses);
    // Only the candidates that agree on as much as the best one: when one names the same PVC
    // or device, the others that share only the host are not causes (readarr's crash loop
    // and the one read-only volume it claims, not every volume of its node).
    const best = found[0]?.strength === 'identity' ? found[0].score : undefined;
    const identity = found.filter((f) => f.strength === 'identity' && f.score === best);
    causes.push(...(identity.length ? identity.slice(0, MAX_IDENTITY) : found.slice(0, 1)));
  }
  effect.causes = causes.sort(rankCauses);
}
