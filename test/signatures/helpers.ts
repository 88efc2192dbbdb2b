// Builds loaded signatures from inline YAML for unit tests (through the real loader).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type PatternSet, loadPatterns } from '../../src/signatures/index.js';

const ROOT = path.resolve(__dirname, '../..');

/** Writes `files` (id -> YAML text) under a temporary family folder and loads them with entities.yml. */
export function loadInline(files: Record<string, string>, family = 'test'): PatternSet {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hows-patterns-'));
  mkdirSync(path.join(dir, family));
  for (const [id, text] of Object.entries(files)) writeFileSync(path.join(dir, family, `${id}.yml`), text);
  return loadPatterns([dir], { files: [path.join(ROOT, 'patterns/entities.yml')] });
}

/** A minimal valid signature file with the given match block (YAML) and extra fields. */
export function sig(id: string, match: string, extra = ''): string {
  return `id: ${id}
title: ${id}
description: test signature ${id}
level: low
match: ${match}
${extra}
how: How did ${id} happen?
answer: It happened at {{time}}.
examples:
  match: ['a', 'b']
  no_match: ['c']
`;
}
