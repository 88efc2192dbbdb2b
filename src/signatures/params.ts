/**
 * Signature parameters: durations in Sigma timespan syntax (`500ms`, `5s`, `2m`, `1h`, `1d`,
 * `1w`), `$name` references to a signature's `params`, command-line overrides
 * (`--param <id>.<name>=<value>`), and params read from evidence
 * (`{default: 120s, from: {id: iscsi-session-timeout, capture: secs, unit: s}}`).
 *
 * Precedence: a command-line override, then evidence (when the caller can look it up), then the
 * file's value or default.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { LoadedSignature, ParamFromEvidence } from '../model/signature.js';

const UNIT_MICROS: Record<string, number> = {
  ms: 1e3,
  s: 1e6,
  m: 60e6,
  h: 3600e6,
  d: 86400e6,
  w: 7 * 86400e6,
};

/** Parses `5s`, `1.5m`, `500ms` into microseconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d|w)$/.exec(text.trim());
  return m ? Math.round(Number(m[1]) * UNIT_MICROS[m[2]!]!) : undefined;
}

/** The shortest exact Sigma spelling of a duration: 120000000 -> `2m`, 1500000 -> `1500ms`. */
export function formatDuration(micros: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's', 'ms']) {
    const n = micros / UNIT_MICROS[unit]!;
    if (Number.isInteger(n)) return `${n}${unit}`;
  }
  return `${micros / 1e3}ms`;
}

export function isParamRef(v: unknown): v is string {
  return typeof v === 'string' && /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v);
}

export function isFromEvidence(v: unknown): v is ParamFromEvidence {
  return typeof v === 'object' && v !== null && 'from' in v;
}

/** Overrides keyed `<id>.<name>` (RunOptions.params). */
export type ParamOverrides = Readonly<Record<string, string>>;

/** Reads a param from evidence: the capture text and a note saying where it was found. */
export type EvidenceLookup = (from: ParamFromEvidence['from'], sig: LoadedSignature) => { value: string; note: string } | undefined;

export interface ParamValue {
  value: string;
  origin: 'file' | 'default' | 'override' | 'evidence';
  /** For evidence: where the value was read (`iscsi-session-timeout at k8s02/kern.log:12`). */
  note?: string;
}

/** The current value of `sig.params[name]`, or undefined when the signature has no such param. */
export function paramValue(
  sig: LoadedSignature,
  name: string,
  overrides: ParamOverrides = {},
  lookup?: EvidenceLookup,
): ParamValue | undefined {
  const over = overrides[`${sig.id}.${name}`];
  if (over !== undefined) return { value: over, origin: 'override' };
  const p = sig.params?.[name];
  if (p === undefined) return undefined;
  if (!isFromEvidence(p)) return { value: String(p), origin: 'file' };
  const found = lookup?.(p.from, sig);
  if (found) {
    const unit = p.from.unit ?? '';
    const value = unit && /^[0-9]+(\.[0-9]+)?$/.test(found.value) ? `${found.value}${unit}` : found.value;
    return { value, origin: 'evidence', note: found.note };
  }
  return { value: String(p.default), origin: 'default' };
}

/** Resolves a value that may be a `$param` reference to its text. */
export function resolveValue(
  v: string | number | boolean,
  sig: LoadedSignature,
  overrides: ParamOverrides = {},
  lookup?: EvidenceLookup,
): { value: string | number | boolean; param?: ParamValue & { name: string } } {
  if (!isParamRef(v)) return { value: v };
  const name = v.slice(1);
  const pv = paramValue(sig, name, overrides, lookup);
  if (!pv) throw new Error(`${sig.id}: undeclared param ${v} (the loader should have refused it)`);
  const num = Number(pv.value);
  return { value: pv.value !== '' && Number.isFinite(num) ? num : pv.value, param: { ...pv, name } };
}

const TERM = /^(\$[A-Za-z_][A-Za-z0-9_]*|[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h|d|w))$/;

/**
 * The terms of a duration expression: `5s`, `$window`, `$recovery_timeout + $slack`,
 * `$window - 30s`. Undefined when the text is not one.
 */
