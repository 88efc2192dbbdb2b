import type { AnalysisResult, Finding } from '../model/index.js';
import { andList, highestLevel } from './chains-view.js';
import type { DisplayClock } from './display-time.js';
import { formatDuration } from './display-time.js';
import { entityLists } from './findings-view.js';
import type { ChainView, ContrastView, FindingView, IncidentView, TimeView } from './view-model.js';

const SEVERITY: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Low' };

function at(t: TimeView | null): string {
  return t ? `${t.date} ${t.zoned}` : 'an unknown time';
}

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

/** `devices sdb, sdc; PVCs pvc-746b2837` for the entities named by a set of findings. */
export function entityClause(findings: readonly Finding[]): string {
  const merged: Finding['entities'] = {};
  for (const f of findings) {
    for (const [k, v] of Object.entries(f.entities) as Array<[keyof Finding['entities'], string[] | undefined]>) {
      if (v) merged[k] = [...(merged[k] ?? []), ...v];
    }
  }
  return entityLists(merged)
    .filter((l) => ['node', 'device', 'pvc', 'pod', 'workload', 'service', 'container', 'connection'].includes(l.kind))
    .map((l) => `${l.label} ${l.values.join(', ')}`)
    .join('; ');
}

/**
 * The executive summary as paragraphs: a few generated sentences per chain naming hosts,
 * entities and times, then one paragraph for the contrasts and one for unlinked findings.
 */
export function summarySentences(
  chains: ChainView[],
  byRef: ReadonlyMap<string, Finding>,
  contrasts: readonly ContrastView[],
  other: readonly FindingView[],
  counts: { inputs: number; events: number },
): string[] {
  const out: string[] = [];
  for (const c of chains) {
    const members = [...c.symptoms, ...c.steps.map((s) => s.ref)].map((r) => byRef.get(r)).filter((f): f is Finding => !!f);
    const top = c.steps[0]?.finding;
    const root = c.steps[c.steps.length - 1]?.finding;
    const sentences: string[] = [];
    const entities = entityClause(members);
    if (top) {
      sentences.push(`Chain ${c.n} (${c.title}): ${top.title} on ${top.host ?? (andList(c.hosts) || 'an unknown host')} at ${at(top.first)}${entities ? ` (${entities})` : ''}.`);
    }
    if (root && top && c.steps.length > 1) {
      const links = c.steps.length - 1;
      sentences.push(`The evidence traces it back through ${links} causal ${links === 1 ? 'link' : 'links'} to ${root.title} on ${root.host ?? 'an unknown host'} at ${at(root.first)}.`);
    } else if (top) {
      sentences.push('No earlier cause was linked to it in the evidence.');
    }
    if (c.open) sentences.push(`The evidence ends there: ${c.open.question} Not determined from the evidence given; ${sentence(c.open.hint)}`);
    if (c.hosts.length > 1) sentences.push(`Hosts involved: ${andList(c.hosts)}.`);
    c.summary = sentences;
    out.push(sentences.join(' '));
  }
  const looked = contrasts.map(
    (x) =>
      `${x.finding.title} on ${x.finding.host ?? 'an unknown host'} at ${at(x.finding.first)} looked related but is not part of ${x.chains.length ? `chain ${andList(x.chains)}` : 'any chain'} (see Contrasts).`,
  );
  if (looked.length) out.push(looked.join(' '));
  if (other.length) {
    const names = other.slice(0, 5).map((f) => `${f.ref} ${f.title}`);
    out.push(`${other.length} other ${other.length === 1 ? 'finding is' : 'findings are'} not linked into any chain: ${names.join('; ')}${other.length > 5 ? '; …' : ''}.`);
  }
  if (out.length === 0) out.push(`No known failure signature matched the evidence (${counts.inputs} inputs, ${counts.events} events shown in the timeline).`);
  return out;
}
