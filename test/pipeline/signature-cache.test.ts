import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_PATTERNS, loadSignatureSet } from '../../src/pipeline/index.js';
import { loadPatterns } from '../../src/signatures/index.js';

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

function freshCache(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hows-cache-'));
  process.env.HOWS_CACHE_DIR = dir;
  delete process.env.HOWS_NO_CACHE;
  return dir;
}

describe('pattern set cache', () => {
  it('gives the set a fresh load gives, from the cache the second time', () => {
    const dir = freshCache();
    const direct = loadPatterns([BUILTIN_PATTERNS], { files: [] });
    const first = loadSignatureSet([], true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8'))).toHaveLength(1);
    const second = loadSignatureSet([], true);
    expect(second).toEqual(direct);
    expect(first).toEqual(direct);
    expect(second.signatures.length).toBeGreaterThan(40);
  });

  it('is never stale: one changed byte in a pattern folder is another entry', () => {
    const dir = freshCache();
    const pats = mkdtempSync(path.join(tmpdir(), 'hows-pats-'));
    cpSync(path.join(BUILTIN_PATTERNS, 'storage'), pats, { recursive: true });
    const file = path.join(pats, 'ext4-ro-remount.yml');
    const before = loadSignatureSet([pats], false);
    expect(before.signatures.find((s) => s.id === 'ext4-ro-remount')?.title).toMatch(/read-only/i);
    const src = readFileSync(file, 'utf8');
    writeFileSync(file, src.replace(/^title: .*$/m, 'title: Changed Title For The Test'));
    const after = loadSignatureSet([pats], false);
    expect(after.signatures.find((s) => s.id === 'ext4-ro-remount')?.title).toBe('Changed Title For The Test');
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8'))).toHaveLength(2);
  });

  it('is off with HOWS_NO_CACHE=1', () => {
    const dir = freshCache();
    process.env.HOWS_NO_CACHE = '1';
    loadSignatureSet([], true);
    expect(readdirSync(dir)).toHaveLength(0);
  });
});
