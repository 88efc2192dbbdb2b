import type { AnalysisResult, Finding } from '../model/index.js';
import { highestLevel } from './chains-view.js';
import type { DisplayClock } from './display-time.js';
import { formatDuration } from './display-time.js';
import { andList, entityKeys, extraObjects, objectClause, placeOf } from './prose.js';
import { Mentions } from './short-ids.js';
import type { ChainView, ContrastView, FindingView, IncidentView, TimeView } from './view-model.js';

const SEVERITY: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Low' };

/** Ends a clause with a full stop unless it has one. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function minIso(values: Array<string | undefined>): string | undefined {
  return values.filter((v): v is string => !!v).sort()[0];
}

function maxIso(values: Array<string | undefined>): string | undefined {
  const s = values.filter((v): v is string => !!v).sort();
  return s[s.length - 1];
}

/**
 * Title, date, duration and suggested severity. Duration runs from the first evidence of a
 * problem in the chains (all problems when there is no chain) to the last evidence of any
 * problem; the severity is the highest signature level in the chains, offered as a suggestion.
 */
export function incidentView(result: AnalysisResult, chainFindings: readonly Finding[], clock: DisplayClock): IncidentView {
  const problems = result.findings.filter((f) => f.role === 'problem');
  const basis = chainFindings.length ? chainFindings : problems;
  const startIso = minIso(basis.map((f) => f.first));
  const endIso = maxIso(problems.map((f) => f.last));
  const start = clock.iso(startIso);
  const end = clock.iso(endIso);
  const top = highestLevel(basis);
  const title = result.chains.length
    ? `${result.chains[0]!.title}${result.chains.length > 1 ? ` (and ${result.chains.length - 1} more ${result.chains.length > 2 ? 'chains' : 'chain'})` : ''}`
    : (top?.title ?? 'no known failure signature found');
  const hosts = [...new Set([...result.chains.flatMap((c) => c.hosts), ...problems.map((f) => f.host).filter((h): h is string => !!h)])].sort();
  return {
    title,
    date: start?.date ?? 'unknown',
    start,
    end,
    duration: startIso && endIso ? formatDuration(Date.parse(endIso) - Date.parse(startIso)) : 'unknown',
    severity: top ? SEVERITY[top.level]! : 'None',
    severityBasis: top
      ? `the highest signature level ${result.chains.length ? 'in the chains' : 'among the findings'} (${top.level}: ${top.id}); review it against the real user impact`
      : 'no problem finding in the evidence',
    status: 'Draft',
    hosts,
  };
}

/** Every id the findings name (for collision-free short forms). */
function allIds(findings: Iterable<Finding>): string[] {
  const out = new Set<string>();
  for (const f of findings) {
    for (const vs of Object.values(f.entities)) for (const v of vs ?? []) out.add(v);
    if (f.captures.ref) out.add(f.captures.ref);
  }
  return [...out];
}

/** `2026-05-28 20:23:14 AEST`, or `20:10:13 AEST` when on the same display day as `day`. */
function when(t: TimeView | null, day: string | null): string {
  if (!t) return 'an unknown time';
  return t.date === day ? t.zoned : `${t.date} ${t.zoned}`;
}

/** Symptoms on several hosts starting at most this far apart (ms) suggest a cause they share. */
const SHARED_CAUSE_MS = 30 * 60_000;

/**
 * The same failure starting on several hosts within SHARED_CAUSE_MS of each other, in their logs:
 * one node's fault rarely explains that, a cause the hosts share does (the datastore, the
 * network, the hypervisor underneath). Null for one host, or when the starts are further apart.
 */
function sharedCause(findings: readonly Finding[]): string | null {
  const start = new Map<string, number>();
  for (const f of findings) {
    const t = Date.parse(f.first);
    // A state finding's time is its snapshot's: several hosts "start" together by construction.
    if (!f.host || f.kind === 'state' || Number.isNaN(t)) continue;
    start.set(f.host, Math.min(start.get(f.host) ?? t, t));
  }
  if (start.size < 2) return null;
  const times = [...start.values()];
  const spread = Math.max(...times) - Math.min(...times);
  if (spread > SHARED_CAUSE_MS) return null;
  const hosts = [...start.keys()].sort();
  return `It started on ${andList(hosts)} within ${formatDuration(spread)} of each other: that points at a cause the hosts share rather than at one node.`;
}

