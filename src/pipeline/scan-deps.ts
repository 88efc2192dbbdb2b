import type { ParseOptions } from '../model/index.js';
import { withEmbeddedDumps } from '../parse/embedded-dump.js';
import { getFormat, sniffFormat, textFormat } from '../parse/index.js';
import type { CompiledSignatures } from '../signatures/index.js';
import { rawCheck } from './raw-check.js';
import { FORMAT_LITERALS, type ScanDeps, type ScanOptions } from './scan-file.js';

/** The real parse-stage registry and signature matcher, as the scanner needs them. */
export function scanDeps(compiled: CompiledSignatures): ScanDeps {
  return {
    formats: {
      sniff: (lines, file) => {
        const r = sniffFormat(lines, { file });
        return { format: r.format, diagnostics: r.diagnostics };
      },
      get: getFormat,
      fallback: () => textFormat,
    },
    matcher: compiled,
    rawCheck: rawCheck(compiled.signatures, (id) => compiled.literalsOf(id), FORMAT_LITERALS),
    embedDumps: withEmbeddedDumps,
  };
}

/** Scan options that are plain data (they cross into worker threads). */
export interface ScanConfig {
  all: boolean;
  context: number;
  as?: string;
  host?: string;
  parse: ParseOptions;
}

export function scanOptions(c: ScanConfig): ScanOptions {
  return { all: c.all, context: c.context, parse: c.parse, ...(c.as ? { as: c.as } : {}), ...(c.host ? { host: c.host } : {}) };
}
