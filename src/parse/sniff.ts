import type { Diagnostic, Format } from '../model/index.js';
import { snippetOf } from '../model/index.js';
import { isBlank } from './text/chars.js';
import { FORMATS } from './registry.js';
import { textFormat } from './formats/text.js';

/**
 * Picks a file's format from its first non-empty lines (content only, never the name): every
 * registered format scores the lines, the highest wins (ties: registry order). A weak winner
 * falls back to text, and a close runner-up of another source kind is reported, so a wrong
 * guess is visible and `--as` can correct it.
 */

/** How many non-empty lines the scanner should hand to `sniffFormat`. */
export const SNIFF_LINES = 32;
/** Below this, no format is trusted and the file is read as text. */
export const MIN_SCORE = 0.3;
/** A runner-up closer than this to the winner makes the choice ambiguous. */
export const MARGIN = 0.1;

export interface SniffResult {
  format: Format;
  score: number;
  /** Every format's score, best first (for `--verbose` and tests). */
  scores: Array<{ id: string; score: number }>;
  diagnostics: Diagnostic[];
}

export function sniffFormat(
  lines: readonly string[],
  opts: { file?: string; formats?: readonly Format[] } = {},
): SniffResult {
  const formats = opts.formats ?? FORMATS;
  const sample = lines.filter((l) => !isBlank(l)).slice(0, SNIFF_LINES);
  const scored = formats.map((format, order) => ({ format, order, score: sample.length ? format.sniff(sample) : 0 }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const scores = scored.map((s) => ({ id: s.format.meta.id, score: Math.round(s.score * 1000) / 1000 }));
  const diagnostics: Diagnostic[] = [];
  const place = opts.file === undefined ? undefined : { file: opts.file, line: 1 };
  const best = scored[0];
  if (!best || best.score < MIN_SCORE) {
    const fallback = formats.find((f) => f.meta.id === textFormat.meta.id) ?? textFormat;
    if (sample.length > 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'parse/unknown-format',
        reason: `Unexpected content, expected one of the known log formats (best: ${best?.format.meta.id ?? 'none'} at ${scores[0]?.score ?? 0}); read as plain text`,
        ...(place ? { place } : {}),
        snippet: snippetOf(sample[0]!),
        help: 'Every line is kept as an untimed text record. Force a format with --as <format> (see hows --help for the list).',
      });
    }
    return { format: fallback, score: best?.score ?? 0, scores, diagnostics };
  }
  const rival = scored.find((s) => s !== best && s.format.meta.source !== best.format.meta.source);
  if (rival && rival.score > 0 && best.score - rival.score < MARGIN) {
    diagnostics.push({
      severity: 'info',
      code: 'parse/ambiguous-format',
      reason: `Ambiguous format: the first lines read as ${best.format.meta.id} (${best.score.toFixed(2)}) and ${rival.format.meta.id} (${rival.score.toFixed(2)}) alike; read as ${best.format.meta.id}`,
      ...(place ? { place } : {}),
      snippet: snippetOf(sample[0]!),
      help: `If the file is ${rival.format.meta.title}, pass --as ${rival.format.meta.id}.`,
    });
  }
  return { format: best.format, score: best.score, scores, diagnostics };
}
