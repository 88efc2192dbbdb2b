import type { Chain, Finding, LoadedSignature } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import { fill, placeholders } from './fill.js';
import type { ContrastView, FindingView } from './view-model.js';

export interface ContrastPlan {
  /** Contrast findings in report order. */
  findings: Finding[];
  /** chain id -> (contrast ref -> ref of the step it resembles, or null). */
  byChain: Map<string, Map<string, string | null>>;
  /** contrast ref -> signature ids of chain steps it resembles. */
  lookalikes: Map<string, string[]>;
}

function resembles(a: Finding, b: Finding, sigs: ReadonlyMap<string, LoadedSignature>): boolean {
  return (sigs.get(a.id)?.contrasts ?? []).includes(b.id) || (sigs.get(b.id)?.contrasts ?? []).includes(a.id);
}

/**
 * Findings that looked related but were not: every `contrast` finding, and any finding outside
 * the chains that a chain step's signature names in `contrasts` (or that names a step's
 * signature). Each is shown with the chains it resembles (or whose step it was ruled out
 * against); a contrast that resembles no step is shown with the chains on its host.
 * `inChains`: findings the chains show (steps, parallel branches, linked causes, members).
 */
export function planContrasts(findings: readonly Finding[], chains: readonly Chain[], inChains: ReadonlySet<string>, sigs: ReadonlyMap<string, LoadedSignature>): ContrastPlan {
  const byRef = new Map(findings.map((f) => [f.ref, f]));
  const steps = chains.map((c) => ({ chain: c, steps: c.steps.map((s) => byRef.get(s.ref)).filter((f): f is Finding => !!f) }));
  const plan: ContrastPlan = { findings: [], byChain: new Map(), lookalikes: new Map() };
  for (const f of findings) {
    if (inChains.has(f.ref) || f.role === 'context') continue;
    const matches = steps.flatMap(({ chain, steps: ss }) => ss.filter((s) => s.ref === f.ruledOut?.ref || resembles(f, s, sigs)).map((s) => ({ chain, step: s })));
    if (f.role !== 'contrast' && matches.length === 0) continue;
    plan.findings.push(f);
    plan.lookalikes.set(f.ref, [...new Set(matches.map((m) => m.step.id))].sort());
    const attach = new Map<string, string | null>();
    for (const m of matches) if (!attach.has(m.chain.id)) attach.set(m.chain.id, m.step.ref);
    if (attach.size === 0 && f.host) for (const c of chains) if (c.hosts.includes(f.host)) attach.set(c.id, null);
    for (const [chainId, stepRef] of attach) {
      let m = plan.byChain.get(chainId);
      if (!m) plan.byChain.set(chainId, (m = new Map()));
      m.set(f.ref, stepRef);
    }
  }
  return plan;
}

export function contrastViews(
  plan: ContrastPlan,
  byRef: ReadonlyMap<string, Finding>,
  sigs: ReadonlyMap<string, LoadedSignature>,
  clock: DisplayClock,
  view: (f: Finding) => FindingView,
  chainNumber: (id: string) => string,
): ContrastView[] {
  return plan.findings.map((f) => {
    const sig = sigs.get(f.id);
    const ruled = f.ruledOut?.reason.trim();
    const why = ruled || (sig ? fill(sig.answer, placeholders(f, clock)) : null) || sig?.description || f.title;
    const target = f.ruledOut ? byRef.get(f.ruledOut.ref) : undefined;
    const against = f.ruledOut ? `${f.ruledOut.ref}${target ? ` ${target.title}` : ''}` : null;
    const chains = [...plan.byChain.entries()].filter(([, m]) => m.has(f.ref)).map(([id]) => chainNumber(id));
    return { finding: view(f), why, against, lookalikeOf: plan.lookalikes.get(f.ref) ?? [], chains };
  });
}
