#!/usr/bin/env node
// npm run bench [-- --mb N | --sizes 100,500,1000] [--runs R] [--jobs J] [--keep] [--out DIR]
//
// Generates deterministic incident corpora with ../shared/bench/gen-corpus.mjs (plain and
// gzipped), then times, in the same run and on the same warm page cache:
//   hows analyze (full analysis, reports written)   on the plain and the gzipped corpus
//   node-baseline.mjs --mode alt --reader split       (the plain-Node floor)
//   grep -E -c -f patterns.txt                        (the reference)
//   zcat of the gzipped rotations                     (decompression floor)
// and prints MB/s (10^6 bytes of uncompressed input per second), peak RSS, the ratio of hows to
// each baseline, the per-MB cost at every size, and a recall check: every non-context signature
// line listed in the corpus MANIFEST.json must appear (file:line) in hows' findings evidence.
// Results go to bench/results/<stamp>.json and are compared with the previous result file.
// Exit status 1 when a target or the recall check fails.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = process.env.HOWS_BENCH_SHARED ?? path.resolve(ROOT, '../shared/bench');
const GEN = path.join(SHARED, 'gen-corpus.mjs');
const BASELINE = path.join(SHARED, 'node-baseline.mjs');
const PATTERNS = path.join(SHARED, 'patterns.txt');
const HOWS = path.join(ROOT, 'bin/hows.js');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : args[i + 1];
};
const sizes = args.includes('--mb') ? [Number(opt('--mb'))] : String(opt('--sizes', '100,500,1000')).split(',').map(Number);
const runs = Number(opt('--runs', '1'));
const jobs = opt('--jobs');
const work = opt('--out', path.join(os.tmpdir(), 'hows-bench'));
const keep = args.includes('--keep');
if (sizes.some((s) => !(s > 0))) {
  console.error('bench: --mb / --sizes must be positive numbers');
  process.exit(2);
}
for (const f of [GEN, BASELINE, PATTERNS]) {
  if (!fs.existsSync(f)) {
    console.error(`bench: missing ${f} (set HOWS_BENCH_SHARED to the shared/bench folder)`);
    process.exit(2);
  }
}
if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) {
  console.error('bench: dist/ is missing; run npm install (or npm run build) first');
  process.exit(2);
}

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command and returns wall seconds and peak RSS (KiB, via GNU time when present). */
function measure(cmd, argv, { stdout = 'ignore' } = {}) {
  const best = { wall: Infinity, rssKiB: 0, out: '' };
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const res = TIME
      ? spawnSync(TIME, ['-f', '%M', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', stdout === 'ignore' ? 'ignore' : 'pipe', 'pipe'] })
      : spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', stdout === 'ignore' ? 'ignore' : 'pipe', 'pipe'] });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    if (res.status !== 0 && !(cmd === 'grep' && res.status === 1)) {
      throw new Error(`${cmd} ${argv.join(' ')} failed (${res.status}): ${String(res.stderr).slice(-2000)}`);
    }
    const rss = TIME ? Number(String(res.stderr).trim().split('\n').pop()) : 0;
    if (wall < best.wall) Object.assign(best, { wall, rssKiB: rss, out: res.stdout ?? '' });
  }
  return best;
}

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name === 'MANIFEST.json') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

function corpus(mb, gzip) {
  const dir = path.join(work, `${gzip ? 'gz' : 'plain'}-${mb}`);
  if (!fs.existsSync(path.join(dir, 'MANIFEST.json'))) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync(process.execPath, [GEN, '--out', dir, '--mb', String(mb), '--seed', '1', ...(gzip ? ['--gzip'] : [])], { stdio: 'inherit' });
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'MANIFEST.json'), 'utf8'));
  const files = listFiles(dir);
  for (const f of files) fs.readFileSync(f); // warm the page cache
  return { dir, manifest, files, bytes: manifest.totals.uncompressed_bytes };
}

// The corpus logs in AEST; its goroutine dump carries no time of its own (see MANIFEST notes).
const HOWS_ARGS = ['--tz', 'Australia/Brisbane', '--dump-time', '2026-05-28T21:20:11+10:00', '--quiet', ...(jobs ? ['--jobs', jobs] : [])];

function runHows(c, outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const m = measure(process.execPath, [HOWS, 'analyze', c.dir, ...HOWS_ARGS, '-o', outDir]);
  const findings = JSON.parse(fs.readFileSync(path.join(outDir, 'findings.json'), 'utf8'));
  return { ...m, findings };
}

/** Every non-context MANIFEST signature entry must be cited (file:line) by some finding. */
function recall(c, findings) {
  const cited = new Set();
  for (const f of findings.findings) for (const e of f.evidence) cited.add(`${path.relative(c.dir, path.resolve(e.file))}:${e.line}`);
  const wanted = c.manifest.signatures.filter((s) => s.role !== 'context' && s.signature);
  const missed = wanted.filter((s) => !cited.has(`${s.file}:${s.line}`));
  return { wanted: wanted.length, found: wanted.length - missed.length, missed: missed.slice(0, 10).map((s) => `${s.signature} ${s.file}:${s.line}`) };
}

