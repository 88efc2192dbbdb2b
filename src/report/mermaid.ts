/**
 * Escaping for Mermaid source. Labels come from log text and signature titles, so they are
 * written in the one form Mermaid parses without surprises: ids from a closed alphabet,
 * flowchart labels in double quotes with Mermaid entity codes, gantt texts from a whitelist.
 * The grammar facts used here are from Mermaid's flowchart and gantt grammars (jison).
 */

import { visible, oneLine } from './escape.js';

// Words the flowchart lexer reads as keywords wherever an id could stand.
const RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'style', 'linkstyle', 'classdef', 'class', 'click', 'call', 'href', 'direction', 'default']);

/** A flowchart / gantt id: `[A-Za-z][A-Za-z0-9_]*`, never a keyword, stable for the same input. */
export function mermaidId(value: string): string {
  const id = value.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(id) && !RESERVED.has(id.toLowerCase()) ? id : `n_${id}`;
}

// Characters with meaning inside a quoted flowchart label, written as Mermaid entity codes
// (`#quot;`, `#35;`...). `#` itself must be escaped or `#12;` in a log line would decode; `|`
// (edge label delimiter) and `%` (`%%` comments) are encoded too, though quotes protect them.
const ENTITY: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
  '|': '#124;',
  '%': '#37;',
};

/** A quoted flowchart label (`"..."`), one line, at most `max` characters of text. */
export function mermaidLabel(value: string, max = 120): string {
  let text = visible(oneLine(value)).replace(/\t/g, ' ').trim();
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return `"${text.replace(/["#<>&`|%]/g, (c) => ENTITY[c]!)}"`;
}

// Words the gantt lexer takes as statements when a task or section text starts with them.
const GANTT_KEYWORDS =
  /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|title|accdescr|acctitle|accdescription|section|click|call|href)/i;

/**
 * Text for a gantt title, section or task name: the lexer ends these at `#`, `:`, `;` and
 * newlines and reads `%%` as a comment, so only letters, digits, spaces and a few safe marks
 * are kept. A text that would start with a keyword or a date is prefixed so it stays a text.
 */
export function mermaidText(value: string, max = 80): string {
  let text = oneLine(value)
    .replace(/[^\p{L}\p{N} _.,()/+=@!?-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > max) text = `${text.slice(0, max - 1).trimEnd()}…`;
  if (text === '' || GANTT_KEYWORDS.test(text) || /^\d{4}-\d\d-\d\d/.test(text)) text = `- ${text}`.trimEnd();
  return text;
}
