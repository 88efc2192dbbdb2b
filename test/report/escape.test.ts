import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestRun, mdCellCode, mdCode, mdFence, mdText, NEWLINE_MARK, visible } from '../../src/report/escape.js';
import { bodyCells, htmlText, tagNames, toHtml } from './markdown.js';

// Strings rich in what Markdown reacts to, mixed with arbitrary Unicode.
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'|`\\*_[]()<>&#!~$=-+:."\' \t\n\r{}'.split(''), 'a', 'b', '1', '<script>', '</td>', '&lt;', '```', '\u001b', '\u202e', '\u0000') }),
  fc.string({ unit: 'grapheme' }),
  fc.string(),
);

/** `s` on one line with control characters visible, as code spans show it. */
function oneLineVisible(s: string): string {
  return visible(s.replace(/\r\n|\r|\n/g, NEWLINE_MARK));
}

/** What a cell or paragraph should show for `s`: as above, spaces and tabs around it trimmed (CommonMark). */
function shown(s: string): string {
  return oneLineVisible(s).replace(/^[ \t]+|[ \t]+$/g, '');
}

describe('mdText', () => {
  it('escapes what Markdown would read as syntax', () => {
    expect(mdText('a | b')).toBe('a \\| b');
    expect(mdText('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(mdText('`rm -rf`')).toBe('\\`rm -rf\\`');
    expect(mdText('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(mdText('*bold* _em_ ~~s~~ $x$ #1 &amp;')).toBe('\\*bold\\* \\_em\\_ \\~\\~s\\~\\~ \\$x\\$ \\#1 \\&amp;');
  });

  it('keeps intraword underscores and dotted versions readable', () => {
    expect(mdText('taint_eviction.go:111')).toBe('taint_eviction.go:111');
    expect(mdText('0.1.0')).toBe('0.1.0');
  });

  it('neutralises line starts that would open a block', () => {
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('1. item')).toBe('1\\. item');
    expect(mdText('===')).toBe('\\===');
    expect(mdText('    code')).toBe(' code');
  });

  it('keeps a value on one line and makes control characters visible', () => {
    expect(mdText('a\nb\r\nc')).toBe(`a${NEWLINE_MARK}b${NEWLINE_MARK}c`);
    expect(mdText('\u001b[31mred')).toBe('\u241b\\[31mred');
    expect(mdText('abc\u202edef')).toBe('abc\\<U+202E\\>def');
  });

  it('renders, as a paragraph, to exactly the text it was given (fast-check, micromark)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const html = toHtml(`${mdText(s)}\n`).trimEnd();
        if (shown(s) === '') {
          expect(html).toBe('');
          return;
        }
        expect(tagNames(html)).toEqual(['p', 'p']);
        expect(htmlText(html), JSON.stringify(s)).toBe(shown(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('table rows', () => {
  it('are valid rows of the same column count with no raw HTML, whatever the cell text (fast-check, micromark)', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (a, b, c) => {
        const md = `| A | B | C |\n|---|---|---|\n| ${mdText(a)} | ${mdCellCode(b)} | ${mdText(c)} |\n`;
        const html = toHtml(md);
        const cells = bodyCells(html);
        expect(cells, JSON.stringify([a, b, c])).toHaveLength(3);
        for (const t of tagNames(html)) expect(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'code']).toContain(t);
        expect(htmlText(cells[0]!), JSON.stringify([a, b, c])).toBe(shown(a));
        expect(htmlText(cells[2]!)).toBe(shown(c));
        // A pipe after an odd run of backslashes shows one backslash more (GFM; see mdCellCode).
        const codeShown = oneLineVisible(b).replace(/(\\*)\|/g, (_m, run: string) => `${run}${run.length % 2 ? '\\' : ''}|`);
        expect(htmlText(cells[1]!)).toBe(codeShown);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mdCode', () => {
  it('fences with a backtick run longer than any inside', () => {
    expect(mdCode('sdb')).toBe('`sdb`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('')).toBe('');
  });

  it('renders to exactly its text (fast-check, micromark)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const html = toHtml(`see ${mdCode(s)} here\n`);
        const text = oneLineVisible(s);
        if (text === '') return;
        expect(tagNames(html)).toEqual(['p', 'code', 'code', 'p']);
        expect(htmlText(/<code>([\s\S]*)<\/code>/.exec(html)![1]!)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mdFence', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(mdFence(['a', '```', 'b'], 'log')).toBe('````log\na\n```\nb\n````');
    expect(longestRun('a````b``', '`')).toBe(4);
    expect(mdFence('x', 'lo`g <b>')).toBe('```logb\nx\n```');
  });

  it('holds any lines verbatim, and nothing after it is swallowed (fast-check, micromark)', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 4 }), (lines) => {
        const html = toHtml(`${mdFence(lines, 'log')}\n\nafter\n`);
        const body = visible(lines.join('\n')).replace(/\r\n|\r/g, '\n');
        expect(html.trimEnd().endsWith('<p>after</p>')).toBe(true);
        const code = /<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/.exec(html)![1]!;
        expect(htmlText(code)).toBe(body === '' ? '' : `${body}${body.endsWith('\n') ? '' : '\n'}`);
      }),
      { numRuns: 300 },
    );
  });
});
