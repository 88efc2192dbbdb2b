import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REMOUNT, expectNoCrash, hows, kern, scratch, warnings, writeTree } from './harness.js';

/**
 * User templates (--templates) and pattern files (--patterns) are configuration, not code: no
 * template reaches a prototype or runs a function, no pattern file runs code or hangs the run,
 * and a bad one is refused with its file and field named (exit 2), before any evidence is read.
 */
let dir: string;
let evidence: string;
let marker: string;
beforeAll(() => {
  dir = scratch('config');
  evidence = writeTree(path.join(dir, 'evidence'), { 'k8s02/kern.log': `${kern(0)}\n${kern(1, REMOUNT)}\n` });
  marker = path.join(dir, 'pwned');
});

const analyze = (extra: string[]) => hows(['analyze', evidence, '--year', '2026', '--tz', 'UTC', ...extra], { timeout: 30_000 });

describe('a malicious --templates folder', () => {
  // The classic Handlebars sandbox escapes: reach Function through constructor and call it.
  const escape = `{{#with "s"}}{{#with (lookup this "constructor")}}{{#with (lookup this "constructor")}}{{this "return process.mainModule.require('fs').writeFileSync('${'MARKER'}', 'x')"}}{{/with}}{{/with}}{{/with}}`;
  const cases: Array<[string, string]> = [
    ['constructor.constructor', '{{constructor.constructor "return process"}}\n'],
    ['lookup constructor chain', `${escape}\n`],
    ['__proto__ block', '{{#with __proto__}}[{{constructor}}]{{/with}}{{#with timeline.__proto__}}[{{constructor.name}}]{{/with}}\n'],
    ['__defineGetter__', '{{#with timeline}}{{__defineGetter__ "x" "y"}}{{/with}}\n'],
    ['dynamic partial', '{{> (lookup . "constructor") }}\n'],
  ];
  for (const [name, source] of cases) {
    it(`${name}: refused (exit 2, the template file named) or rendered harmless; nothing runs`, () => {
      const t = writeTree(path.join(dir, `tpl-${name.replace(/\W+/g, '-')}`), { 'pir.md.hbs': source.replace('MARKER', marker) });
      const out = path.join(t, 'out');
      const r = analyze(['--templates', t, '-o', out]);
      expectNoCrash(r);
      expect(existsSync(marker)).toBe(false);
      if (r.code === 2) {
        expect(r.stderr).toContain(`hows: template error: ${path.join(t, 'pir.md.hbs')}:`);
      } else {
        expect(r.code).toBe(0);
        const pir = readFileSync(path.join(out, 'pir.md'), 'utf8');
        expect(pir).not.toMatch(/function|native code|\[object|process/i);
      }
    });
  }

  it('a folder that does not exist or a template that does not parse: exit 2 before the evidence is read', () => {
    const missing = analyze(['--templates', path.join(dir, 'nope'), '-o', path.join(dir, 'o1')]);
    expectNoCrash(missing);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Unexpected --templates folder: not a directory');
    expect(missing.stderr).not.toMatch(/file\(s\), \d+ lines/);
    const t = writeTree(path.join(dir, 'tpl-broken'), { 'partials/chain.hbs': '{{#each steps}}\n' });
    const broken = analyze(['--templates', t, '-o', path.join(dir, 'o2')]);
    expectNoCrash(broken);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`hows: template error: ${path.join(t, 'partials', 'chain.hbs')}: Parse error on line `);
    expect(broken.stderr).not.toMatch(/file\(s\), \d+ lines/);
  });

  it('hows correlate refuses them too, before it reads the hits files', () => {
    const hits = path.join(dir, 'hits.jsonl');
    const scan = hows(['scan', evidence, '--year', '2026', '--tz', 'UTC', '-o', hits], { timeout: 30_000 });
    expect(scan.code).toBe(0);
    const t = writeTree(path.join(dir, 'tpl-broken-correlate'), { 'timeline.md.hbs': '{{#if}}\n' });
    const r = hows(['correlate', hits, '--year', '2026', '--tz', 'UTC', '--templates', t, '-o', path.join(dir, 'o3')], { timeout: 30_000 });
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`hows: template error: ${path.join(t, 'timeline.md.hbs')}:`);
    expect(r.stderr).not.toMatch(/file\(s\), \d+ lines/);
    expect(existsSync(path.join(dir, 'o3'))).toBe(false);
  });
});