/** Sentences for one chain: the symptom (its own objects, then how many more like it), the root, the open question. */
function chainSentences(c: ChainView, byRef: ReadonlyMap<string, Finding>, mentions: Mentions): string[] {
  const step0 = c.steps[0];
  const top = step0 ? byRef.get(step0.ref) : undefined;
  if (!top || !step0) return [];
  const out: string[] = [];
  const day = step0.finding?.first?.date ?? null;
  const own = objectClause(top, mentions);
  const more = [...new Set([...c.symptoms, ...step0.also.map((a) => a.ref), ...step0.alsoMore])].filter((r) => r !== top.ref).map((r) => byRef.get(r)).filter((f): f is Finding => !!f);
  const extra = more.length ? extraObjects(top, more, mentions) : '';
  out.push(
    `Seen ${placeOf(top)} at ${when(step0.finding?.first ?? null, null)}${own ? ` (${own})` : ''}` +
      (more.length ? `, and in ${more.length} more ${more.length === 1 ? 'finding' : 'findings'} like it${extra ? ` (${extra})` : ''}` : '') +
      '.',
  );
  const shared = sharedCause([top, ...more]);
  if (shared) out.push(shared);
  const rootStep = c.steps[c.steps.length - 1]!;
  const root = byRef.get(rootStep.ref);
  if (root && c.steps.length > 1) {
    const links = c.steps.length - 1;
    const byTime = c.steps.filter((s) => s.link?.strength === 'time').length;
    const rootObj = objectClause(root, mentions, 3, entityKeys(top));
    out.push(
      `The evidence traces it back through ${links} causal ${links === 1 ? 'link' : 'links'}${byTime ? ` (${byTime === links ? (links === 1 ? 'by timing alone' : 'all by timing alone') : `${byTime} of them by timing alone`})` : ''} to ${root.title} ${placeOf(root)} at ${when(rootStep.finding?.first ?? null, day)}${rootObj ? ` (${rootObj})` : ''}.`,
    );
  } else {
    out.push('No earlier cause was linked to it in the evidence.');
  }
  const linked = c.steps.flatMap((s) => s.linked).filter((l) => l.seeStep === null);
  if (linked.length) {
    const names = linked.slice(0, 3).map((l) => `${l.ref} ${l.title} ${l.place}`);
    out.push(`Also linked beside the chain: ${names.join('; ')}${linked.length > 3 ? `; and ${linked.length - 3} more` : ''}.`);
  }
  if (c.open) out.push(`The evidence ends there: ${sentence(c.open.question)} Not determined from the evidence given. Where to look next: ${sentence(c.open.hint)}`);
  if (c.hosts.length > 1) out.push(`Hosts involved: ${andList(c.hosts)}.`);
  return out;
}

/**
 * The executive summary: a few generated sentences per chain naming where, what and when (the
 * symptom's own objects and the root's, ids in full once and short after), then notes on the
 * contrasts and on problem findings no chain reaches. Sets each chain's `summary`.
 */
export function summarySentences(
  chains: ChainView[],
  byRef: ReadonlyMap<string, Finding>,
  contrasts: readonly ContrastView[],
  other: readonly FindingView[],
  counts: { inputs: number; events: number; context: number },
): { paragraphs: string[]; notes: string[] } {
  const mentions = new Mentions(allIds(byRef.values()));
  const paragraphs: string[] = [];
  for (const c of chains) {
    c.summary = chainSentences(c, byRef, mentions);
    paragraphs.push(`Chain ${c.n}: ${sentence(c.title)} ${c.summary.join(' ')}`.trim());
  }
  const notes: string[] = [];
  const looked = contrasts.map(
    (x) =>
      `${x.finding.title} ${placeOf(byRef.get(x.finding.ref) ?? { host: x.finding.host ?? undefined, entities: {} })} at ${x.finding.first ? `${x.finding.first.date} ${x.finding.first.zoned}` : 'an unknown time'} looked related but is not part of ${x.chains.length ? `chain ${andList(x.chains)}` : 'any chain'} (see Contrasts).`,
  );
  if (looked.length) notes.push(looked.join(' '));
  if (other.length) {
    const names = other.slice(0, 5).map((f) => `${f.ref} ${f.title}`);
    notes.push(`${other.length} other problem ${other.length === 1 ? 'finding is' : 'findings are'} not linked into any chain: ${names.join('; ')}${other.length > 5 ? '; …' : ''}.`);
  }
  if (paragraphs.length === 0 && notes.length === 0) {
    notes.push(`No known failure signature matched the evidence (${counts.inputs} inputs, ${counts.events} events shown in the timeline).`);
  }
  return { paragraphs: [...paragraphs, ...notes], notes };
}
