import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visible } from '../../src/report/escape.js';
import { headings } from '../report/md-structure.js';
import { parseCsv } from '../report/csv.js';
import { htmlText, toHtml } from '../report/markdown.js';
import { expectWellFormed } from '../report/well-formed.js';
import { REMOUNT, codes, expectNoCrash, hows, scratch, writeTree, type Run } from './harness.js';

/**
 * Log text as an attacker (or just an unlucky program) writes it, end to end through the CLI:
 * every output must show it as text - no table split, no code span or fence closed, no HTML,
 * no link, no template expansion, no terminal escape.
 */
const EVIL = [
  'a | b || c \\| d',
  '``` not a fence ```` `code`',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  '[click](javascript:alert(3)) ![i](http://x/y.png) <http://evil> <javascript:alert(4)>',
  '{{constructor.constructor "return process"}} {{#with __proto__}}x{{/with}} {{> partial}}',
  '\u001b[31mred\u001b[0m \u001b]0;retitled\u0007 \u001b[2J \u202eevil\u202c \u009b31m',
  '# heading <!-- comment --> &amp; &#x3C;script&#x3E; <b>bold</b>',
  `long ${'x|`<'.repeat(5_000)}`,
];

// A signature that puts a free-text capture into the question and answer, as a user's might.
const ECHO = `id: evil-echo
title: Evil echo
description: Echoes log text into the PIR questions and answers.
level: high
match:
  kind: event
  regex: 'EVIL (?<key>.+)'
entities: {key: key}
how: How did {{key}} happen on {{host}}?
answer: 'Because {{key}} at {{time}}.'
examples:
  match:
    - 'May 28 20:21:04 k8s02 kernel: EVIL a | b'
    - 'May 28 20:21:05 k8s02 kernel: EVIL <x>'
  no_match:
    - {line: 'May 28 20:21:04 k8s02 kernel: evil', why: lower case}
`;

let dir: string;
let out: string;
let analyze: Run;
const file = (name: string): string => readFileSync(path.join(out, name), 'utf8');

beforeAll(() => {
  dir = scratch('inject');
  out = path.join(dir, 'out');
  const lines = EVIL.map((e, i) => `May 28 20:21:0${i} k8s02 kernel: EVIL ${e}`);
  lines.push(`May 28 20:23:15 k8s02 kernel: [ 5911.326861] ${REMOUNT} | <script>x</script> \`y\``);
  lines.push('\u001b]0;not a syslog line\u0007 | <b>`x`</b>'); // unparsed: its snippet goes to stderr
  writeTree(dir, {
    'evidence/k8s02/kern.log': `${lines.join('\n')}\n`,
    'evidence/k8s02/we|rd `name` <b>.log': `May 28 20:24:00 k8s02 kernel: EVIL file | name\n`,
    // A binary file whose name clears the screen and retitles the terminal: its warning names it.
    'evidence/core\u001b[2J\u001b]0;pwned\u0007.bin': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]),
    'patterns/storage/evil-echo.yml': ECHO,
  });
  const args = [path.join(dir, 'evidence'), '--patterns', path.join(dir, 'patterns'), '--year', '2026', '--tz', 'UTC'];
  analyze = hows(['analyze', ...args, '-o', out], { timeout: 60_000 });
  for (const format of ['md', 'csv', 'jsonl']) {
    const r = hows(['timeline', ...args, '--format', format, '-o', path.join(out, 'tl')], { timeout: 60_000 });
    expectNoCrash(r);
    expect(r.code).toBe(0);
  }
});

describe('hostile log lines, end to end through the CLI', () => {
  it('analyze runs clean: exit 0, one finding per hostile line, the unparsed line warned', () => {
    expectNoCrash(analyze);
    expect(analyze.code).toBe(0);
    expect(codes(analyze.stderr)).toEqual(['ingest/binary-file', 'parse/unparsed-line']);
    const findings = JSON.parse(file('findings.json')).findings as Array<{ id: string }>;
    expect(findings.filter((f) => f.id === 'evil-echo')).toHaveLength(EVIL.length + 1);
  });

  for (const name of ['pir.md', 'timeline.md', 'tl/timeline.md']) {
    it(`${name}: tables keep their columns, only the expected tags, no script, image, link or raw control character`, () => {
      const md = file(name);
      expectWellFormed(md);
      const html = toHtml(md);
      expect(html).not.toMatch(/<script|<img|<b>|<a |href=|<!--|<h[1-6]>heading/i);
      expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    });
  }

  it('pir.md shows the log text exactly as written (control characters made visible), in its question and its table rows', () => {
    const md = file('pir.md');
    // The findings are one failure in several places: one chain, asked once, with the first
    // line's text; the others are listed beside it.
    const questions = headings(md, 3).filter((h) => h.startsWith('How did '));
    const shown = questions.map((h) => htmlText(toHtml(`### ${h}\n`)).trim());
    expect(shown).toContain(`How did ${visible(EVIL[0]!)} happen on k8s02?`);
    // Every hostile line is a key event, its text shown as written.
    const text = htmlText(toHtml(md));
    for (const e of EVIL.slice(0, -1)) expect(text).toContain(`Evil echo: EVIL ${visible(e)} (evil-echo)`);
    expect(text).toContain('Evil echo: EVIL long x|`<x|`<');
  });

  it('no Handlebars expression in log text is expanded anywhere', () => {
    for (const name of ['pir.md', 'timeline.md', 'findings.json']) expect(file(name)).toContain('constructor.constructor');
    expect(file('pir.md')).not.toMatch(/function Function|\[object Object\]|native code/);
  });

  it('file names with pipes, backticks and tags stay inside their table cell', () => {
    const md = file('timeline.md');
    const row = md.split('\n').find((l) => l.includes('file \\| name'))!;
    const cells = toHtml(`| a | b | c | d | e |\n|---|---|---|---|---|\n${row}\n`).match(/<td>/g);
    expect(cells).toHaveLength(5);
    expect(htmlText(toHtml(`| a |\n|---|\n| ${row.split(' | ').at(-1)!.replace(/ \|$/, '')} |\n`))).toContain('evidence/k8s02/we|rd `name` <b>.log:1');
  });

  it('stderr carries no terminal escape (the unparsed line is shown with ? for control characters)', () => {
    expect(analyze.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(analyze.stderr).toContain('   | ?]0;not a syslog line? | <b>`x`</b>');
    expect(analyze.stderr).toContain(`Skipped ${path.join(dir, 'evidence', 'core?[2J?]0;pwned?.bin')}: it is an ELF executable`);
  });

  it('the CSV timeline keeps one record per event with the 7 Timesketch columns; JSON lines parse', () => {
    const csv = file('tl/timeline.csv');
    const records = parseCsv(csv);
    expect(records[0]).toEqual(['message', 'datetime', 'timestamp_desc', 'host', 'source', 'file', 'line']);
    for (const r of records) expect(r).toHaveLength(7);
    const jsonl = file('tl/timeline.jsonl').trimEnd().split('\n').map((l) => JSON.parse(l) as { message: string });
    expect(records.length - 1).toBe(jsonl.length);
    expect(jsonl.map((e) => e.message)).toContain(`EVIL ${EVIL[5]}`);
  });
});