/** A valid signature file with `patch` applied to its text. */
function signature(id: string, patch: (yaml: string) => string): string {
  return patch(`id: ${id}
title: A user signature
description: Matches the read-only remount.
level: low
match:
  kind: event
  regex: 'EXT4-fs \\((?<device>[a-z]+)\\): Remounting'
how: How did {{device}} go read-only?
answer: '{{device}} went read-only at {{time}}.'
examples:
  match:
    - 'May 28 20:21:04 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only'
    - 'May 28 20:21:05 k8s02 kernel: EXT4-fs (sdc): Remounting filesystem read-only'
  no_match:
    - {line: 'May 28 20:21:04 k8s02 kernel: nothing', why: other}
`);
}

describe('hostile pattern files (--patterns <dir>)', () => {
  const cases: Array<[string, (y: string) => string, string, RegExp]> = [
    ['a YAML tag asking for code', (y) => y.replace('title: A user signature', `title: !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"`), 'pattern/yaml', /^Unresolved tag: tag:yaml\.org,2002:js\/function$/],
    ['a catastrophic regex', (y) => y.replace("regex: 'EXT4-fs \\((?<device>[a-z]+)\\): Remounting'", () => "regex: 'EXT4-fs \\((?<device>([a-z]+)+)\\): (a|a)*$'"), 'pattern/unsafe-regex', /^match\.regex: nested repetition /],
    ['an invalid regex', (y) => y.replace("regex: 'EXT4-fs \\((?<device>[a-z]+)\\): Remounting'", () => "regex: 'EXT4-fs \\((?<device>[a-z+)\\): Remounting'"), 'pattern/regex', /^match\.regex: /],
    ['an unknown field', (y) => y.replace('level: low', 'level: low\nexec: rm -rf /'), 'pattern/invalid-field', /^unknown field "exec"/],
    ['a template reaching for the constructor', (y) => y.replace('How did {{device}} go read-only?', 'How did {{constructor.constructor "return process"}} go?'), 'pattern/template', /^how: placeholder \{\{constructor\}\} does not resolve/],
    ['a __proto__ block', (y) => y.replace("'{{device}} went read-only at {{time}}.'", "'{{#with __proto__}}{{device}}{{/with}}'"), 'pattern/template', /^answer: placeholder \{\{__proto__\}\} does not resolve/],
  ];
  // All six files in one folder, one run: the loader reports every problem of every file.
  const id = (name: string): string => `user-${name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}`;
  let folder: string;
  let r: ReturnType<typeof analyze>;
  beforeAll(() => {
    folder = writeTree(path.join(dir, 'patterns'), Object.fromEntries(cases.map(([name, patch]) => [`storage/${id(name)}.yml`, signature(id(name), patch)])));
    r = analyze(['--patterns', folder, '--format', 'json']);
  });

  it('the run stops before reading evidence: exit 2, no stack trace, no output, nothing ran', () => {
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(existsSync(marker)).toBe(false);
    expect(r.stderr).toMatch(/hows: \d+ error\(s\) in pattern files/);
    expect(r.stdout).toBe('');
  });

  for (const [name, , code, reason] of cases) {
    it(`${name}: refused with ${code}, file:line:column and the field named`, () => {
      const file = path.join(folder, 'storage', `${id(name)}.yml`);
      const mine = warnings(r.stderr).filter((x) => x.severity === 'error' && x.places.some((p) => p.startsWith(`${file}:`)));
      expect(mine.map((x) => x.code)).toContain(code);
      const hit = mine.find((x) => x.code === code)!;
      expect(hit.reason).toMatch(reason);
      expect(hit.places[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+$`));
    });
  }
});
