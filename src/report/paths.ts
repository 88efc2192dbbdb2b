import path from 'node:path';
import type { Provenance } from '../model/index.js';

/**
 * Shows input paths in reports. With a sample root (`hows check`, golden tests) every path
 * under it is written `{sample}/rel/path`, so reports do not depend on where a checkout lives.
 * Relative paths are taken relative to the working directory, as the command line gave them.
 */
export type PathShower = (file: string) => string;

export function pathShower(sampleRoot?: string): PathShower {
  if (!sampleRoot) return (file) => file;
  const root = path.resolve(sampleRoot);
  return (file) => {
    if (file === '-' || file === '') return file;
    const rel = path.relative(root, path.resolve(file));
    if (rel === '') return '{sample}';
    if (rel.startsWith('..') || path.isAbsolute(rel)) return file;
    return `{sample}/${rel.split(path.sep).join('/')}`;
  };
}

/** `file:line` or `file:line-end`, with the path shown as above. */
export function refOf(p: Pick<Provenance, 'file' | 'line' | 'endLine'>, show: PathShower): string {
  const file = show(p.file);
  return p.endLine && p.endLine !== p.line ? `${file}:${p.line}-${p.endLine}` : `${file}:${p.line}`;
}
