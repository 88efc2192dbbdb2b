#!/usr/bin/env node
// npm run bench [-- --mb N | --sizes 100,500,1000] [--runs R] [--jobs J] [--files N] [--keep] [--out DIR]
//
// Generates deterministic incident corpora with ../shared/bench/gen-corpus.mjs (plain and
// gzipped), then times, in the same run, on the same warm page cache, interleaved run by run
// (so a burst of load on a shared machine hits every command alike) and keeping each command's
// fastest run:
//   hows analyze (full analysis, reports written)   on the plain and the gzipped corpus
//   node-baseline.mjs --mode alt --reader split       (the plain-Node floor)
//   grep -E -c -f patterns.txt                        (the reference)
//   zcat of the gzipped rotations                     (decompression floor)
//   hows analyze on a one-line corpus                 (its fixed start-up cost)
//   hows analyze and grep on N small files (--files, default 2000, 0 to skip): 40 syslog lines
//   each, cut from the smallest corpus, in 20 folders (pod logs, rotations): the cost per file
// hows runs with HOWS_TIMINGS=1: the seconds of each phase (start-up, scan, build-events,
// correlate, report-model, pir.md, timeline.md, findings.json) of its fastest run are printed
// and kept in the results.
// and prints MB/s (10^6 bytes of uncompressed input per second), peak RSS, the ratio of hows to
// each baseline, the per-MB cost at every size (as measured, and net of the start-up cost), and
// a recall check: every non-context signature line listed in the corpus MANIFEST.json must
// appear (file:line) in hows' findings evidence. MANIFEST.json itself is not evidence: a
// .howsignore keeps hows from reading it, as grep and the baseline skip it.
// Results go to bench/results/<stamp>.json and are compared with the previous result file.
// Exit status 1 when a target or the recall check fails.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** shared/bench beside the repo or beside its worktree folder (/work/main, /work/wt/<name>). */
function sharedDir() {
  if (process.env.HOWS_BENCH_SHARED) return process.env.HOWS_BENCH_SHARED;
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/bench');
    if (fs.existsSync(path.join(candidate, 'gen-corpus.mjs'))) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(ROOT, '../shared/bench');
  }
}
const SHARED = sharedDir();
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
const runs = Number(opt('--runs', '3'));
const jobs = opt('--jobs');
const work = opt('--out', path.join(os.tmpdir(), 'hows-bench'));
const keep = args.includes('--keep');
const manyFiles = Number(opt('--files', '2000'));
if (sizes.some((s) => !(s > 0)) || !(runs >= 1) || !(manyFiles >= 0)) {
  console.error('bench: --mb / --sizes / --runs must be positive numbers, --files a count');
  process.exit(2);
}
for (const f of [GEN, BASELINE, PATTERNS]) {
  if (!fs.existsSync(f)) {
    console.error(`bench: missing ${f} (set HOWS_BENCH_SHARED to the shared/bench folder)`);
    process.exit(2);
  }
}
if (!fs.existsSync(path.join(ROOT, 'dist/bundle/main.js'))) {
  console.error('bench: dist/ is missing; run npm install (or npm run build) first');
  process.exit(2);
}

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command once: wall seconds, CPU seconds and peak RSS (KiB) via GNU time when present. */
function once(cmd, argv, env = process.env) {
  const t0 = process.hrtime.bigint();
  const res = TIME
    ? spawnSync(TIME, ['-f', '%M %U %S', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'], env })
    : spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'], env });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0 && !(cmd === 'grep' && res.status === 1)) {
    throw new Error(`${cmd} ${argv.join(' ')} failed (${res.status}): ${String(res.stderr).slice(-2000)}`);
  }
  const [rss, user, sys] = TIME ? String(res.stderr).trim().split('\n').pop().split(' ').map(Number) : [0, 0, 0];
  // HOWS_TIMINGS=1 lines ("hows: timing scan 5.684 s ..."): seconds per phase.
  const phases = {};
  for (const m of String(res.stderr).matchAll(/^hows: timing (\S+) +([0-9.]+) s/gm)) phases[m[1]] = +m[2];
  return { wall, cpu: user + sys, rssKiB: rss, phases };
}

/** Keeps every run and the fastest one. */
function tally() {
  return {
    walls: [],
    best: { wall: Infinity, cpu: 0, rssKiB: 0 },
    add(m) {
      this.walls.push(+m.wall.toFixed(3));
      if (m.wall < this.best.wall) this.best = m;
    },
  };
}

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name === 'MANIFEST.json' || e.name === '.howsignore') continue;
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
  fs.writeFileSync(path.join(dir, '.howsignore'), 'MANIFEST.json\n');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'MANIFEST.json'), 'utf8'));
  const files = listFiles(dir);
  for (const f of files) fs.readFileSync(f); // warm the page cache
  return { dir, manifest, files, bytes: manifest.totals.uncompressed_bytes };
}

