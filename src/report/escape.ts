/**
 * Escaping for every place log text can land in Markdown. Log lines are hostile input: a `|`
 * must not split a table cell, a backtick run must not close a code span or fence, `<script>`
 * must render as text, and terminal escape sequences must not reach a reader's terminal.
 *
 * Every function here returns Markdown that renders to exactly the characters of the input
 * (control and bidi characters made visible), in the context it is written for.
 */

/** Shown where a line break was inside a value that must stay on one line. */
export const NEWLINE_MARK = ' ⏎ ';

// C0 controls except TAB, and DEL: shown as their Unicode "control pictures" (U+2400 block).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// C1 controls and the bidi overrides/isolates ("trojan source"): shown as <U+XXXX>.
const INVISIBLE = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Makes control and bidi characters visible; keeps TAB and LF. */
export function visible(text: string): string {
  return text
    .replace(CONTROL, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)))
    .replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Joins the lines of a value that must stay on one line (CRLF, CR and LF all count). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, NEWLINE_MARK);
}

// ASCII punctuation that can start Markdown syntax anywhere in a line: emphasis, code, links,
// images, HTML/autolinks, entities, tables, strikethrough, math, headings.
// `_` is found with them and kept when between two letters or digits.
const SPECIAL = /[\\`*[\]<>&|~$#_]/g;
const ALNUM = /[\p{L}\p{N}]/u;

function escapeSpecial(c: string, i: number, text: string): string {
  if (c !== '_') return `\\${c}`;
  return ALNUM.test(text[i - 1] ?? '') && ALNUM.test(text[i + 1] ?? '') ? c : '\\_';
}

/**
 * Escapes text for Markdown prose and table cells: the result renders as the literal text on
 * one line (leading whitespace cut to one space), with no HTML, links, emphasis or code. `_` is left alone between two letters or
 * digits (CommonMark never treats it as emphasis there), so `taint_eviction.go` stays readable.
 */
export function mdText(value: string): string {
  // Leading whitespace is cut to one space: four would start an indented code block.
  const text = visible(oneLine(value)).replace(/^[ \t]+/, ' ');
  // One regex pass instead of a string built char by char: mdText was 0.12 s of the 100 MB
  // bench corpus's rendering (every timeline cell goes through it).
  const out = text.replace(SPECIAL, escapeSpecial);
  // A value that may start a line must not open a list item, a setext underline or a
  // thematic break: that leading marker is escaped (`\-` renders as `-`).
  return out
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)([-=])(?=[-=\s]*$)/, '$1\\$2');
}

/** Length of the longest run of `ch` in `text`. */
export function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/**
 * An inline code span showing `value` verbatim on one line: the backtick fence is one longer
 * than any backtick run inside, padded with a space when the value starts or ends with a
 * backtick or would lose a space to CommonMark's stripping. Empty values give ''.
 */
export function mdCode(value: string): string {
  const text = visible(oneLine(value));
  if (text === '') return '';
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '');
  return pad ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/**
 * An inline code span inside a GFM table cell: as `mdCode`, with every `|` escaped. GFM splits
 * cells on pipes not escaped by an odd run of backslashes, even inside code spans, and then
 * removes one backslash. A pipe after an even run of k backslashes (usually none) is written
 * with k+1 and shows exactly; after an odd run it is written with k+2 and shows one backslash
 * more than the log has (a GFM limitation; the row never splits).
 */
export function mdCellCode(value: string): string {
  return mdCode(value).replace(/(\\*)\|/g, (_m, run: string) => `${run}${run.length % 2 ? '\\\\' : '\\'}|`);
}

/**
 * A fenced code block holding `lines` verbatim (control characters made visible). The fence
 * is a backtick run longer than any inside, so no line can close it; the info string keeps
 * only characters that cannot end or confuse it.
 */
export function mdFence(content: string | readonly string[], info = ''): string {
  const text = visible(typeof content === 'string' ? content : content.join('\n')).replace(/\r\n|\r/g, '\n');
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const lang = info.replace(/[^A-Za-z0-9_+.-]/g, '');
  return `${fence}${lang}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${fence}`;
}
