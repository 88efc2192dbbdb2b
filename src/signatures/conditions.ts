/**
 * Conditions on structured fields (`where` of event and state matches): a literal means
 * equality; an object has one or more of `eq ne in regex contains gt gte lt lte older_than
 * exists`, all of which must hold. Numbers compare numerically, other values as strings
 * (ISO timestamps order correctly). A list value satisfies a condition when one of its items
 * does (Sigma's list semantics), except `exists`. Values may be `$param`.
 */
import type { Condition, LoadedSignature } from '../model/signature.js';
import { type EvidenceLookup, type ParamOverrides, resolveDuration, resolveValue } from './params.js';

export interface ConditionContext {
  /** "Now" for `older_than`: the snapshot time in epoch micros; the condition fails without it. */
  nowMicros?: number;
}

export type CompiledCondition = (value: unknown, ctx?: ConditionContext) => boolean;

type Scalar = string | number | boolean;

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function equal(a: unknown, b: Scalar): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x === y;
  return String(a) === String(b);
}

function order(a: unknown, b: Scalar): number | undefined {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  if (a === undefined || a === null || typeof a === 'object') return undefined;
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Applies `test` to a value or, for a list, to any of its items. */
function any(v: unknown, test: (x: unknown) => boolean): boolean {
  return Array.isArray(v) ? v.some(test) : v !== undefined && v !== null && test(v);
}

export function compileCondition(
  cond: Condition,
  sig: LoadedSignature,
  overrides: ParamOverrides = {},
  lookup?: EvidenceLookup,
): CompiledCondition {
  const r = (v: Scalar): Scalar => resolveValue(v, sig, overrides, lookup).value;
  if (typeof cond !== 'object') {
    const want = r(cond);
    return (v) => any(v, (x) => equal(x, want));
  }
  const tests: CompiledCondition[] = [];
  if (cond.eq !== undefined) {
    const want = r(cond.eq);
    tests.push((v) => any(v, (x) => equal(x, want)));
  }
  if (cond.ne !== undefined) {
    const want = r(cond.ne);
    tests.push((v) => !any(v, (x) => equal(x, want)));
  }
  if (cond.in !== undefined) {
    const wants = cond.in.map(r);
    tests.push((v) => any(v, (x) => wants.some((w) => equal(x, w))));
  }
  if (cond.regex !== undefined) {
    const re = new RegExp(String(r(cond.regex)));
    tests.push((v) => any(v, (x) => re.test(String(x))));
  }
  if (cond.contains !== undefined) {
    const want = String(r(cond.contains));
    tests.push((v) => any(v, (x) => String(x).includes(want)));
  }
  const cmp = (bound: Scalar | undefined, ok: (d: number) => boolean): void => {
    if (bound === undefined) return;
    const b = r(bound);
    tests.push((v) =>
      any(v, (x) => {
        const d = order(x, b);
        return d !== undefined && ok(d);
      }),
    );
  };
  cmp(cond.gt, (d) => d > 0);
  cmp(cond.gte, (d) => d >= 0);
  cmp(cond.lt, (d) => d < 0);
  cmp(cond.lte, (d) => d <= 0);
  if (cond.older_than !== undefined) {
    const age = resolveDuration(String(cond.older_than), sig, overrides, lookup)?.micros;
    tests.push((v, ctx) => {
      if (age === undefined || ctx?.nowMicros === undefined) return false;
      return any(v, (x) => {
        const t = Date.parse(String(x));
        return Number.isFinite(t) && ctx.nowMicros! - t * 1000 > age;
      });
    });
  }
  if (cond.exists !== undefined) {
    const want = cond.exists;
    tests.push((v) => (v !== undefined && v !== null && v !== '') === want);
  }
  return (v, ctx) => tests.every((t) => t(v, ctx));
}