// The corpus logs in AEST; its goroutine dump carries no time of its own (see MANIFEST notes).
const HOWS_ARGS = ['--tz', 'Australia/Brisbane', '--dump-time', '2026-05-28T21:20:11+10:00', '--quiet', ...(jobs ? ['--jobs', jobs] : [])];

function runHows(dir, outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  return once(process.execPath, [HOWS, 'analyze', dir, ...HOWS_ARGS, '-o', outDir], { ...process.env, HOWS_TIMINGS: '1' });
}

/** Every non-context MANIFEST signature entry must be cited (file:line) by some finding. */
function recall(c, outDir) {
  const findings = JSON.parse(fs.readFileSync(path.join(outDir, 'findings.json'), 'utf8'));
  const cited = new Set();
  for (const f of findings.findings) for (const e of f.evidence) cited.add(`${path.relative(c.dir, path.resolve(e.file))}:${e.line}`);
  const wanted = c.manifest.signatures.filter((s) => s.role !== 'context' && s.signature);
  const missed = wanted.filter((s) => !cited.has(`${s.file}:${s.line}`));
  const bySignature = {};
  for (const s of missed) bySignature[s.signature] = (bySignature[s.signature] ?? 0) + 1;
  return { wanted: wanted.length, found: wanted.length - missed.length, findings: findings.findings.length, missed_by_signature: bySignature, missed: missed.slice(0, 10).map((s) => `${s.signature} ${s.file}:${s.line}`) };
}

/** A one-line corpus: what hows costs before it reads any input. */
function startupCorpus() {
  const dir = path.join(work, 'startup');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'syslog'), 'May 28 20:21:04 k8s02 kernel: [ 5911.326861] EXT4-fs (sdb): Remounting filesystem read-only\n');
  return dir;
}

