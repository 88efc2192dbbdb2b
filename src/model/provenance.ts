/**
 * Where a piece of evidence was read. Every event, finding and diagnostic carries one or more of
 * these so a reader can go from any sentence of a report back to the input line.
 */
export interface Provenance {
  /** Path as given on the command line or found under a given directory ('-' for stdin). */
  file: string;
  /** 1-based line number of the first line of the record. */
  line: number;
  /** 1-based line number of the last line when a record spans several lines. */
  endLine?: number;
  /** Byte offset of the first byte of the line in the (decompressed) stream. */
  offset: number;
}

/** Renders `file:line` (or `file:line-endLine`), the reference format used in every report. */
export function formatRef(p: Pick<Provenance, 'file' | 'line' | 'endLine'>): string {
  return p.endLine && p.endLine !== p.line ? `${p.file}:${p.line}-${p.endLine}` : `${p.file}:${p.line}`;
}

/** Orders provenance by file path then line: the stable order used in every output. */
export function compareProvenance(a: Provenance, b: Provenance): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}
