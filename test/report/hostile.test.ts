import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/report/escape.js';
import { buildReportModel, renderMarkdown } from '../../src/report/index.js';
import { EVIL, hostile, HOSTILE_ROOT } from '../fixtures/report/hostile.js';
import { expectGolden } from './golden.js';
import { bodyCells, htmlText, tagNames, toHtml } from './markdown.js';
import { fences, gfmCells, tables } from './md-structure.js';
import { expectWellFormed } from './well-formed.js';

const model = () => buildReportModel({ ...hostile(), displayTz: 'UTC', all: true, sampleRoot: HOSTILE_ROOT });

describe('hostile log text', () => {
  for (const name of ['pir', 'timeline'] as const) {
    it(`renders harmlessly in the ${name}: tables keep their columns, no HTML, valid Mermaid`, () => {
      const md = renderMarkdown(model(), name);
      expectWellFormed(md);
      const html = toHtml(md);
      expect(html).not.toMatch(/<script|<img|<b>|<i>|href="javascript/i);
      expect(html).not.toMatch(/<h[1-6]>heading/);
      expect(html).not.toContain('\u001b');
      expect(html).not.toContain('\u202e');
    });
  }

  it('quotes the evidence lines verbatim in fences, with control characters made visible', () => {
    const md = renderMarkdown(model(), 'pir');
    const quoted = fences(md, 'log').join('\n');
    for (const text of EVIL.slice(0, 4)) expect(quoted).toContain(text);
    expect(quoted).toContain(visible(EVIL[5]!));
    const html = toHtml(md);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows escaped text as the same characters once rendered', () => {
    const html = toHtml(renderMarkdown(model(), 'pir'));
    expect(html).toContain('How did a | b || c \\| d happen?');
    expect(html).toContain('Because &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; and # heading ⏎ - item ⏎ &gt; quote ⏎ ---');
  });

  it('matches its golden file', async () => {
    await expectGolden(renderMarkdown(model(), 'pir'), path.resolve(__dirname, '../fixtures/report/golden/hostile.pir.md'));
  });
});

describe('a timeline row built from arbitrary strings (fast-check, micromark)', () => {
  const base = model();
  it('stays one valid row of five cells with no HTML, showing the strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), fc.string(), fc.string(), (host, source, what, ref) => {
        const m = structuredClone(base);
        m.timeline.rows = [{ ...m.timeline.rows[0]!, kind: 'event', host, source, what, refs: [ref], tags: [], context: false, until: null }];
        const md = renderMarkdown(m, 'timeline');
        const table = tables(md)[0]!;
        expect(table).toHaveLength(3);
        for (const row of table) expect(gfmCells(row)).toBe(5);
        const html = toHtml(table.join('\n'));
        for (const t of tagNames(html)) expect(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'code']).toContain(t);
        const cells = bodyCells(html).map(htmlText);
        const one = (v: string): string => visible(v.replace(/\r\n|\r|\n/g, ' ⏎ ')).replace(/^[ \t]+|[ \t]+$/g, '');
        expect(cells.slice(1, 4)).toEqual([one(host), one(source), one(what)]);
      }),
      { numRuns: 100 },
    );
  });
});
