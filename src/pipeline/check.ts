import type { AnalysisResult, Event } from '../model/index.js';

/**
 * `expected.json` of a sample (docs/check.md): what an analysis of the sample must produce,
 * written from the incident document, never from the tool's output.
 */
export interface Expected {
  description?: string;
  source?: string;
  /** hows flags the evidence needs (--tz, --year, ...). */
  args?: string[];
  findings?: Record<string, CountSpec>;
  chains?: Array<{ steps: string[]; match?: 'exact' | 'subsequence'; open?: boolean }>;
  contrasts?: string[];
  absent?: string[];
  timeline?: Array<{ at: string; contains: string; tolerance?: string }>;
}

export interface CountSpec {
  findings?: number;
  events?: number;
  min_findings?: number;
  min_events?: number;
}

export interface CheckProblem {
  kind: 'missing' | 'count' | 'chain' | 'contrast' | 'unexpected' | 'timeline' | 'golden';
  message: string;
}

/** Compares an analysis with its expectations; an empty list means the sample passes. */
export function compareWithExpected(expected: Expected, result: AnalysisResult, timeline: readonly Event[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const byId = new Map<string, AnalysisResult['findings']>();
  for (const f of result.findings) {
    const list = byId.get(f.id);
    if (list) list.push(f);
    else byId.set(f.id, [f]);
  }

  for (const [id, spec] of Object.entries(expected.findings ?? {})) {
    const fs = byId.get(id) ?? [];
    const events = new Set(fs.flatMap((f) => f.evidence.map((e) => e.seq))).size;
    if (fs.length === 0) {
      problems.push({ kind: 'missing', message: `missing finding ${id} (${describe(spec)})` });
      continue;
    }
    if (spec.findings !== undefined && fs.length !== spec.findings) problems.push({ kind: 'count', message: `${id}: expected ${spec.findings} finding(s), got ${fs.length}` });
    if (spec.min_findings !== undefined && fs.length < spec.min_findings) problems.push({ kind: 'count', message: `${id}: expected at least ${spec.min_findings} finding(s), got ${fs.length}` });
    if (spec.events !== undefined && events !== spec.events) problems.push({ kind: 'count', message: `${id}: expected ${spec.events} event(s), got ${events}` });
    if (spec.min_events !== undefined && events < spec.min_events) problems.push({ kind: 'count', message: `${id}: expected at least ${spec.min_events} event(s), got ${events}` });
  }

  const idOf = new Map(result.findings.map((f) => [f.ref, f.id]));
  const toolChains = result.chains.map((c) => ({ ids: c.steps.map((s) => idOf.get(s.ref) ?? '?'), open: c.open !== undefined }));
  let missingChains = 0;
  (expected.chains ?? []).forEach((want, i) => {
    const mode = want.match ?? 'exact';
    const found = toolChains.find((c) => (mode === 'exact' ? sameSeq(c.ids, want.steps) : isSubsequence(want.steps, c.ids)) && (want.open === undefined || c.open === want.open));
    if (!found) {
      missingChains += 1;
      problems.push({ kind: 'chain', message: `chain ${i + 1} (${mode}${want.open !== undefined ? `, open=${want.open}` : ''}) not found: ${want.steps.join(' > ')}` });
    }
  });
  if (missingChains > 0) {
    const got = toolChains.map((c) => c.ids.join(' > ') + (c.open ? ' > (open)' : '')).join('\n        ') || '(no chains)';
    problems.push({ kind: 'chain', message: `the analysis has these chains:\n        ${got}` });
  }

  for (const id of expected.contrasts ?? []) {
    const fs = byId.get(id) ?? [];
    if (!fs.some((f) => f.role === 'contrast')) problems.push({ kind: 'contrast', message: `contrast ${id} not reported` });
  }
  for (const id of expected.absent ?? []) {
    const fs = byId.get(id) ?? [];
    if (fs.length > 0) problems.push({ kind: 'unexpected', message: `unexpected finding ${id} (${fs.length}x, first ${fs[0]!.first} at ${fs[0]!.evidence[0]?.file ?? '?'}:${fs[0]!.evidence[0]?.line ?? '?'})` });
  }

  for (const t of expected.timeline ?? []) {
    const at = Date.parse(t.at) * 1000;
    const tol = parseTolerance(t.tolerance ?? '1s');
    const hit = timeline.some((e) => e.time.utcMicros !== null && Math.abs(e.time.utcMicros - at) <= tol && (e.message.includes(t.contains) || e.raw.includes(t.contains)));
    if (!hit) problems.push({ kind: 'timeline', message: `timeline has no event "${t.contains}" at ${t.at} (±${t.tolerance ?? '1s'})` });
  }
  return problems;
}

function describe(spec: CountSpec): string {
  return Object.entries(spec)
    .map(([k, v]) => `${k.replace('_', ' ')} ${v}`)
    .join(', ');
}

function sameSeq(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** True when every element of `want` occurs in `have` in the same order. */
export function isSubsequence(want: readonly string[], have: readonly string[]): boolean {
  let i = 0;
  for (const h of have) if (i < want.length && h === want[i]) i += 1;
  return i === want.length;
}

const UNITS: Record<string, number> = { us: 1, ms: 1e3, s: 1e6, m: 60e6, h: 3600e6, d: 86400e6 };

/** `1s`, `500ms`, `2m` -> microseconds. */
export function parseTolerance(text: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(us|ms|s|m|h|d)$/.exec(text.trim());
  if (!m) throw new Error(`Invalid duration "${text}", expected e.g. 500ms, 1s, 2m`);
  return Number(m[1]) * UNITS[m[2]!]!;
}
