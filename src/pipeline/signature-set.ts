import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, LoadedSignature } from '../model/index.js';
import { cachedPatternSet } from './signature-cache.js';
import { compileSignatures, loadPatterns, parseParamArgs, type CompiledSignatures, type PatternSet } from '../signatures/index.js';

/** The catalogue shipped with hows: <package>/patterns (this file is <package>/{src,dist}/pipeline/). */
export const BUILTIN_PATTERNS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../patterns');

/** The shipped catalogue (unless `builtin` is false: then only its entities.yml), the extra folders, the files. */
export function loadSignatureSet(extra: readonly string[], builtin = true, files: readonly string[] = []): PatternSet {
  const dirs = builtin ? [BUILTIN_PATTERNS, ...extra] : [...extra];
  const all = builtin ? [...files] : [path.join(BUILTIN_PATTERNS, 'entities.yml'), ...files];
  return cachedPatternSet(dirs, all, () => loadPatterns(dirs, { files: all }));
}

/** What a worker needs to rebuild the compiled set without reading pattern files again. */
export interface SignaturePayload {
  signatures: LoadedSignature[];
  entities: PatternSet['entities'];
  params: Record<string, string>;
}

export interface PreparedSignatures {
  payload: SignaturePayload;
  compiled: CompiledSignatures;
  diagnostics: Diagnostic[];
}

/** Loads, validates and compiles the signatures for a run; errors are returned, not thrown. */
export function prepareSignatures(extra: readonly string[], paramArgs: readonly string[], builtin = true): PreparedSignatures {
  const set = loadSignatureSet(extra, builtin);
  const { params, diagnostics: paramDiags } = parseParamArgs(paramArgs);
  const { compiled, diagnostics } = compileSignatures(set, { params, timing: process.env.HOWS_TIMING === '1' });
  return { payload: { signatures: set.signatures, entities: set.entities, params }, compiled, diagnostics: [...set.diagnostics, ...paramDiags, ...diagnostics] };
}

export { compilePayload } from './compile-payload.js';
