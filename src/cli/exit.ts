import type { Diagnostic } from '../model/index.js';
import { PatternLoadError } from '../pipeline/index.js';
import { TemplateError } from '../report/index.js';
import { renderDiagnostics, useColor } from './render-diagnostics.js';
import { UsageError } from './time-arg.js';

/**
 * Exit codes (README "Exit codes"):
 *   0  success (findings or not)
 *   1  a check failed: `hows check` regressions, `hows patterns test` failures
 *   2  usage error, invalid pattern files or templates, or no input could be read at all
 *   3  internal error (a bug: please report it with the command line)
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

let exitCode: number = EXIT.ok;

/** A command's verdict; the highest code set during a run is the process exit status. */
export function setExitCode(code: number): void {
  exitCode = Math.max(exitCode, code);
}

export function takeExitCode(): number {
  const c = exitCode;
  exitCode = EXIT.ok;
  return c;
}

export function printDiagnostics(diags: readonly Diagnostic[], verbose = false): void {
  process.stderr.write(renderDiagnostics(diags, { color: useColor(process.stderr), verbose }));
}

/** Maps anything a command throws to a message on stderr and an exit code; no stack traces unless HOWS_DEBUG=1. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`hows: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof PatternLoadError) {
    printDiagnostics(err.diagnostics.filter((d) => d.severity === 'error'));
    process.stderr.write(`hows: ${err.message}; fix them or leave the folder out (hows patterns lint <file> shows each problem)\n`);
    return EXIT.usage;
  }
  if (err instanceof TemplateError) {
    process.stderr.write(`hows: template error: ${err.message}\n`);
    return EXIT.usage;
  }
  const e = err as Error;
  process.stderr.write(`hows: internal error: ${e?.message ?? String(err)}\n`);
  if (process.env.HOWS_DEBUG === '1' && e?.stack) process.stderr.write(`${e.stack}\n`);
  else process.stderr.write('hows: this is a bug; run again with HOWS_DEBUG=1 for details and report it with the command line\n');
  return EXIT.internal;
}