export function durationTerms(text: string): Array<{ sign: 1 | -1; term: string }> | undefined {
  const parts = text.trim().split(/ *([+-]) */);
  const out: Array<{ sign: 1 | -1; term: string }> = [];
  for (let i = 0; i < parts.length; i += 2) {
    const term = parts[i]!;
    if (!TERM.test(term)) return undefined;
    out.push({ sign: i === 0 || parts[i - 1] === '+' ? 1 : -1, term });
  }
  return out;
}

/** A resolved duration and every param it read (in the order written). */
export interface ResolvedDuration {
  micros: number;
  /** The first param the expression reads, if any. */
  param?: ParamValue & { name: string };
  params: Array<ParamValue & { name: string }>;
}

/**
 * Resolves a duration expression (`5s`, `$window`, `$recovery_timeout + $slack`) to
 * microseconds (never below 0), with the params it came from. Undefined when a term is not a
 * duration.
 */
export function resolveDuration(text: string, sig: LoadedSignature, overrides: ParamOverrides = {}, lookup?: EvidenceLookup): ResolvedDuration | undefined {
  const terms = durationTerms(text);
  if (!terms) return undefined;
  let micros = 0;
  const params: Array<ParamValue & { name: string }> = [];
  for (const { sign, term } of terms) {
    const { value, param } = resolveValue(term, sig, overrides, lookup);
    const d = parseDuration(String(value));
    if (d === undefined) return undefined;
    micros += sign * d;
    if (param) params.push(param);
  }
  return { micros: Math.max(0, micros), ...(params[0] ? { param: params[0] } : {}), params };
}

/**
 * Parses `--param` arguments (`<id>.<name>=<value>`). Problems are diagnostics with code
 * `pattern/bad-param`; well-formed ones are returned keyed `<id>.<name>`.
 */
export function parseParamArgs(args: readonly string[]): { params: Record<string, string>; diagnostics: Diagnostic[] } {
  const params: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const a of args) {
    const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(a);
    if (m) params[`${m[1]}.${m[2]}`] = m[3]!;
    else {
      diagnostics.push({
        severity: 'error',
        code: 'pattern/bad-param',
        reason: `Unexpected --param "${a}", expected <signature-id>.<name>=<value>`,
        help: 'for example --param ext4-ro-remount.window=10s',
      });
    }
  }
  return { params, diagnostics };
}

/**
 * Checks overrides against the loaded signatures: the id and the param must exist, and a param
 * used as a duration must get a duration.
 */
export function checkOverrides(overrides: ParamOverrides, signatures: readonly LoadedSignature[]): Diagnostic[] {
  const byId = new Map(signatures.map((s) => [s.id, s]));
  const out: Diagnostic[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const dot = key.indexOf('.');
    const id = key.slice(0, dot);
    const name = key.slice(dot + 1);
    const sig = byId.get(id);
    const declared = sig?.params ? Object.keys(sig.params) : [];
    if (!sig) {
      out.push({ severity: 'error', code: 'pattern/bad-param', reason: `Unexpected --param ${key}: no signature "${id}"`, help: 'hows patterns list shows every id' });
    } else if (!declared.includes(name)) {
      out.push({
        severity: 'error',
        code: 'pattern/bad-param',
        reason: `Unexpected --param ${key}: ${id} has no param "${name}", must be: ${declared.join(', ') || '(none)'}`,
        place: { file: sig.source.file, line: sig.source.line },
      });
    } else {
      const cur = sig.params![name]!;
      const curText = isFromEvidence(cur) ? String(cur.default) : String(cur);
      if (parseDuration(curText) !== undefined && parseDuration(value) === undefined) {
        out.push({ severity: 'error', code: 'pattern/bad-param', reason: `Unexpected --param ${key}=${value}, expected a duration like 5s, 2m, 1h` });
      } else if (typeof cur === 'number' && !Number.isFinite(Number(value))) {
        out.push({ severity: 'error', code: 'pattern/bad-param', reason: `Unexpected --param ${key}=${value}, expected a number` });
      }
    }
  }
  return out;
}
