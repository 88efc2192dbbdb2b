#!/usr/bin/env node
// Rewrites the signature catalogue between <!-- catalogue:begin --> and <!-- catalogue:end --> in
// README.md from `hows patterns list` (npm run readme:catalogue). test/readme.test.ts checks it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const table = execFileSync(process.execPath, [path.join(root, 'bin/hows.js'), 'patterns', 'list'], { encoding: 'utf8' });
const file = path.join(root, 'README.md');
const text = readFileSync(file, 'utf8');
const re = /(<!-- catalogue:begin -->\n)[\s\S]*?(<!-- catalogue:end -->)/;
if (!re.test(text)) throw new Error('README.md has no catalogue markers');
writeFileSync(file, text.replace(re, `$1${table.trimEnd()}\n$2`));
