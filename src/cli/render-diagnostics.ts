import type { Diagnostic } from '../model/index.js';

export interface RenderOptions {
  color: boolean;
  /** Show info-level diagnostics too (-v). */
  verbose: boolean;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };

/**
 * C0 controls but TAB, DEL, C1 controls (U+009B is a one-character CSI to some terminals), bidi
 * overrides: a file name or a log line must not move the cursor, recolour, retitle or clear the
 * reader's terminal, nor start a fake line of its own. Shown as '?'.
 */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const safe = (s: string): string => s.replace(TERMINAL_UNSAFE, '?');

function place(p: NonNullable<Diagnostic['place']>): string {
  let s = safe(p.file ?? '');
  if (p.line !== undefined) s += `:${p.line}`;
  if (p.column !== undefined) s += `:${p.column}`;
  if (p.offset !== undefined && p.line !== undefined) s += ` (byte ${p.offset})`;
  return s;
}

/**
 * Renders diagnostics lnav/rustc style for stderr:
 *   warning[parse/unparsed-line]: 37 lines matched no format
 *     --> k8s02/syslog.2.gz:1042 (byte 88123)
 *      | <snippet>
 *      = help: ...
 * Plain ASCII without color when NO_COLOR is set or stderr is not a terminal.
 */
export function renderDiagnostics(diags: readonly Diagnostic[], opts: RenderOptions): string {
  const c = (k: keyof typeof COLORS, s: string): string => (opts.color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  const out: string[] = [];
  for (const d of diags) {
    if (d.severity === 'info' && !opts.verbose) continue;
    const count = d.count && d.count > 1 ? ` (${d.count} times)` : '';
    out.push(`${c(d.severity, `${d.severity}[${d.code}]`)}: ${safe(d.reason)}${count}`);
    const places = d.places && d.places.length > 0 ? d.places : d.place ? [d.place] : [];
    for (const p of places) out.push(`  --> ${place(p)}`);
    if (d.count && d.places && d.count > d.places.length) out.push(c('dim', `      ... and ${d.count - d.places.length} more`));
    if (d.snippet) out.push(`   | ${safe(d.snippet)}`);
    if (d.help) out.push(`   = help: ${safe(d.help)}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** One-line tally for the end of a run: "2 warnings, 0 errors". */
export function tally(diags: readonly Diagnostic[]): string {
  const w = diags.filter((d) => d.severity === 'warning').length;
  const e = diags.filter((d) => d.severity === 'error').length;
  return `${w} warning${w === 1 ? '' : 's'}, ${e} error${e === 1 ? '' : 's'}`;
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env);
}
