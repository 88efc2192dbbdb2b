import { EVERY_LINE, literalGate, SAMPLE_BYTES, type LineGate } from '../ingest/index.js';

/**
 * Gates built per format within one scanning thread. A gate picks each literal's rarest window
 * from a sample of the file it is built for (gate-windows.ts); files of one format look alike,
 * so the gate of the first file with a full sample serves the next ones.
 *
 * Why: counting the catalogue's ~2,700 candidate windows in a 64 KiB sample takes 5-70 ms,
 * which a run over many small rotations would otherwise pay per file.
 */
type Entry = { gate: LineGate; sampled: number };
/** By literal list (the matcher hands out one array), then by format. */
const cache = new WeakMap<readonly string[], Map<string, Entry>>();
const MAX_CACHED = 64;

/** Literals as the latin1 text of their UTF-8 bytes: blocks are decoded as latin1. */
function asLatin1(literals: readonly string[]): string[] {
  // eslint-disable-next-line no-control-regex
  return literals.map((l) => (/[^\x00-\x7f]/.test(l) ? Buffer.from(l, 'utf8').toString('latin1') : l));
}

/**
 * The gate for `formatId` over the signatures' `literals` (the matcher's one array) plus a few
 * `extra` ones (the scanner's own, a caller's).
 */
export function gateFor(formatId: string, literals: readonly string[], extra: readonly string[], sample: readonly string[]): LineGate {
  const bytes = Math.min(
    SAMPLE_BYTES,
    sample.reduce((a, s) => a + s.length, 0),
  );
  // Keyed by the signatures' list itself, not by its text: joining ~180 literals into a key
  // cost 35 us a file, which a folder of 2,000 small files paid 2,000 times.
  let byFormat = cache.get(literals);
  if (!byFormat) cache.set(literals, (byFormat = new Map()));
  const key = `${formatId}\u0001${extra.join('\u0000')}`;
  const hit = byFormat.get(key);
  if (hit && hit.sampled >= bytes) return hit.gate;
  const gate = literalGate(asLatin1([...literals, ...extra]), sample);
  if (gate.literals.length === 0) return EVERY_LINE;
  if (byFormat.size >= MAX_CACHED) byFormat.delete(byFormat.keys().next().value!);
  byFormat.set(key, { gate, sampled: bytes });
  return gate;
}
