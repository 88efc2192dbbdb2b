/**
 * Which names a signature's findings carry as captures, and so which placeholders its `how`,
 * `answer` and `unresolved` templates may use. Shared by the loader (static check), the
 * self-test (render check) and the correlation (render context).
 */
import type { LoadedSignature, SignatureSpec } from '../model/signature.js';
import { ENTITY_KINDS } from '../model/signature.js';
import { parseRegex } from './regex-ast.js';
import { STANDARD_NAMES } from './templates.js';

export function regexList(spec: Pick<SignatureSpec, 'match'>): string[] {
  if (spec.match.kind !== 'event' || spec.match.regex === undefined) return [];
  return Array.isArray(spec.match.regex) ? spec.match.regex : [spec.match.regex];
}

/** Capture names as placeholders: dots and dashes become `_` (`status.terminatingReplicas` -> `status_terminatingReplicas`). */
export function captureKey(path: string): string {
  return path.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Ids a composite signature is built from (burst `of`, sequence steps, absence ids). */
export function memberIds(spec: Pick<SignatureSpec, 'match'>): string[] {
  const m = spec.match;
  switch (m.kind) {
    case 'burst':
      return [m.of];
    case 'sequence':
      return m.steps.flatMap((s) => (Array.isArray(s) ? s : [s]));
    case 'absence':
      return [m.of, ...m.not_followed_by, ...(m.recovered_by ?? [])];
    default:
      return [];
  }
}

/**
 * Captures a finding of `sig` can have. Event: the regexes' named groups. Burst, sequence,
 * absence: their members' captures. State: `kind`, `name`, `namespace`, `ref` (namespace/name), each `where` path (as
 * captureKey), and per join `<join>` (related names) and `<join>_count`.
 */
export function captureNames(sig: SignatureSpec, byId: ReadonlyMap<string, SignatureSpec>, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(sig.id)) return out;
  seen.add(sig.id);
  const m = sig.match;
  if (m.kind === 'event') {
    for (const r of regexList(sig)) for (const n of parseRegex(r).names) out.add(n);
    for (const k of Object.keys(m.where ?? {})) out.add(captureKey(k));
  } else if (m.kind === 'state') {
    for (const n of ['kind', 'name', 'namespace', 'ref']) out.add(n);
    for (const k of Object.keys(m.where ?? {})) out.add(captureKey(k));
    for (const j of Object.keys(m.join ?? {})) {
      out.add(j);
      out.add(`${j}_count`);
    }
  } else {
    const members = m.kind === 'absence' ? [m.of, ...(m.recovered_by ?? [])] : memberIds(sig);
    for (const id of members) {
      const s = byId.get(id);
      if (s) for (const n of captureNames(s, byId, seen)) out.add(n);
    }
  }
  return out;
}

/** Every placeholder a template of `sig` may use. */
export function placeholderNames(sig: SignatureSpec, byId: ReadonlyMap<string, SignatureSpec>): Set<string> {
  return new Set([...captureNames(sig, byId), ...ENTITY_KINDS, ...STANDARD_NAMES]);
}

export function byIdMap(signatures: readonly LoadedSignature[]): Map<string, LoadedSignature> {
  return new Map(signatures.map((s) => [s.id, s]));
}
