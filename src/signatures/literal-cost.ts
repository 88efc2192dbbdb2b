import { WINDOW } from '../ingest/gate-windows.js';
import { SOURCE_KINDS, type Diagnostic, type SourceKind } from '../model/index.js';
import { FORMATS } from '../parse/index.js';
import type { CompiledSignatures } from './compile.js';

/** Sources some format reads through the gate (goroutine dumps and kubectl JSON are read whole). */
function gatedSources(): Set<SourceKind> {
  return new Set(FORMATS.filter((f) => f.gateable).map((f) => f.meta.source));
}

/**
 * What a signature costs the scanner, as lint warnings (`hows patterns lint`). The literal gate
 * (ingest/gate.ts) finds the lines that hold any signature's required literals in one
 * Wu-Manber pass over all text, with windows of WINDOW bytes; literals shorter than that are
 * searched in an extra pass (or several), and a signature with no required literal at all turns the gate
 * off: every line of its sources is then parsed and matched. Neither is wrong, both are slow on
 * gigabytes, so they are warnings with the way out.
 */
export function literalCostDiagnostics(compiled: CompiledSignatures, wanted: (file: string) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const gated = gatedSources();
  for (const sig of compiled.signatures) {
    if (sig.match.kind !== 'event' || !wanted(sig.source.file)) continue;
    const place = { file: sig.source.file, line: sig.source.line };
    const lits = compiled.literalsOf(sig.id);
    if (lits === null) {
      const hit = (sig.applies_to?.sources ?? SOURCE_KINDS).filter((k) => gated.has(k));
      if (hit.length === 0) continue;
      const sources = hit.join(', ');
      out.push({
        severity: 'warning',
        code: 'pattern/no-literal',
        reason: `Unexpected signature ${sig.id} without a fixed text of 3 bytes that every match contains: the literal gate is off, every line of ${sources} is parsed and matched`,
        place,
        help: 'Give each regex a fixed part outside alternatives and optional groups (a constant word of the message), or narrow applies_to.',
      });
      continue;
    }
    const short = lits.filter((l) => l.length < WINDOW);
    if (short.length > 0) {
      out.push({
        severity: 'warning',
        code: 'pattern/short-literal',
        reason: `Unexpected required literal${short.length > 1 ? 's' : ''} ${short.map((l) => JSON.stringify(l)).join(', ')} of ${sig.id}, shorter than ${WINDOW} bytes: short literals cost an extra pass over all text`,
        place,
        help: `Make the regex's fixed part at least ${WINDOW} bytes long: the literal is the longest fixed text every match contains.`,
      });
    }
  }
  return out;
}
