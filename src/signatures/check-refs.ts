/**
 * Checks across signature files: ids are unique, every referenced id exists (caused_by, burst
 * `of`, sequence steps, absence ids, contrasts, params read from evidence), composites do not
 * depend on themselves, and template placeholders name something a finding will have.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { LoadedSignature } from '../model/signature.js';
import { captureNames, memberIds, placeholderNames } from './names.js';
import { isFromEvidence } from './params.js';
import { compileTemplate } from './templates.js';
import type { Path } from './validate.js';
import type { Position } from './yaml-doc.js';

type Locate = (sig: LoadedSignature, path: Path, atKey?: boolean) => Position;

/** Every id `sig` refers to, with the field path it is written at. */
export function references(sig: LoadedSignature): Array<{ id: string; path: Path }> {
  const out: Array<{ id: string; path: Path }> = [];
  const m = sig.match;
  if (m.kind === 'burst') out.push({ id: m.of, path: ['match', 'of'] });
  if (m.kind === 'sequence') {
    m.steps.forEach((s, i) => {
      if (Array.isArray(s)) s.forEach((id, j) => out.push({ id, path: ['match', 'steps', i, j] }));
      else out.push({ id: s, path: ['match', 'steps', i] });
    });
  }
  if (m.kind === 'absence') {
    out.push({ id: m.of, path: ['match', 'of'] });
    m.not_followed_by.forEach((id, i) => out.push({ id, path: ['match', 'not_followed_by', i] }));
    (m.recovered_by ?? []).forEach((id, i) => out.push({ id, path: ['match', 'recovered_by', i] }));
  }
  (sig.caused_by ?? []).forEach((c, i) => out.push({ id: c.id, path: ['caused_by', i, 'id'] }));
  (sig.contrasts ?? []).forEach((id, i) => out.push({ id, path: ['contrasts', i] }));
  for (const [name, p] of Object.entries(sig.params ?? {})) {
    if (isFromEvidence(p)) out.push({ id: p.from.id, path: ['params', name, 'from', 'id'] });
  }
  return out;
}

/**
 * `failed`: ids of files that did not load (their own errors are reported): a reference to one
 * is not reported again, but a composite built on it is still refused.
 */
export function checkReferences(
  all: readonly LoadedSignature[],
  locate: Locate,
  failed: ReadonlySet<string> = new Set(),
): { diagnostics: Diagnostic[]; refused: Set<LoadedSignature> } {
  const diagnostics: Diagnostic[] = [];
  const refused = new Set<LoadedSignature>();
  const err = (sig: LoadedSignature, code: string, path: Path, reason: string, help?: string): void => {
    const p = locate(sig, path);
    diagnostics.push({ severity: 'error', code, reason, place: { file: sig.source.file, line: p.line, column: p.column }, ...(help ? { help } : {}) });
  };
  const byId = new Map<string, LoadedSignature>();
  for (const sig of all) {
    const first = byId.get(sig.id);
    if (first) {
      err(sig, 'pattern/duplicate-id', ['id'], `duplicate id "${sig.id}", already defined in ${first.source.file}`);
      refused.add(sig);
    } else byId.set(sig.id, sig);
  }
  const live = all.filter((s) => !refused.has(s));
  for (const sig of live) {
    for (const r of references(sig)) {
      const target = byId.get(r.id);
      if (!target && failed.has(r.id)) {
        if (r.path[0] === 'match') refused.add(sig);
      } else if (!target) {
        const near = [...byId.keys()].filter((k) => k.split('-')[0] === r.id.split('-')[0]).slice(0, 5);
        err(sig, 'pattern/unknown-id', r.path, `unknown signature id "${r.id}"`, near.length ? `did you mean: ${near.join(', ')}?` : undefined);
        if (r.path[0] === 'match') refused.add(sig);
      } else if (r.path[0] === 'params') {
        const name = String(r.path[1]);
        const p = sig.params![name]!;
        const caps = captureNames(target, byId);
        if (isFromEvidence(p) && !caps.has(p.from.capture)) {
          err(sig, 'pattern/invalid-field', ['params', name, 'from', 'capture'], `params.${name}.from.capture: ${r.id} has no capture "${p.from.capture}", must be one of: ${[...caps].join(', ')}`);
        }
      }
    }
  }
  // Composites must not depend on themselves.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const sig = byId.get(id);
    if (!sig || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      err(sig, 'pattern/cycle', ['match'], `${id} depends on itself: ${[...trail, id].join(' -> ')}`);
      refused.add(sig);
      return;
    }
    state.set(id, 'visiting');
    for (const m of memberIds(sig)) visit(m, [...trail, id]);
    state.set(id, 'done');
  };
  for (const sig of live) visit(sig.id, []);
  // Placeholders name captures, entity kinds or standard names.
  for (const sig of live) {
    if (refused.has(sig) || references(sig).some((r) => failed.has(r.id))) continue;
    const known = placeholderNames(sig, byId);
    for (const field of ['how', 'answer', 'unresolved'] as const) {
      const src = sig[field];
      const t = src === undefined ? undefined : compileTemplate(src).template;
      for (const name of t?.names ?? []) {
        if (!known.has(name)) {
          err(sig, 'pattern/template', [field], `${field}: placeholder {{${name}}} does not resolve, must be one of: ${[...known].sort().join(', ')}`);
        }
      }
    }
  }
  return { diagnostics, refused };
}
