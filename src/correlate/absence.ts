/**
 * `absence`: a finding of `of` not followed, within the window and agreeing on `same`, by any
 * finding of `not_followed_by`, or followed by a `recovered_by` finding before any of them.
 * Decided only when a recovery is seen or the evidence of that host covers the whole window;
 * otherwise no finding (and an info diagnostic says so). The window may come from evidence
 * (a param `{from: {id, capture}}`, the nearest such hit on the same host first).
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { LoadedSignature } from '../model/signature.js';
import { type EntityConfig, type EvidenceLookup, durationTerms, formatDuration, parseDuration, resolveDuration } from '../signatures/index.js';
import { type Draft, agreeAll, compareDrafts, isAfter, mergeCaptures } from './draft.js';
import { mergeEntities } from './entities.js';
import type { EventHit } from './group.js';

/** Stamps have whole seconds at worst: an event logged in the window's last second still counts. */
const TOLERANCE = 1_000_000;

export interface Coverage {
  /** Latest event time (micros) of the evidence per host ('' for events without a host). */
  lastByHost: Map<string, number>;
  last: number | null;
}

function where(e: EventHit): string {
  const at = e.event.from[0];
  return at ? `${at.file}:${at.line}` : `event ${e.event.seq}`;
}

/** Looks a param up in evidence: the hit of `from.id` nearest to `time`, on `host` first. */
export function evidenceLookup(hitsOf: (id: string) => readonly EventHit[], time: number, host: string | undefined): EvidenceLookup {
  return (from) => {
    const all = hitsOf(from.id).filter((h) => h.hit.captures[from.capture] !== undefined && h.event.time.utcMicros !== null);
    const pool = all.some((h) => h.event.host === host) ? all.filter((h) => h.event.host === host) : all;
    let best: EventHit | undefined;
    for (const h of pool) if (!best || Math.abs(h.event.time.utcMicros! - time) < Math.abs(best.event.time.utcMicros! - time)) best = h;
    return best ? { value: best.hit.captures[from.capture]!, note: `${from.id} at ${where(best)}` } : undefined;
  };
}

export function findAbsences(
  sig: LoadedSignature,
  draftsOf: (id: string) => readonly Draft[],
  hitsOf: (id: string) => readonly EventHit[],
  coverage: Coverage,
  config: EntityConfig,
  overrides: Readonly<Record<string, string>>,
  diagnostics: Diagnostic[],
): Draft[] {
  if (sig.match.kind !== 'absence') return [];
  const m = sig.match;
  const blockers = m.not_followed_by.flatMap(draftsOf).filter((d) => d.first !== null).sort(compareDrafts);
  const recoveries = (m.recovered_by ?? []).flatMap(draftsOf).filter((d) => d.first !== null).sort(compareDrafts);
  const out: Draft[] = [];
  let undecided = 0;
  for (const a of [...draftsOf(m.of)].sort(compareDrafts)) {
    if (a.first === null) continue;
    const win = resolveDuration(m.within, sig, overrides, evidenceLookup(hitsOf, a.first, a.host));
    if (!win) continue;
    const end = a.first + win.micros + TOLERANCE;
    const inWindow = (d: Draft): boolean => isAfter(d, a) && d.first! <= end && agreeAll(config, a, d, m.same);
    const blocker = blockers.find(inWindow);
    const recovery = recoveries.find(inWindow);
    if (blocker && (!recovery || !isAfter(blocker, recovery))) continue;
    if (!recovery) {
      const last = a.host !== undefined ? coverage.lastByHost.get(a.host) : coverage.last;
      if (last === undefined || last === null || last < end) {
        undecided++;
        continue;
      }
    }
    const members = recovery ? [a, recovery] : [a];
    const draft: Draft = {
      sig,
      events: [...new Map(members.flatMap((d) => d.events).map((e) => [e.seq, e])).values()].sort((x, y) => x.seq - y.seq),
      count: 0,
      first: a.first,
      last: recovery ? recovery.first : a.last,
      ...(a.host ? { host: a.host } : {}),
      captures: {},
      entities: new Map(),
      members,
      assumptions: [],
      key: a.key,
      causes: [],
    };
    draft.count = draft.events.length;
    for (const p of win.params) {
      const told = p.origin === 'evidence' ? `read from ${p.note}` : p.origin === 'override' ? 'from --param' : 'default, not in the evidence';
      const d = parseDuration(p.value);
      draft.assumptions.push(`${p.name} = ${d === undefined ? p.value : formatDuration(d)} (${told})`);
    }
    if ((durationTerms(m.within)?.length ?? 0) > 1) draft.assumptions.push(`window ${m.within} = ${formatDuration(win.micros)}`);
    if (!recovery) draft.assumptions.push(`no ${m.not_followed_by.join(' or ')} within ${formatDuration(win.micros)}; the evidence covers the window`);
    for (const d of members) {
      mergeCaptures(draft.captures, d.captures);
      mergeEntities(draft.entities, d.entities);
    }
    out.push(draft);
  }
  if (undecided > 0) {
    diagnostics.push({
      severity: 'info',
      code: 'correlate/absence-undecided',
      reason: `${sig.id}: ${undecided} finding(s) of ${m.of} not decided: the evidence ends before their window does and shows no recovery`,
      place: { file: sig.source.file, line: sig.source.line },
      count: undecided,
    });
  }
  return out;
}
