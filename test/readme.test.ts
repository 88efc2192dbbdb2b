import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIds } from '../src/parse/index.js';
import { hows } from './cli/run-bin.js';

const ROOT = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README stays true', () => {
  it('opens with exactly two commands: install + analyse a bundled sample, and the tests', () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(/^npm ci && npx hows analyze samples\/[^ ]+ /);
    expect(first[1]).toBe('npm test');
    const sample = /samples\/([^ ]+)/.exec(first[0]!)![1]!;
    expect(existsSync(path.join(ROOT, 'samples', sample, 'expected.json'))).toBe(true);
    expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/npm test/);
  });

  it('lists the signature catalogue exactly as `hows patterns list` prints it (npm run readme:catalogue)', () => {
    const table = hows(['patterns', 'list']).stdout.trimEnd();
    const inReadme = /<!-- catalogue:begin -->\n([\s\S]*?)<!-- catalogue:end -->/.exec(readme)![1]!.trimEnd();
    expect(inReadme).toBe(table);
  });

  it('documents every format id and every analyze option', () => {
    for (const id of formatIds()) expect(readme, id).toContain(id);
    const help = hows(['analyze', '--help']).stdout;
    const flags = [...help.matchAll(/^\s+(?:-[a-zA-Z], )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((f) => f !== '--help');
    for (const f of flags) expect(readme, f).toContain(f.replace(/^--no-/, '--no-'));
  });
});
