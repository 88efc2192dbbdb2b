import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/report/escape.js';
import { buildReportModel, renderMarkdown } from '../../src/report/index.js';
import { EVIL, hostile, HOSTILE_ROOT } from '../fixtures/report/hostile.js';
import { expectGolden } from './golden.js';
import { toHtml } from './markdown.js';
import { fences } from './md-structure.js';
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
