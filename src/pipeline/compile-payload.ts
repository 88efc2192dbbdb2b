import { compileSignatures } from '../signatures/compile.js';
import type { CompiledSignatures } from '../signatures/index.js';
import type { SignaturePayload } from './signature-set.js';

/**
 * Rebuilds a compiled set from a payload (in a scan worker). Imports the compiler alone, not the
 * signatures stage's index: a worker needs no YAML loader.
 */
export function compilePayload(payload: SignaturePayload): CompiledSignatures {
  return compileSignatures({ signatures: payload.signatures, entities: payload.entities }, { params: payload.params }).compiled;
}
