// `hows check` is the CI gate: a change that loses a finding must fail it. These tests make
// such a change on a temporary copy of the signature catalogue (a broken regex, a deleted
// pattern file) and run the built CLI on a bundled sample with that copy instead of the
// shipped signatures.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, hows } from './run-bin.js';

const SAMPLE = 'samples/2026-05-28-power-outage';
const tmp = mkdtempSync(path.join(tmpdir(), 'hows-check-regression-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function catalogueCopy(name: string): string {
  const dir = path.join(tmp, name);
  cpSync(path.join(ROOT, 'patterns'), dir, { recursive: true });
  return dir;
}

function check(patterns: string) {
  return hows(['check', SAMPLE, '--no-builtin', '--patterns', patterns], { timeout: 120_000 });
}

describe('hows check fails when a signature stops matching', () => {
  it('passes with an unchanged copy of the catalogue (the control)', () => {
    const run = check(catalogueCopy('unchanged'));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^ok +${SAMPLE}\\b`, 'm'));
  });

  it('a broken regex: exit 1, the sample named FAIL and the lost finding named missing', () => {
    const dir = catalogueCopy('broken-regex');
    const file = path.join(dir, 'storage/ext4-ro-remount.yml');
    const text = readFileSync(file, 'utf8');
    // A one-character typo in each alternative, as a careless edit would make it.
    const broken = text.replace("Remounting filesystem read-only'", "Remounting filesystem read-0nly'").replace("Detected aborted journal'", "Detected aborted journa1'");
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const run = check(dir);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^FAIL +${SAMPLE}\\b`, 'm'));
    expect(run.stdout).toMatch(/missing finding ext4-ro-remount\b/);
    // The chain that ran through it is reported too, with what the analysis found instead.
    expect(run.stdout).toMatch(/chain .*not found: ext4-ro-remount > jbd2-journal-abort/);
    expect(run.stdout).toMatch(/0 passed, 1 failed/);
  });

  it('a deleted pattern file: exit 1, the sample named FAIL and the lost finding named missing', () => {
    const dir = catalogueCopy('deleted-file');
    rmSync(path.join(dir, 'control-plane/stale-terminating-replicas.yml'));
    const run = check(dir);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^FAIL +${SAMPLE}\\b`, 'm'));
    expect(run.stdout).toMatch(/missing finding stale-terminating-replicas\b/);
  });
});
