/**
 * Checks of one signature file beyond its schema: regexes (dialect and catastrophic
 * backtracking), entity map against captures, `$param` references and the durations they stand
 * for, template syntax, example counts. Cross-file checks are in check-refs.ts.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { ENTITY_KINDS, type LoadedSignature } from '../model/signature.js';
import { captureNames } from './names.js';
import { durationTerms, isFromEvidence, isParamRef, parseDuration } from './params.js';
import { checkRegex } from './safe-regex.js';
import { compileTemplate } from './templates.js';
import { type Path, pathLabel } from './validate.js';
import type { YamlFile } from './yaml-doc.js';

const DURATION_KEYS = new Set(['within', 'skew', 'gap', 'older_than']);

/** Every string value in `v` with its path. */
function strings(v: unknown, path: Path, out: Array<{ path: Path; value: string }>): void {
  if (typeof v === 'string') out.push({ path, value: v });
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, [...path, k], out);
}

export function checkFile(sig: LoadedSignature, y: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (severity: Diagnostic['severity'], code: string, p: Path, reason: string, help?: string, atKey = false): void => {
    const pos = y.locate(p, atKey);
    out.push({ severity, code, reason, place: { file: y.file, line: pos.line, column: pos.column }, ...(help ? { help } : {}) });
  };
  const m = sig.match;

  // Regexes: the match regex(es) and `regex` conditions.
  const regexes: Array<{ path: Path; src: string }> = [];
  if (m.kind === 'event' && m.regex !== undefined) {
    if (Array.isArray(m.regex)) m.regex.forEach((src, i) => regexes.push({ path: ['match', 'regex', i], src }));
    else regexes.push({ path: ['match', 'regex'], src: m.regex });
  }
  for (const [key, cond] of Object.entries((m.kind === 'event' || m.kind === 'state' ? m.where : undefined) ?? {})) {
    if (cond && typeof cond === 'object' && typeof cond.regex === 'string') regexes.push({ path: ['match', 'where', key, 'regex'], src: cond.regex });
  }
  for (const r of regexes) {
    for (const p of checkRegex(r.src).problems) {
      add('error', /catastroph/.test(p.message) ? 'pattern/unsafe-regex' : 'pattern/regex', r.path, `${pathLabel(r.path)}: ${p.message} (at offset ${p.at} of '${r.src}')`);
    }
  }
  if (m.kind === 'event' && m.regex === undefined && !m.where) {
    add('error', 'pattern/invalid-field', ['match'], 'an event match needs a regex or where conditions');
  }

  // Entities map: keys are captures of this signature (event and state kinds).
  if ((m.kind === 'event' || m.kind === 'state') && sig.entities) {
    const caps = captureNames(sig, new Map());
    for (const key of Object.keys(sig.entities)) {
      if (!caps.has(key)) {
        add('error', 'pattern/invalid-field', ['entities', key], `entities.${key}: no capture named "${key}", must be one of: ${[...caps].join(', ') || '(none)'}`, undefined, true);
      }
    }
  }
  // Grouping keys: entity kinds or captures.
  if (m.kind === 'event' && sig.group?.by) {
    const caps = captureNames(sig, new Map());
    sig.group.by.forEach((k, i) => {
      if (!caps.has(k) && !(ENTITY_KINDS as readonly string[]).includes(k)) {
        add('error', 'pattern/invalid-field', ['group', 'by', i], `group.by: unknown key "${k}", must be an entity kind or a capture: ${[...caps].join(', ')}`);
      }
    });
  }

  // $param references and the durations they stand for.
  const declared = sig.params ?? {};
  const found: Array<{ path: Path; value: string }> = [];
  for (const key of ['match', 'caused_by', 'group'] as const) strings(sig[key], [key], found);
  for (const { path, value } of found) {
    const last = String(path[path.length - 1]);
    const whereAt = path.lastIndexOf('where');
    const isDuration = whereAt >= 0 ? last === 'older_than' && path.length === whereAt + 3 : DURATION_KEYS.has(last);
    // A duration may be an expression of params (`$recovery_timeout + $slack`).
    const refs = isDuration ? (durationTerms(value) ?? []).map((t) => t.term).filter(isParamRef) : isParamRef(value) ? [value] : [];
    for (const ref of refs) {
      const name = ref.slice(1);
      const p = declared[name];
      if (p === undefined) {
        add('error', 'pattern/unknown-param', path, `${pathLabel(path)}: ${ref} is not declared in params, must be one of: ${Object.keys(declared).join(', ') || '(none)'}`);
      } else if (isDuration) {
        const text = isFromEvidence(p) ? String(p.default) : String(p);
        if (parseDuration(text) === undefined) add('error', 'pattern/invalid-field', ['params', name], `params.${name} "${text}" is used as a duration (${pathLabel(path)}), must be like 5s, 2m, 1h`);
      }
    }
  }

  // Templates compile (names are checked across files, where composite captures are known).
  for (const field of ['how', 'answer', 'unresolved'] as const) {
    const src = sig[field];
    if (src === undefined) continue;
    const t = compileTemplate(src);
    if (t.error) add('error', 'pattern/template', [field], `${field}: ${t.error}`);
  }

  // Example counts (the self-test fails on these too).
  if (sig.examples.match.length < 2) {
    add('error', 'pattern/examples', ['examples', 'match'], `examples.match has ${sig.examples.match.length}, needs at least 2 lines that must match`);
  }
  if (sig.examples.no_match.length < 1) {
    add('error', 'pattern/examples', ['examples', 'no_match'], 'examples.no_match is empty, needs at least 1 line that must not match', 'add a look-alike line: the contrast case');
  }
  return out;
}
