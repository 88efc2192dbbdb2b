/**
 * The one generic example runner (ESLint RuleTester, remark-lint's test.js): every `match`
 * example must match with its `expect` captures, every `no_match` must not. Event signatures
 * run each line through the injected parser and `match`; composite kinds (burst, sequence,
 * absence) run the correlation over the example's lines as one small evidence set; state
 * signatures load the example text as cluster state. Meta-checks: at least 2 match and 1
 * no_match examples; a matching line passes the chunk scanner's literal gate; `how`, `answer`
 * and `unresolved` render (Handlebars strict) with the example's captures.
 */
import type { ParsedRecord } from '../model/event.js';
import type { ExampleMatch, ExampleNoMatch, LoadedSignature, MatchKind } from '../model/signature.js';
import { ENTITY_KINDS } from '../model/signature.js';
import type { ClusterState } from '../model/state.js';
import type { CompiledSignatures } from './compile.js';
import { captureNames } from './names.js';
import { STANDARD_NAMES, compileTemplate } from './templates.js';

export type LineParser = (line: string, as?: string) => ParsedRecord | undefined;
/** Parses a whole (multi-line) example text through one format: every record it holds. */
export type TextParser = (text: string, as?: string) => ParsedRecord[];
/** Runs the correlation over records (and state) and returns the findings' ids and captures. */
export type ExampleCorrelator = (set: CompiledSignatures, records: ParsedRecord[], state?: ClusterState) => Array<{ id: string; captures: Record<string, string> }>;
/** Loads an example's text (kubectl JSON, a goroutine dump) as cluster state. */
export type StateLoader = (text: string, as?: string) => ClusterState | undefined;

export interface ExampleFailure {
  kind: 'match' | 'no_match' | 'meta';
  /** 0-based index in `examples.match` / `examples.no_match`. */
  index?: number;
  line?: string;
  message: string;
}

export interface ExampleReport {
  id: string;
  file: string;
  kind: MatchKind;
  passed: boolean;
  /** Examples run (match + no_match). */
  examples: number;
  failures: ExampleFailure[];
}

export interface ExampleOptions {
  /** Only these ids (default: all). */
  ids?: readonly string[];
  correlate?: ExampleCorrelator;
  loadState?: StateLoader;
  /**
   * Parses a multi-line example through one format. Used for event examples with several lines
   * (any record may match) and for composite examples that give `as:`; without it, each line
   * is parsed on its own.
   */
  parseText?: TextParser;
}

type Outcome = { matched: boolean; captures?: Record<string, string>; problem?: string; host?: string };

function lineOf(ex: ExampleNoMatch | ExampleMatch): { line: string; as?: string } {
  return typeof ex === 'string' ? { line: ex } : { line: ex.line, ...(ex.as ? { as: ex.as } : {}) };
}

function runOne(sig: LoadedSignature, set: CompiledSignatures, parse: LineParser, opts: ExampleOptions, line: string, as: string | undefined, forMatch: boolean): Outcome {
  const kind = sig.match.kind;
  if (kind === 'event') {
    const recs = line.includes('\n') && opts.parseText ? opts.parseText(line, as) : [parse(line, as)].filter((r): r is ParsedRecord => !!r);
    if (recs.length === 0) return { matched: false, problem: 'the line did not parse (no format recognised it; give `as:`)' };
    for (const rec of recs) {
      const hit = set.match(rec).find((h) => h.id === sig.id);
      if (!hit) continue;
      const lits = forMatch ? set.literalsOf(sig.id) : null;
      if (lits && !lits.some((l) => rec.raw.includes(l))) {
        return { matched: true, captures: hit.captures, problem: `the literal gate would drop this line: none of ${JSON.stringify(lits)} is in it` };
      }
      return { matched: true, captures: hit.captures, ...(rec.host ? { host: rec.host } : {}) };
    }
    return { matched: false, ...(recs[0]?.host ? { host: recs[0].host } : {}) };
  }
  if (!opts.correlate) return { matched: false, problem: `${kind} examples need the correlation stage (ExampleOptions.correlate)` };
  let state: ClusterState | undefined;
  let records: ParsedRecord[] = [];
  if (kind === 'state') {
    if (!opts.loadState) return { matched: false, problem: 'state examples need a state loader (ExampleOptions.loadState)' };
    state = opts.loadState(line, as);
    if (!state) return { matched: false, problem: 'the example did not load as cluster state' };
  } else {
    if (as && opts.parseText) {
      records = opts.parseText(line, as);
      if (records.length === 0) return { matched: false, problem: `the example did not parse as ${as}` };
    } else {
      const lines = line.split('\n').filter((l) => l.trim() !== '');
      records = lines.map((l) => parse(l, as)).filter((r): r is ParsedRecord => !!r);
      if (records.length !== lines.length) return { matched: false, problem: `${lines.length - records.length} of ${lines.length} lines did not parse` };
    }
  }
  const found = opts.correlate(set, records, state).filter((f) => f.id === sig.id);
  return { matched: found.length > 0, ...(found[0] ? { captures: found[0].captures } : {}), ...(records[0]?.host ? { host: records[0].host } : {}) };
}

