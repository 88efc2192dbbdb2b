// Issue 10: "a cascade on several hosts in the same minutes points at a cluster-level cause: say
// so". The sample PIR goldens are what `hows check` proves the analysis renders (samples-check
// test), so their text is the PIR a user gets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-bin.js';

const pir = (sample: string): string => readFileSync(path.join(ROOT, 'samples', sample, 'expected/pir.md'), 'utf8');
const summary = (md: string): string => md.slice(md.indexOf('## Executive Summary'), md.indexOf('## Timeline'));

describe('a failure on several hosts at once is said to point at a shared cause', () => {
  it('Mode B: the read-only remounts on k8s02 and k8s03 within seconds', () => {
    expect(summary(pir('2026-08-06-mode-b-dqlite-storm'))).toMatch(
      /\*\*Chain 1: EXT4 filesystem remounted read-only\.\*\*[^\n]*It started on k8s02 and k8s03 within \d+s of each other: that points at a cause the hosts share rather than at one node\./,
    );
  });

  it('seed 001: the remounts of sdb and sdc on k8s02 alone are not', () => {
    expect(summary(pir('2026-05-28-power-outage'))).not.toMatch(/points at a cause the hosts share/);
  });
});
