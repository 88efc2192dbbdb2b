/**
 * Loads signature files (`<dir>/<family>/<id>.yml`) and `<dir>/entities.yml`, collecting every
 * problem as a Diagnostic with `file:line:col` (pySigma collect_errors): YAML syntax, schema,
 * file name = id, unique ids, referenced ids exist, regex dialect and catastrophic backtracking,
 * `$param` references, entity and placeholder names. A file with errors is left out of the set;
 * the others load.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { LoadedSignature, SignatureSpec } from '../model/signature.js';
import { type EntityConfig, loadEntityConfig } from './entities-config.js';
import { checkFile } from './check-file.js';
import { checkReferences } from './check-refs.js';
import { signatureSchema } from './schema.js';
import { SchemaValidator } from './validate.js';
import { type Position, type YamlFile, parseYaml } from './yaml-doc.js';

export interface PatternSet {
  signatures: LoadedSignature[];
  entities: EntityConfig;
  diagnostics: Diagnostic[];
  /** Every file read (signatures and entities.yml), in load order. */
  files: string[];
}

const locators = new WeakMap<LoadedSignature, YamlFile>();

/** Position of a field of a loaded signature (for messages about it after loading). */
export function locate(sig: LoadedSignature, fieldPath: Array<string | number>, atKey = false): Position {
  return locators.get(sig)?.locate(fieldPath, atKey) ?? { line: sig.source.line, column: 1 };
}

const validator = new SchemaValidator(signatureSchema);

function listYaml(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Turns the raw YAML value into a spec (examples normalised to objects, family from the folder). */
function toSpec(value: Record<string, unknown>, family: string): SignatureSpec {
  const ex = value.examples as { match: unknown[]; no_match: unknown[] };
  return {
    ...(value as unknown as SignatureSpec),
    family,
    examples: {
      match: ex.match.map((m) => (typeof m === 'string' ? { line: m } : (m as SignatureSpec['examples']['match'][number]))),
      no_match: ex.no_match as SignatureSpec['examples']['no_match'],
    },
  };
}

/**
 * Reads one signature file's text. Returns the signature when it has no errors of its own.
 * With schema errors, the checks that do not depend on the broken fields still run on a best
 * effort `partial` (pySigma collect_errors): one lint run shows every problem.
 */
export function readSignature(
  text: string,
  file: string,
  family: string,
): { signature?: LoadedSignature; partial?: LoadedSignature; diagnostics: Diagnostic[]; id?: string } {
  const y = parseYaml(text, file);
  const diagnostics = [...y.diagnostics];
  const id = typeof (y.value as { id?: unknown } | null)?.id === 'string' ? (y.value as { id: string }).id : undefined;
  const idPart = id ? { id } : {};
  const at = (p: Position): Diagnostic['place'] => ({ file, line: p.line, column: p.column });
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, ...idPart };
  if (typeof y.value !== 'object' || y.value === null || Array.isArray(y.value)) {
    diagnostics.push({ severity: 'error', code: 'pattern/invalid-field', reason: 'a signature file must be a map of fields', place: at({ line: 1, column: 1 }) });
    return { diagnostics };
  }
  const schemaErrors = validator.validate(y.value);
  for (const e of schemaErrors) {
    diagnostics.push({ severity: 'error', code: 'pattern/invalid-field', reason: e.message, place: at(y.locate(e.path, e.atKey)), ...(e.help ? { help: e.help } : {}) });
  }
  const value = y.value as Record<string, unknown>;
  const stem = path.basename(file).replace(/\.ya?ml$/, '');
  if (typeof value.id === 'string' && value.id !== stem) {
    diagnostics.push({
      severity: 'error',
      code: 'pattern/id-mismatch',
      reason: `id "${value.id}" does not match the file name "${path.basename(file)}", must be: ${stem}`,
      place: at(y.locate(['id'])),
      help: `rename the file to ${value.id}.yml or change the id`,
    });
  }
  let signature: LoadedSignature;
  try {
    signature = { ...toSpec(value, family), source: { file, line: y.locate(['match']).line } };
    locators.set(signature, y);
    diagnostics.push(...checkFile(signature, y));
  } catch (e) {
    // Only reachable with schema errors (the shape the checks rely on is broken): they are reported.
    if (schemaErrors.length === 0) throw e;
    return { diagnostics, ...idPart };
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, partial: signature, ...idPart };
  return { signature, diagnostics };
}

