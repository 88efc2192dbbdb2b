#!/usr/bin/env node
// Regenerates the sample evidence sets: node test/samples-gen/gen-all.mjs [--out DIR] [--only NAME]
// Default DIR is samples/ at the repository root; each sample's README.md stats block is updated
// there. Prints a JSON summary (files, bytes, lines, noise share) per sample on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { statsMarkdown, summary } from './lib/evidence.mjs';
import { resetResourceVersions } from './lib/k8s.mjs';
import * as powerOutage from './samples/power-outage.mjs';
import * as runbook from './samples/runbook.mjs';
import * as seerr from './samples/seerr.mjs';
import * as radarr from './samples/radarr.mjs';
import * as sonarr from './samples/sonarr.mjs';
import * as modeB from './samples/mode-b.mjs';
import * as silentStall from './samples/silent-stall.mjs';

const SAMPLES = [powerOutage, runbook, seerr, radarr, sonarr, modeB, silentStall];
const KEEP = new Set(['README.md', 'expected.json', '.howsignore', 'expected']);
// Without a README (a scratch --out), the stats block goes to STATS.md instead.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function args(argv) {
  const o = { out: path.join(root, 'samples'), only: null };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--out') o.out = path.resolve(argv[++i]);
    else if (argv[i] === '--only') o.only = argv[++i];
    else { process.stderr.write(`usage: gen-all.mjs [--out DIR] [--only NAME]\n`); process.exit(2); }
  }
  return o;
}

function clean(dir) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir)) if (!KEEP.has(e)) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
}

function updateReadme(file, stats) {
  const text = fs.readFileSync(file, 'utf8');
  const re = /(<!-- stats:begin -->\n)[\s\S]*?(<!-- stats:end -->)/;
  if (!re.test(text)) throw new Error(`${file}: no stats block`);
  fs.writeFileSync(file, text.replace(re, `$1${stats}$2`));
}

const o = args(process.argv);
const result = {};
for (const s of SAMPLES) {
  if (o.only && o.only !== s.NAME) continue;
  const dir = path.join(o.out, s.NAME);
  clean(dir);
  resetResourceVersions();
  const files = s.build().write(dir);
  const stats = statsMarkdown(files);
  const readme = path.join(dir, 'README.md');
  if (fs.existsSync(readme)) updateReadme(readme, stats);
  else fs.writeFileSync(path.join(dir, 'STATS.md'), stats);
  result[s.NAME] = summary(files);
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
