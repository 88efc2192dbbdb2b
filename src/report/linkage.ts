import type { Chain, Finding } from '../model/index.js';

/**
 * Where each finding stands relative to the chains, so that every problem finding is shown once
 * in the place a reader looks for it and none is dropped:
 * - `path`: a symptom or a step of a chain;
 * - `also`: a parallel branch of a step (`ChainStep.also`: sdc beside sdb);
 * - `side`: a cause the evidence links to a step (`Finding.causes`, followed down) that is not
 *   on the chain's path ("also linked");
 * - `covered`: shown through another finding: a member of a burst or sequence that is linked,
 *   a sequence over linked findings (`patterns`), one a contrast explains (`explainedBy`), a
 *   contrast itself;
 * - `unlinked`: a problem finding none of the above reaches.
 * Context-role findings are counted, never listed.
 */
export interface Linkage {
  path: Set<string>;
  also: Set<string>;
  side: Set<string>;
  /** Sequence/burst findings whose members are linked, by chain id (shown in that chain's header). */
  patterns: Map<string, string[]>;
  /** ref -> why it is not listed on its own (`member of F078`, `explained by F065`). */
  covered: Map<string, string>;
  /** Problem findings no chain reaches, in ref order. */
  unlinked: Finding[];
  /** Number of context-role findings (milestones shown in the timeline, never PIR problems). */
  contextCount: number;
}

const pathOf = (c: Chain): string[] => [...c.symptoms, ...c.steps.map((s) => s.ref)];

/** Every finding reachable from `start` by following `causes` down (start included). */
function causeClosure(start: Iterable<string>, byRef: ReadonlyMap<string, Finding>): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length) {
    const ref = todo.pop()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    for (const c of byRef.get(ref)?.causes ?? []) if (!seen.has(c.ref)) todo.push(c.ref);
  }
  return seen;
}

/** Marks the members of `from` (and their members) as covered, unless they are in `keep`. */
function coverMembers(from: Iterable<string>, byRef: ReadonlyMap<string, Finding>, keep: ReadonlySet<string>, covered: Map<string, string>): void {
  const todo = [...from];
  while (todo.length) {
    const ref = todo.pop()!;
    for (const m of byRef.get(ref)?.members ?? []) {
      if (keep.has(m) || covered.has(m)) continue;
      covered.set(m, `member of ${ref}`);
      todo.push(m);
    }
  }
}

/** `findings` sorted by ref; `chains` in report order. */
export function linkage(findings: readonly Finding[], chains: readonly Chain[]): Linkage {
  const byRef = new Map(findings.map((f) => [f.ref, f]));
  const path = new Set(chains.flatMap(pathOf));
  const also = new Set(chains.flatMap((c) => c.steps.flatMap((s) => s.also ?? [])).filter((r) => !path.has(r)));
  const covered = new Map<string, string>();
  // Members of a burst/sequence on a chain are shown by it (the six single evictions of the
  // batch), even where another finding names one of them as its cause.
  coverMembers([...path, ...also], byRef, new Set([...path, ...also]), covered);
  const reach = causeClosure([...path, ...also], byRef);
  const side = new Set([...reach].filter((r) => !path.has(r) && !also.has(r) && !covered.has(r) && byRef.get(r)?.role === 'problem'));
  const linked = new Set([...path, ...also, ...side]);

  coverMembers(side, byRef, linked, covered);

  // A sequence or burst over linked findings is the chain recognised as a whole.
  const patterns = new Map<string, string[]>();
  const chainOf = new Map<string, string>();
  for (const c of chains) {
    const mine = causeClosure(pathOf(c), byRef);
    for (const s of c.steps) for (const a of s.also ?? []) for (const r of causeClosure([a], byRef)) mine.add(r);
    for (const r of mine) if (!chainOf.has(r)) chainOf.set(r, c.id);
  }
  for (const f of findings) {
    if (linked.has(f.ref) || covered.has(f.ref) || !f.members?.length || f.role === 'context') continue;
    const hits = f.members.filter((m) => linked.has(m));
    if (hits.length === 0) continue;
    const votes = new Map<string, number>();
    for (const m of hits) {
      const id = chainOf.get(m);
      if (id) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!best) continue;
    covered.set(f.ref, `pattern of ${best}`);
    const list = patterns.get(best) ?? [];
    list.push(f.ref);
    patterns.set(best, list);
  }

  for (const f of findings) {
    if (linked.has(f.ref) || covered.has(f.ref)) continue;
    if (f.role === 'contrast') covered.set(f.ref, 'contrast');
    else if (f.explainedBy) covered.set(f.ref, `explained by ${f.explainedBy}`);
  }
  const unlinked = findings.filter((f) => f.role === 'problem' && !linked.has(f.ref) && !covered.has(f.ref));
  return { path, also, side, patterns, covered, unlinked, contextCount: findings.filter((f) => f.role === 'context').length };
}