export interface LoadOptions {
  /** Extra single files (hows patterns lint); a file also found under a folder is read once. */
  files?: readonly string[];
}

/**
 * A signature in a later folder (or a file given to lint) replaces one of the same id from an
 * earlier folder: `--patterns my-dir` can adjust a shipped signature. Within one folder, ids
 * must be unique (checkReferences reports duplicates).
 */
function overrideAcrossRoots(signatures: LoadedSignature[], rootOf: Map<LoadedSignature, string>, diagnostics: Diagnostic[]): void {
  const latest = new Map<string, LoadedSignature>();
  for (const s of signatures) latest.set(s.id, s);
  for (let i = signatures.length - 1; i >= 0; i--) {
    const s = signatures[i]!;
    const winner = latest.get(s.id)!;
    if (winner !== s && rootOf.get(winner) !== rootOf.get(s)) {
      diagnostics.push({
        severity: 'info',
        code: 'pattern/overridden',
        reason: `${s.id} from ${s.source.file} is replaced by ${winner.source.file}`,
        place: { file: winner.source.file, line: 1, column: 1 },
      });
      signatures.splice(i, 1);
    }
  }
}

/** Loads every pattern folder in order, then the extra files, then checks across files. */
export function loadPatterns(dirs: readonly string[], opts: LoadOptions = {}): PatternSet {
  const diagnostics: Diagnostic[] = [];
  const entities: EntityConfig = { kinds: {}, extract: [], derive: [], paths: [], fields: [] };
  const signatures: LoadedSignature[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  /** Ids of files that did not load: references to them are not reported again. */
  const failed = new Set<string>();
  const texts = new Map<string, string>();
  const rootOf = new Map<LoadedSignature, string>();
  /** Signatures with errors of their own, checked across files on a best effort basis only. */
  const partials: LoadedSignature[] = [];
  const read = (file: string, root: string | undefined): void => {
    const abs = path.resolve(file);
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'pattern/unreadable', reason: (e as Error).message, place: { file } });
      return;
    }
    texts.set(file, text);
    const rel = root ? path.relative(root, file) : path.basename(file);
    if (rel === 'entities.yml' || (!root && path.basename(file) === 'entities.yml')) {
      diagnostics.push(...loadEntityConfig(parseYaml(text, file), entities));
      return;
    }
    const family = rel.includes(path.sep) ? rel.split(path.sep)[0]! : path.basename(path.dirname(path.resolve(file)));
    const r = readSignature(text, file, family);
    diagnostics.push(...r.diagnostics);
    if (r.signature) {
      signatures.push(r.signature);
      rootOf.set(r.signature, root ?? '(files)');
    }
    else if (r.id) failed.add(r.id);
    if (r.partial) partials.push(r.partial);
  };
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = listYaml(dir);
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'pattern/unreadable', reason: `can not read pattern folder: ${(e as Error).message}`, place: { file: dir } });
      continue;
    }
    // entities.yml first, so that signature checks can see the kinds it declares
    for (const f of entries.sort((a, b) => Number(path.basename(b) === 'entities.yml') - Number(path.basename(a) === 'entities.yml'))) read(f, dir);
  }
  for (const f of opts.files ?? []) read(f, undefined);
  overrideAcrossRoots(signatures, rootOf, diagnostics);
  const refs = checkReferences(signatures, (s, p, k) => locate(s, p, k), failed);
  diagnostics.push(...refs.diagnostics);
  for (const p of partials) {
    try {
      diagnostics.push(...checkReferences([...signatures, p], (s, q, k) => locate(s, q, k), failed).diagnostics.filter((d) => d.place?.file === p.source.file));
    } catch {
      // a partial signature's broken shape can defeat a check: its own errors are reported
    }
  }
  // rustc/lnav style: show the offending line under each message
  for (const d of diagnostics) {
    const text = d.place?.file !== undefined ? texts.get(d.place.file) : undefined;
    if (text !== undefined && d.place?.line && d.snippet === undefined) d.snippet = text.split('\n')[d.place.line - 1] ?? '';
  }
  return { signatures: signatures.filter((s) => !refs.refused.has(s)), entities, diagnostics, files };
}
