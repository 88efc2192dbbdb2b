import { expect } from 'vitest';
import { tagNames, toHtml } from './markdown.js';
import { fences, gfmCells, tables } from './md-structure.js';
import { checkFlowchart, checkGantt } from './mermaid-check.js';

const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'strong', 'em', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'br']);

/** What every rendered report must satisfy, whatever its content. */
export function expectWellFormed(md: string): void {
  for (const t of tables(md)) {
    const width = gfmCells(t[0]!);
    for (const row of t) expect(gfmCells(row), row).toBe(width);
  }
  for (const tag of tagNames(toHtml(md))) expect(ALLOWED_TAGS, `unexpected <${tag}>`).toContain(tag);
  for (const f of fences(md, 'mermaid')) expect(f.startsWith('gantt') ? checkGantt(f) : checkFlowchart(f), f).toEqual([]);
  expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
}