/** N files of 40 lines each, cut in order from the syslog files of `from`, in 20 folders. */
function manyCorpus(n, from) {
  const dir = path.join(work, `many-${n}-from-${path.basename(from.dir)}`);
  const made = () => {
    const files = listFiles(dir);
    return { dir, files, bytes: files.reduce((a, f) => a + fs.statSync(f).size, 0) };
  };
  if (fs.existsSync(path.join(dir, '.howsignore'))) return made();
  fs.rmSync(dir, { recursive: true, force: true });
  const want = n * 40;
  const lines = [];
  for (const f of from.files.filter((x) => /syslog/.test(path.basename(x)))) {
    if (lines.length >= want) break;
    // The first 16 MB of a file are plenty (~60,000 lines): no need to split a whole 80 MB file.
    const fd = fs.openSync(f, 'r');
    const buf = Buffer.alloc(16 << 20);
    const got = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    const text = buf.toString('latin1', 0, got);
    lines.push(...text.slice(0, text.lastIndexOf('\n')).split('\n').slice(0, want - lines.length));
  }
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `node-${String(i % 20).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `app-${String(i).padStart(5, '0')}.log`), `${lines.slice(i * 40, i * 40 + 40).join('\n')}\n`, 'latin1');
  }
  fs.writeFileSync(path.join(dir, '.howsignore'), '');
  return made();
}

const load = () => os.loadavg().map((l) => +l.toFixed(2));
const results = { when: new Date().toISOString(), host: os.hostname(), cpus: os.cpus().length, node: process.version, runs, load_start: load(), sizes: [] };
const startupDir = startupCorpus();
let failed = false;
for (const mb of sizes) {
  const plain = corpus(mb, false);
  const gz = corpus(mb, true);
  const gzOnly = gz.files.filter((f) => f.endsWith('.gz'));
  const outDir = path.join(work, `out-${mb}`);
  const t = { hows: tally(), gz: tally(), base: tally(), grep: tally(), zcat: tally(), startup: tally() };
  const loadBefore = load();
  for (let r = 0; r < runs; r++) {
    t.hows.add(runHows(plain.dir, outDir));
    t.base.add(once(process.execPath, [BASELINE, '--patterns', PATTERNS, '--mode', 'alt', '--reader', 'split', ...plain.files]));
    t.gz.add(runHows(gz.dir, `${outDir}-gz`));
    t.grep.add(once('grep', ['-E', '-c', '-f', PATTERNS, ...plain.files]));
    t.zcat.add(once('zcat', gzOnly));
    t.startup.add(runHows(startupDir, `${outDir}-startup`));
  }
  const zcatBytes = gz.manifest.files.filter((f) => f.path.endsWith('.gz')).reduce((a, f) => a + f.uncompressed_bytes, 0);
  const rec = recall(plain, outDir);
  const recGz = recall(gz, `${outDir}-gz`);
  const mbps = (bytes, s) => +(bytes / 1e6 / s).toFixed(1);
  const [hp, hg, base, grep, zcat, startup] = [t.hows, t.gz, t.base, t.grep, t.zcat, t.startup].map((x) => x.best);
  const row = {
    mb,
    bytes: plain.bytes,
    load_before: loadBefore,
    load_after: load(),
    hows: { seconds: +hp.wall.toFixed(3), cpu_seconds: +hp.cpu.toFixed(2), mb_per_s: mbps(plain.bytes, hp.wall), peak_rss_mib: +(hp.rssKiB / 1024).toFixed(1), runs: t.hows.walls, phases: hp.phases },
    hows_gzip: { seconds: +hg.wall.toFixed(3), cpu_seconds: +hg.cpu.toFixed(2), mb_per_s: mbps(gz.bytes, hg.wall), peak_rss_mib: +(hg.rssKiB / 1024).toFixed(1), runs: t.gz.walls },
    hows_startup: { seconds: +startup.wall.toFixed(3), runs: t.startup.walls },
    node_baseline_alt_split: { seconds: +base.wall.toFixed(3), mb_per_s: mbps(plain.bytes, base.wall), runs: t.base.walls },
    grep: { seconds: +grep.wall.toFixed(3), mb_per_s: mbps(plain.bytes, grep.wall), runs: t.grep.walls },
    zcat: { seconds: +zcat.wall.toFixed(3), mb_per_s: mbps(zcatBytes, zcat.wall), runs: t.zcat.walls },
    ratio: {
      hows_over_grep: +(hp.wall / grep.wall).toFixed(2),
      hows_over_node_baseline: +(hp.wall / base.wall).toFixed(2),
      gzip_over_plain: +(hg.wall / hp.wall).toFixed(2),
    },
    ms_per_mb: +((hp.wall / (plain.bytes / 1e6)) * 1000).toFixed(3),
    ms_per_mb_net_of_startup: +(((hp.wall - startup.wall) / (plain.bytes / 1e6)) * 1000).toFixed(3),
    recall: rec,
    recall_gzip: recGz,
  };
  results.sizes.push(row);
  console.log(
    `${String(mb).padStart(5)} MB  hows ${row.hows.mb_per_s} MB/s (${row.hows.peak_rss_mib} MiB, ${row.hows.cpu_seconds} s CPU)  gz ${row.hows_gzip.mb_per_s} MB/s (${row.hows_gzip.peak_rss_mib} MiB)  start-up ${row.hows_startup.seconds} s` +
      `\n         baseline ${row.node_baseline_alt_split.mb_per_s}  grep ${row.grep.mb_per_s}  zcat ${row.zcat.mb_per_s} MB/s` +
      `  | hows/grep ${row.ratio.hows_over_grep}x  hows/baseline ${row.ratio.hows_over_node_baseline}x  gz/plain ${row.ratio.gzip_over_plain}x` +
      `\n         phases (fastest plain run): ${Object.entries(row.hows.phases).map(([k, v]) => `${k} ${v}`).join(', ')} s` +
      `\n         recall ${rec.found}/${rec.wanted} (gz ${recGz.found}/${recGz.wanted})  load ${loadBefore.join(' ')} -> ${row.load_after.join(' ')} on ${results.cpus} CPUs`,
  );
  if (rec.missed.length || recGz.missed.length) console.log(`         missed: ${JSON.stringify(rec.missed_by_signature)}`);
  if (loadBefore[0] > results.cpus) console.log(`         warning: load ${loadBefore[0]} exceeds ${results.cpus} CPUs: timings are inflated`);
  if (!keep) for (const d of [outDir, `${outDir}-gz`, `${outDir}-startup`]) fs.rmSync(d, { recursive: true, force: true });
}

// Many small files: what each file costs (no target in issue 8; information).
if (manyFiles > 0) {
  const many = manyCorpus(manyFiles, corpus(Math.min(...sizes), false));
  const t = { hows: tally(), grep: tally() };
  const outDir = path.join(work, `out-many-${manyFiles}`);
  for (let r = 0; r < runs; r++) {
    t.hows.add(runHows(many.dir, outDir));
    t.grep.add(once('grep', ['-E', '-c', '-f', PATTERNS, ...many.files]));
  }
  const [h, g] = [t.hows.best, t.grep.best];
  results.many_files = {
    files: many.files.length,
    bytes: many.bytes,
    hows: { seconds: +h.wall.toFixed(3), ms_per_file: +((h.wall * 1000) / many.files.length).toFixed(3), mb_per_s: +(many.bytes / 1e6 / h.wall).toFixed(1), peak_rss_mib: +(h.rssKiB / 1024).toFixed(1), runs: t.hows.walls, phases: h.phases },
    grep: { seconds: +g.wall.toFixed(3), runs: t.grep.walls },
    hows_over_grep: +(h.wall / g.wall).toFixed(2),
  };
  const m = results.many_files;
  console.log(`many files: ${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB  hows ${m.hows.seconds} s (${m.hows.ms_per_file} ms/file, ${m.hows.mb_per_s} MB/s, ${m.hows.peak_rss_mib} MiB)  grep ${m.grep.seconds} s  hows/grep ${m.hows_over_grep}x`);
  console.log(`         phases (fastest run): ${Object.entries(m.hows.phases).map(([k, v]) => `${k} ${v}`).join(', ')} s`);
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
  const spread = (xs) => Math.max(...xs) / Math.min(...xs) - 1;
  const raw = spread(results.sizes.map((r) => r.ms_per_mb));
  const net = spread(results.sizes.map((r) => r.ms_per_mb_net_of_startup));
  results.per_mb_spread = +raw.toFixed(3);
  results.per_mb_spread_net_of_startup = +net.toFixed(3);
  console.log(`per-MB cost: ${results.sizes.map((r) => `${r.mb} MB ${r.ms_per_mb} ms/MB`).join(', ')}  (spread ${(raw * 100).toFixed(1)}%)`);
  console.log(`  net of start-up: ${results.sizes.map((r) => `${r.mb} MB ${r.ms_per_mb_net_of_startup} ms/MB`).join(', ')}  (spread ${(net * 100).toFixed(1)}%)`);
  checks.push(['per-MB cost within 15% across sizes', raw <= 0.15]);
  // Linearity: the cost of each further MB between two sizes (a fixed cost, such as start-up
  // or the corpus's fixed-size incident and kubectl files, cancels out). Information only: the
  // target above is the issue's.
  const sorted = [...results.sizes].sort((a, b) => a.mb - b.mb);
  results.marginal_ms_per_mb = sorted.slice(1).map((r, i) => {
    const prev = sorted[i];
    const ms = ((r.hows.seconds - prev.hows.seconds) * 1000) / ((r.bytes - prev.bytes) / 1e6);
    return { from_mb: prev.mb, to_mb: r.mb, ms_per_mb: +ms.toFixed(3) };
  });
  console.log(`  marginal (each further MB): ${results.marginal_ms_per_mb.map((m) => `${m.from_mb}->${m.to_mb} MB ${m.ms_per_mb} ms/MB`).join(', ')}`);
}
results.load_end = load();
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