const results = { when: new Date().toISOString(), host: os.hostname(), cpus: os.cpus().length, node: process.version, runs, sizes: [] };
let failed = false;
for (const mb of sizes) {
  const plain = corpus(mb, false);
  const gz = corpus(mb, true);
  const gzOnly = gz.files.filter((f) => f.endsWith('.gz'));
  const outDir = path.join(work, `out-${mb}`);
  const hp = runHows(plain, outDir);
  const hg = runHows(gz, `${outDir}-gz`);
  const base = measure(process.execPath, [BASELINE, '--patterns', PATTERNS, '--mode', 'alt', '--reader', 'split', ...plain.files]);
  const grep = measure('grep', ['-E', '-c', '-f', PATTERNS, ...plain.files]);
  const zcat = measure('zcat', gzOnly);
  const zcatBytes = gz.manifest.files.filter((f) => f.path.endsWith('.gz')).reduce((a, f) => a + f.uncompressed_bytes, 0);
  const rec = recall(plain, hp.findings);
  const recGz = recall(gz, hg.findings);
  const mbps = (bytes, s) => +(bytes / 1e6 / s).toFixed(1);
  const row = {
    mb,
    bytes: plain.bytes,
    hows: { seconds: +hp.wall.toFixed(3), mb_per_s: mbps(plain.bytes, hp.wall), peak_rss_mib: +(hp.rssKiB / 1024).toFixed(1), findings: hp.findings.findings.length },
    hows_gzip: { seconds: +hg.wall.toFixed(3), mb_per_s: mbps(gz.bytes, hg.wall), peak_rss_mib: +(hg.rssKiB / 1024).toFixed(1) },
    node_baseline_alt_split: { seconds: +base.wall.toFixed(3), mb_per_s: mbps(plain.bytes, base.wall) },
    grep: { seconds: +grep.wall.toFixed(3), mb_per_s: mbps(plain.bytes, grep.wall) },
    zcat: { seconds: +zcat.wall.toFixed(3), mb_per_s: mbps(zcatBytes, zcat.wall) },
    ratio: {
      hows_over_grep: +(hp.wall / grep.wall).toFixed(2),
      hows_over_node_baseline: +(hp.wall / base.wall).toFixed(2),
      gzip_over_plain: +(hg.wall / hp.wall).toFixed(2),
    },
    seconds_per_mb: +(hp.wall / (plain.bytes / 1e6)).toFixed(5),
    recall: rec,
    recall_gzip: recGz,
  };
  results.sizes.push(row);
  console.log(
    `${String(mb).padStart(5)} MB  hows ${row.hows.mb_per_s} MB/s (${row.hows.peak_rss_mib} MiB)  gz ${row.hows_gzip.mb_per_s} MB/s  ` +
      `| baseline ${row.node_baseline_alt_split.mb_per_s}  grep ${row.grep.mb_per_s}  zcat ${row.zcat.mb_per_s} MB/s ` +
      `| hows/grep ${row.ratio.hows_over_grep}x  hows/baseline ${row.ratio.hows_over_node_baseline}x  gz/plain ${row.ratio.gzip_over_plain}x ` +
      `| recall ${rec.found}/${rec.wanted} (gz ${recGz.found}/${recGz.wanted})`,
  );
  if (rec.missed.length || recGz.missed.length) console.log(`   missed: ${[...rec.missed, ...recGz.missed].join('; ')}`);
  if (!keep) fs.rmSync(outDir, { recursive: true, force: true });
}

// Targets of issue 8 (measured side by side in this run).
const checks = [];
for (const r of results.sizes) {
  checks.push([`${r.mb} MB: hows <= 2.0x grep`, r.ratio.hows_over_grep <= 2.0]);
  checks.push([`${r.mb} MB: hows <= 0.5x node baseline`, r.ratio.hows_over_node_baseline <= 0.5]);
  checks.push([`${r.mb} MB: gzip corpus <= 1.3x plain`, r.ratio.gzip_over_plain <= 1.3]);
  checks.push([`${r.mb} MB: recall 100%`, r.recall.found === r.recall.wanted && r.recall_gzip.found === r.recall_gzip.wanted]);
  if (r.mb >= 500 && TIME) checks.push([`${r.mb} MB: peak RSS <= 256 MiB`, r.hows.peak_rss_mib <= 256]);
}
const bySize = new Map(results.sizes.map((r) => [r.mb, r]));
if (bySize.has(100) && bySize.has(1000) && TIME) checks.push(['peak RSS at 1 GB <= 1.2x at 100 MB', bySize.get(1000).hows.peak_rss_mib <= 1.2 * bySize.get(100).hows.peak_rss_mib]);
if (results.sizes.length >= 2) {
  const costs = results.sizes.map((r) => r.seconds_per_mb);
  const spread = Math.max(...costs) / Math.min(...costs) - 1;
  results.per_mb_spread = +spread.toFixed(3);
  console.log(`per-MB cost: ${results.sizes.map((r) => `${r.mb} MB ${(r.seconds_per_mb * 1000).toFixed(2)} ms/MB`).join(', ')}  (spread ${(spread * 100).toFixed(1)}%)`);
  checks.push(['per-MB cost within 15% across sizes', spread <= 0.15]);
}
results.checks = checks.map(([name, ok]) => ({ name, ok }));
for (const [name, ok] of checks) {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}`);
  if (!ok) failed = true;
}

const resultsDir = path.join(ROOT, 'bench/results');
fs.mkdirSync(resultsDir, { recursive: true });
const previous = fs.readdirSync(resultsDir).filter((f) => f.endsWith('.json')).sort().pop();
if (previous) {
  const prev = JSON.parse(fs.readFileSync(path.join(resultsDir, previous), 'utf8'));
  for (const r of results.sizes) {
    const p = prev.sizes?.find((x) => x.mb === r.mb);
    if (p) console.log(`vs ${previous}: ${r.mb} MB hows ${p.hows.mb_per_s} -> ${r.hows.mb_per_s} MB/s, RSS ${p.hows.peak_rss_mib} -> ${r.hows.peak_rss_mib} MiB`);
  }
}
const file = path.join(resultsDir, `${results.when.replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`results: ${path.relative(ROOT, file)}`);
process.exit(failed ? 1 : 0);
