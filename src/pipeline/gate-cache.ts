import { EVERY_LINE, literalGate, SAMPLE_BYTES, type LineGate } from '../ingest/index.js';

/**
 * Gates built per format within one scanning thread. A gate picks each literal's rarest window
 * from a sample of the file it is built for (gate-windows.ts); files of one format look alike,
 * so the gate of the first file with a full sample serves the next ones.
 *
 * Why: counting the catalogue's ~2,700 candidate windows in a 64 KiB sample takes 5-70 ms,
 * which a run over many small rotations would otherwise pay per file.
 */
const cache = new Map<string, { gate: LineGate; sampled: number }>();
const MAX_CACHED = 64;

/** Literals as the latin1 text of their UTF-8 bytes: blocks are decoded as latin1. */
function asLatin1(literals: readonly string[]): string[] {
  // eslint-disable-next-line no-control-regex
  return literals.map((l) => (/[^\x00-\x7f]/.test(l) ? Buffer.from(l, 'utf8').toString('latin1') : l));
}

export function gateFor(formatId: string, literals: readonly string[], sample: readonly string[]): LineGate {
  const bytes = Math.min(
    SAMPLE_BYTES,
    sample.reduce((a, s) => a + s.length, 0),
  );
  const key = `${formatId}\u0001${literals.join('\u0000')}`;
  const hit = cache.get(key);
  if (hit && hit.sampled >= bytes) return hit.gate;
  const gate = literalGate(asLatin1(literals), sample);
  if (gate.literals.length === 0) return EVERY_LINE;
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, { gate, sampled: bytes });
  return gate;
}
