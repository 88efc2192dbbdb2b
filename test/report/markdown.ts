/**
 * A real CommonMark + GFM-table parser for the report tests (micromark, the parser behind
 * remark), so escaping is checked against how Markdown is actually read, not against our own
 * idea of it. Raw HTML is let through (`allowDangerousHtml`) so that any HTML our escaping
 * failed to neutralise would show up in the output.
 */
import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';

export function toHtml(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
}

/** Text of HTML produced by micromark: its four entities decoded, tags removed. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Tag names in HTML output (`<td>`, `</td>` -> td). */
export function tagNames(html: string): string[] {
  return [...html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}

/** Contents of every `<td>` of the first body row. */
export function bodyCells(html: string): string[] {
  const row = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
  return [...row.matchAll(/<td(?: [^>]*)?>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
}