/** Renders the templates with an example's captures; returns the problems. */
function renderProblems(sig: LoadedSignature, byId: ReadonlyMap<string, LoadedSignature>, captures: Record<string, string>, host: string | undefined): string[] {
  const ctx: Record<string, unknown> = {};
  for (const k of ENTITY_KINDS) ctx[k] = `<${k}>`;
  for (const k of STANDARD_NAMES) ctx[k] = `<${k}>`;
  if (host) ctx.host = host;
  for (const [k, v] of Object.entries(captures)) ctx[k] = v;
  const caps = captureNames(sig, byId);
  const out: string[] = [];
  for (const field of ['how', 'answer', 'unresolved'] as const) {
    const src = sig[field];
    if (src === undefined) continue;
    const t = compileTemplate(src);
    if (!t.template) {
      out.push(`${field}: ${t.error}`);
      continue;
    }
    for (const n of t.template.names) {
      if (caps.has(n) && !(n in captures) && !(ENTITY_KINDS as readonly string[]).includes(n)) out.push(`${field}: {{${n}}} has no value here (the capture did not take part in the match)`);
    }
    try {
      t.template.render(ctx);
    } catch (e) {
      out.push(`${field}: ${(e as Error).message}`);
    }
  }
  return out;
}

export function runExamples(set: CompiledSignatures, parseLine: LineParser, opts: ExampleOptions = {}): ExampleReport[] {
  const byId = new Map(set.signatures.map((s) => [s.id, s]));
  const ids = opts.ids ? new Set(opts.ids) : undefined;
  const reports: ExampleReport[] = [];
  for (const sig of set.signatures) {
    if (ids && !ids.has(sig.id)) continue;
    const failures: ExampleFailure[] = [];
    const { match, no_match } = sig.examples;
    if (match.length < 2) failures.push({ kind: 'meta', message: `needs at least 2 match examples, has ${match.length}` });
    if (no_match.length < 1) failures.push({ kind: 'meta', message: 'needs at least 1 no_match example' });
    match.forEach((ex, index) => {
      const { line, as } = lineOf(ex);
      const r = runOne(sig, set, parseLine, opts, line, as, true);
      const fail = (message: string): void => void failures.push({ kind: 'match', index, line, message });
      if (r.problem) fail(r.problem);
      else if (!r.matched) fail('did not match');
      if (!r.matched || !r.captures) return;
      for (const [k, want] of Object.entries(ex.expect ?? {})) {
        const got = r.captures[k];
        if (got !== String(want)) fail(`capture ${k} is ${got === undefined ? 'missing' : JSON.stringify(got)}, expected ${JSON.stringify(String(want))}`);
      }
      for (const p of renderProblems(sig, byId, r.captures, r.host)) fail(p);
    });
    no_match.forEach((ex, index) => {
      const { line, as } = lineOf(ex);
      const r = runOne(sig, set, parseLine, opts, line, as, false);
      if (r.problem && !r.matched) failures.push({ kind: 'no_match', index, line, message: r.problem });
      else if (r.matched) failures.push({ kind: 'no_match', index, line, message: `matched but must not${typeof ex === 'object' && ex.why ? ` (${ex.why})` : ''}` });
    });
    reports.push({ id: sig.id, file: sig.source.file, kind: sig.match.kind, passed: failures.length === 0, examples: match.length + no_match.length, failures });
  }
  return reports;
}
