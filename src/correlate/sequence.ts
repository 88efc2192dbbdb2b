/**
 * `sequence`: ordered steps within a window, all agreeing with the first step on the `same`
 * keys (Sigma `temporal_ordered`). A step may be a list of alternatives; the finding records
 * which one matched (`Finding.matched`). From each first-step finding, the earliest finding of
 * each next step is taken; findings used by a sequence are not reused by a later one.
 */
import type { LoadedSignature } from '../model/signature.js';
import { type EntityConfig, resolveDuration } from '../signatures/index.js';
import { type Draft, agreeAll, compareDrafts, isAfter, mergeCaptures } from './draft.js';
import { mergeEntities } from './entities.js';

export function findSequences(
  sig: LoadedSignature,
  draftsOf: (id: string) => readonly Draft[],
  config: EntityConfig,
  overrides: Readonly<Record<string, string>>,
): Draft[] {
  if (sig.match.kind !== 'sequence') return [];
  const m = sig.match;
  const within = resolveDuration(m.within, sig, overrides)?.micros ?? 0;
  const steps = m.steps.map((s) => (Array.isArray(s) ? s : [s]));
  const candidates = steps.map((alts) => alts.flatMap((id) => draftsOf(id)).filter((d) => d.first !== null).sort(compareDrafts));
  const used = new Set<Draft>();
  const out: Draft[] = [];
  for (const head of candidates[0]!) {
    if (used.has(head)) continue;
    const chosen: Draft[] = [head];
    for (let k = 1; k < steps.length; k++) {
      const prev = chosen[k - 1]!;
      const next = candidates[k]!.find(
        (d) => !used.has(d) && !chosen.includes(d) && isAfter(d, prev) && d.first! - head.first! <= within && agreeAll(config, head, d, m.same),
      );
      if (!next) break;
      chosen.push(next);
    }
    if (chosen.length < steps.length) continue;
    for (const d of chosen) used.add(d);
    const draft: Draft = {
      sig,
      events: [...new Map(chosen.flatMap((d) => d.events).map((e) => [e.seq, e])).values()].sort((a, b) => a.seq - b.seq),
      count: 0,
      first: head.first,
      last: Math.max(...chosen.map((d) => d.last ?? d.first!)),
      ...(chosen.every((d) => d.host === head.host) && head.host ? { host: head.host } : {}),
      captures: {},
      entities: new Map(),
      members: chosen,
      matched: chosen.map((d) => d.sig.id),
      assumptions: [],
      key: chosen.map((d) => d.key).join('\u0001'),
      causes: [],
    };
    draft.count = draft.events.length;
    for (const d of chosen) {
      mergeCaptures(draft.captures, d.captures);
      mergeEntities(draft.entities, d.entities);
    }
    out.push(draft);
  }
  return out;
}
