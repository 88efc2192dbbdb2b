import type { Provenance } from './provenance.js';

/**
 * A data problem, collected rather than thrown (vfile messages, pySigma collect_errors).
 * Codes are stable, `stage/what` in kebab-case: `ingest/truncated-gzip`, `parse/unparsed-line`,
 * `clock/year-inferred`, `pattern/invalid-field`.
 */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  /** What happened, in the "Unexpected X, expected Y" / "..., must be: ..." style. */
  reason: string;
  place?: Partial<Provenance> & { column?: number };
  /** The offending input text (one line, cut to a reasonable length). */
  snippet?: string;
  help?: string;
  /** How many occurrences this diagnostic stands for (grouped repeats). */
  count?: number;
  /** For grouped repeats: the first few places (the first one is also `place`). */
  places?: Array<Partial<Provenance>>;
}

/** Collects diagnostics; the one sink every stage writes to. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  error(code: string, reason: string, extra: Omit<Diagnostic, 'severity' | 'code' | 'reason'> = {}): void {
    this.add({ severity: 'error', code, reason, ...extra });
  }

  warn(code: string, reason: string, extra: Omit<Diagnostic, 'severity' | 'code' | 'reason'> = {}): void {
    this.add({ severity: 'warning', code, reason, ...extra });
  }

  info(code: string, reason: string, extra: Omit<Diagnostic, 'severity' | 'code' | 'reason'> = {}): void {
    this.add({ severity: 'info', code, reason, ...extra });
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }
}

/** Cuts a snippet to at most `max` characters for display, marking the cut. */
export function snippetOf(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
