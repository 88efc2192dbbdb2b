/**
 * Compiles loaded signatures for matching: regexes with their required literals, `where`
 * conditions, and the source/program dispatch tables (built once, at load, as Chainsaw and
 * ESLint do), plus the literal set the chunk scanner gates raw text with.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { SOURCE_KINDS, type SourceKind } from '../model/event.js';
import type { LoadedSignature } from '../model/signature.js';
import type { EntityConfig } from './entities-config.js';
import { type CompiledCondition, compileCondition } from './conditions.js';
import { escapedVariants, requiredLiterals } from './literals.js';
import { Matcher } from './match.js';
import { regexList } from './names.js';
import { type ParamOverrides, checkOverrides } from './params.js';
import { checkRegex } from './safe-regex.js';

export interface CompiledAlternative {
  source: string;
  re: RegExp;
  /** Required literals (any one must be in the text), or null when the regex can not be gated. */
  literals: string[] | null;
}

export interface CompiledEvent {
  sig: LoadedSignature;
  /** 'message' (default), 'raw', or a structured field name. */
  field: string;
  alts: CompiledAlternative[];
  where: Array<{ key: string; capture: string; test: CompiledCondition }>;
  /** Every alternative has literals (a where-only match has none). */
  gated: boolean;
  sources: ReadonlySet<SourceKind> | null;
  programs: { exact: ReadonlySet<string>; globs: RegExp[] } | null;
}

export interface TimingRow {
  id: string;
  ms: number;
  calls: number;
  regexRuns: number;
  hits: number;
}

/** The compiled signature set: what the chunk scanner, the matcher and the correlation share. */
export interface CompiledSignatures {
  readonly signatures: readonly LoadedSignature[];
  readonly entities: EntityConfig;
  readonly overrides: ParamOverrides;
  get(id: string): LoadedSignature | undefined;
  /** Every required literal of every event signature, plus escaped spellings (JSON, `#ooo`); sorted. */
  literals(): string[];
  /** The literals of one signature (null: it can not be gated). */
  literalsOf(id: string): string[] | null;
  /** Sources and programs whose records must all be parsed because a signature has no literal; null when none. */
  ungated(): { sources: SourceKind[]; programs: string[] } | null;
  /** Event signatures matching one record, with their named captures. */
  match(record: import('../model/event.js').ParsedRecord): import('../model/scan.js').SignatureHit[];
  /** Whether a hit of this signature keeps the lines around it: all but context-role ones. */
  wantsContext(id: string): boolean;
  /** Time spent per signature (filled when HOWS_TIMING=1). */
  timing(): TimingRow[];
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

export function compileEvent(sig: LoadedSignature, overrides: ParamOverrides): CompiledEvent {
  if (sig.match.kind !== 'event') throw new Error(`${sig.id} is not an event signature`);
  const m = sig.match;
  const alts = regexList(sig).map((source) => ({ source, re: new RegExp(source), literals: requiredLiterals(checkRegex(source).ast) }));
  const where = Object.entries(m.where ?? {}).map(([key, cond]) => ({
    key,
    capture: key.replace(/[^A-Za-z0-9_]/g, '_'),
    test: compileCondition(cond, sig, overrides),
  }));
  const progs = sig.applies_to?.programs;
  return {
    sig,
    field: m.field ?? 'message',
    alts,
    where,
    // Only text that appears verbatim (or escaped) in the raw line can be gated: the message or
    // the raw line itself. A structured field may be derived by the parser (klog severity).
    gated: alts.length > 0 && alts.every((a) => a.literals !== null) && ['message', 'raw'].includes(m.field ?? 'message'),
    sources: sig.applies_to?.sources ? new Set(sig.applies_to.sources) : null,
    programs: progs
      ? { exact: new Set(progs.filter((p) => !p.includes('*'))), globs: progs.filter((p) => p.includes('*')).map(globToRegExp) }
      : null,
  };
}

export interface CompileOptions {
  /** Command-line overrides keyed `<id>.<name>`. */
  params?: ParamOverrides;
  /** Measure time per signature (default: HOWS_TIMING=1 in the environment). */
  timing?: boolean;
}

/** Whether a literal can gate raw lines of a signature matched on `field`. */
function gateLiterals(ev: CompiledEvent): string[] {
  const out: string[] = [];
  for (const a of ev.alts) for (const l of a.literals ?? []) out.push(l, ...escapedVariants(l));
  return out;
}

export function compileSignatures(
  set: { signatures: readonly LoadedSignature[]; entities: EntityConfig },
  opts: CompileOptions = {},
): { compiled: CompiledSignatures; diagnostics: Diagnostic[] } {
  const overrides = opts.params ?? {};
  const diagnostics = checkOverrides(overrides, set.signatures);
  const events = set.signatures.filter((s) => s.match.kind === 'event').map((s) => compileEvent(s, overrides));
  const literalSet = new Set<string>();
  const ungatedSources = new Set<SourceKind>();
  const ungatedPrograms = new Set<string>();
  for (const ev of events) {
    if (ev.gated) for (const l of gateLiterals(ev)) literalSet.add(l);
    else {
      for (const s of ev.sources ?? SOURCE_KINDS) ungatedSources.add(s);
      for (const p of ev.sig.applies_to?.programs ?? ['*']) ungatedPrograms.add(p);
    }
  }
  const literals = [...literalSet].sort();
  const ungated = ungatedSources.size
    ? { sources: SOURCE_KINDS.filter((s) => ungatedSources.has(s)), programs: [...ungatedPrograms].sort() }
    : null;
  const timing = opts.timing ?? process.env.HOWS_TIMING === '1';
  const matcher = new Matcher(events, timing);
  const byId = new Map(set.signatures.map((s) => [s.id, s]));
  const byEvent = new Map(events.map((e) => [e.sig.id, e]));
  const contextRole = new Set(set.signatures.filter((s) => s.role === 'context').map((s) => s.id));
  const compiled: CompiledSignatures = {
    signatures: set.signatures,
    entities: set.entities,
    overrides,
    get: (id) => byId.get(id),
    wantsContext: (id) => !contextRole.has(id),
    literals: () => literals,
    literalsOf: (id) => {
      const ev = byEvent.get(id);
      return ev?.gated ? [...new Set(gateLiterals(ev))].sort() : null;
    },
    ungated: () => ungated,
    match: (record) => matcher.match(record),
    timing: () => matcher.timing(),
  };
  return { compiled, diagnostics };
}
