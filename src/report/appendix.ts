import type { AnalysisResult, ClockAssumption, Diagnostic } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import { refOf, type PathShower } from './paths.js';
import type { AssumptionView, InputView, WarningView } from './view-model.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function assumptionViews(assumptions: readonly ClockAssumption[], show: PathShower): AssumptionView[] {
  return assumptions
    .map((a) => ({ kind: a.kind, text: a.text, files: [...a.files].map(show).sort(cmp), events: a.events }))
    .sort((a, b) => cmp(a.kind, b.kind) || cmp(a.text, b.text));
}

/** Diagnostics in a stable order (file, line, code, reason), whatever order the stages found them in. */
export function warningViews(warnings: readonly Diagnostic[], show: PathShower): WarningView[] {
  const place = (d: Diagnostic): string | null => {
    const p = d.place;
    if (!p?.file) return null;
    return p.line ? refOf({ file: p.file, line: p.line, endLine: p.endLine }, show) : show(p.file);
  };
  return warnings
    .map((d) => ({
      severity: d.severity,
      code: d.code,
      reason: d.reason,
      place: place(d),
      snippet: d.snippet ?? null,
      help: d.help ?? null,
      count: d.count ?? 1,
      sortFile: d.place?.file ?? '',
      sortLine: d.place?.line ?? 0,
    }))
    .sort((a, b) => cmp(a.sortFile, b.sortFile) || a.sortLine - b.sortLine || cmp(a.code, b.code) || cmp(a.reason, b.reason))
    .map(({ sortFile: _f, sortLine: _l, ...w }) => w);
}

export function inputViews(result: AnalysisResult, clock: DisplayClock, show: PathShower): InputView[] {
  return [...result.inputs]
    .sort((a, b) => cmp(a.path, b.path))
    .map((i) => ({
      path: show(i.path),
      format: i.format,
      host: i.host ?? null,
      hostSource: i.hostSource ?? null,
      gzip: i.gzip,
      bytes: i.bytes,
      uncompressedBytes: i.uncompressedBytes,
      lines: i.lines,
      unparsedLines: i.unparsedLines,
      sha256: i.sha256,
      first: clock.iso(i.first),
      last: clock.iso(i.last),
      skipped: i.skipped ?? null,
    }));
}
