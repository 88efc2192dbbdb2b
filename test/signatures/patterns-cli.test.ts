// `hows patterns list|test|lint` through the built bin: stdout, stderr and exit code (Chainsaw).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CASCADE = 'test/fixtures/patterns/cascade';
// The fixture patterns alone (not the shipped catalogue, whose ids they share).
const FIXTURES = ['--no-builtin', '--patterns', CASCADE];

function hows(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/hows.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hows patterns lint', () => {
  it('reports every problem of every file with file:line:col, the line and help (golden)', () => {
    const bad = ['bad-fields', 'broken-yaml', 'catastrophic-regex', 'wrong-name'].map((f) => `test/fixtures/patterns/bad/storage/${f}.yml`);
    const r = hows('patterns', 'lint', '--no-builtin', ...bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('4 file(s): 19 error(s)\n');
    // Reviewed by hand against the fixture files; regenerate only deliberately.
    expect(r.stderr).toBe(readFileSync(path.join(ROOT, 'test/fixtures/patterns/bad/lint.err'), 'utf8'));
    expect(r.stderr).toContain('error[pattern/invalid-field]: unknown level "hi", must be: info, low, medium, high, critical\n  --> test/fixtures/patterns/bad/storage/bad-fields.yml:4:8\n   | level: hi');
  });

  it('passes good files', () => {
    const r = hows('patterns', 'lint', ...FIXTURES, `${CASCADE}/storage/ext4-ro-remount.yml`, `${CASCADE}/storage/iscsi-link-flap-recovered.yml`);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '2 file(s): ok\n', '']);
  });

  it('warns about what a signature costs the scanner: short literals, and no literal at all (exit 0)', () => {
    const dir = 'test/fixtures/patterns/cost/misc';
    const r = hows('patterns', 'lint', '--no-builtin', `${dir}/short-literal.yml`, `${dir}/no-literal.yml`);
    expect([r.code, r.stdout]).toEqual([0, '2 file(s): ok\n']);
    expect(r.stderr).toContain('warning[pattern/short-literal]: Unexpected required literals "error", "fail", "warn" of short-literal, shorter than 10 bytes');
    expect(r.stderr).toContain(`--> ${dir}/short-literal.yml:7`);
    expect(r.stderr).toContain('warning[pattern/no-literal]: Unexpected signature no-literal without a fixed text of 3 bytes that every match contains: the literal gate is off, every line of syslog, journal is parsed and matched');
    // Signatures of goroutine dumps have no literal either, but those files are read whole: no warning.
    const shipped = hows('patterns', 'lint', 'patterns/node/processorlistener-stall.yml', 'patterns/storage/ext4-ro-remount.yml');
    expect([shipped.code, shipped.stdout, shipped.stderr]).toEqual([0, '2 file(s): ok\n', '']);
  });

  it('exits 2 on usage errors', () => {
    expect(hows('patterns', 'lint', 'no/such/file.yml').code).toBe(2);
    expect(hows('patterns', 'lint').code).toBe(2);
    expect(hows('patterns', 'lint', '--bogus', 'x').code).toBe(2);
  });
});

describe('hows patterns list', () => {
  it('prints the catalogue by family as Markdown', () => {
    const r = hows('patterns', 'list', ...FIXTURES);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('### storage\n\n| id | level | kind | title |\n|---|---|---|---|\n| `ext4-ro-remount` | high | event | EXT4 filesystem remounted read-only |');
    expect(r.stdout).toContain('| `iscsi-link-flap-recovered` | info | absence (contrast) | iSCSI link flap that recovered |');
  });

  it('prints JSON rows with --format json', () => {
    const rows = JSON.parse(hows('patterns', 'list', '--format', 'json', ...FIXTURES).stdout) as Array<{ id: string; kind: string; family: string }>;
    expect(rows.find((r) => r.id === 'taint-eviction-batch')).toMatchObject({ kind: 'burst', family: 'control-plane' });
    expect(hows('patterns', 'list', '--format', 'xml').code).toBe(2);
  });
});

describe('hows patterns test', () => {
  it('refuses unknown ids with exit 2', () => {
    const r = hows('patterns', 'test', 'no-such-id', ...FIXTURES);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown signature id "no-such-id"');
  });

  it('runs the examples through the real parsers and reports by id', () => {
    const r = hows('patterns', 'test', ...FIXTURES);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('ok    iscsi-link-flap-recovered (5 examples)\n');
    expect(r.stdout.endsWith('16 signatures, 53 examples: 16 passed, 0 failed\n')).toBe(true);
  });

  it('exits 1 and says which example failed and why', () => {
    const r = hows('patterns', 'test', '--no-builtin', '--patterns', 'test/fixtures/patterns/failing');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, 'test/fixtures/patterns/failing/test.out'), 'utf8'));
  });
});
