// An evidence set under construction: files made of timed lines (logs) or whole blobs (kubectl
// JSON, pasted text). Every line carries a role; `noise` lines are the ordinary traffic, every
// other role (signal, decoy, contrast, context, marker) counts against the noise share.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { guardNoise } from './guard.mjs';

export const ROLES = new Set(['noise', 'signal', 'decoy', 'contrast', 'context', 'marker']);

export class Evidence {
  constructor(name) {
    this.name = name;
    this.files = new Map();
    this.seq = 0;
  }
  /** A line file; `gzip` compresses it on write. */
  lines(rel, opts = {}) {
    let f = this.files.get(rel);
    if (!f) { f = { rel, type: 'lines', gzip: !!opts.gzip, records: [] }; this.files.set(rel, f); }
    return f;
  }
  add(rel, t, text, role) {
    if (!ROLES.has(role)) throw new Error(`bad role ${role}`);
    if (text.includes('\n')) throw new Error(`line with LF in ${rel}: ${text.slice(0, 80)}`);
    if (role === 'noise') guardNoise(rel, text);
    this.lines(rel).records.push({ t, seq: this.seq++, text, role });
  }
  /** A whole file: `roleOf(line, index)` classifies each line (default noise). */
  blob(rel, text, roleOf = () => 'noise', opts = {}) {
    if (this.files.has(rel)) throw new Error(`duplicate file ${rel}`);
    this.files.set(rel, { rel, type: 'blob', gzip: !!opts.gzip, text, roleOf });
  }
  /** Renders every file: [{rel, buf (as stored), plain (uncompressed), lines, signal}] sorted by path. */
  render() {
    const out = [];
    for (const f of [...this.files.values()].sort((a, b) => (a.rel < b.rel ? -1 : 1))) {
      let text;
      let roles;
      if (f.type === 'lines') {
        const recs = f.records.slice().sort((a, b) => a.t - b.t || a.seq - b.seq);
        text = recs.map((r) => r.text).join('\n') + (recs.length ? '\n' : '');
        roles = recs.map((r) => r.role);
      } else {
        text = f.text.endsWith('\n') ? f.text : f.text + '\n';
        const ls = text.slice(0, -1).split('\n');
        roles = ls.map((l, i) => f.roleOf(l, i));
        ls.forEach((l, i) => { if (roles[i] === 'noise') guardNoise(f.rel, l); });
      }
      const plain = Buffer.from(text, 'utf8');
      const buf = f.gzip ? zlib.gzipSync(plain, { level: 9 }) : plain;
      const counts = {};
      for (const r of roles) counts[r] = (counts[r] ?? 0) + 1;
      out.push({ rel: f.gzip ? f.rel + '.gz' : f.rel, buf, plain, lines: roles.length, noise: counts.noise ?? 0, counts });
    }
    return out;
  }
  /** Writes into dir (created); returns the rendered files. */
  write(dir) {
    const files = this.render();
    for (const f of files) {
      const p = path.join(dir, f.rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, f.buf);
    }
    return files;
  }
}

/** Markdown statistics table of rendered files. */
export function statsMarkdown(files) {
  const rows = [];
  let lines = 0, noise = 0, disk = 0, plain = 0;
  for (const f of files) {
    lines += f.lines; noise += f.noise; disk += f.buf.length; plain += f.plain.length;
    const other = Object.entries(f.counts).filter(([k]) => k !== 'noise').map(([k, v]) => `${k} ${v}`).join(', ');
    rows.push(`| \`${f.rel}\` | ${f.buf.length.toLocaleString('en-US')} | ${f.plain.length.toLocaleString('en-US')} | ${f.lines.toLocaleString('en-US')} | ${other || '-'} |`);
  }
  const pct = lines ? ((100 * noise) / lines).toFixed(2) : '100.00';
  const logs = files.filter((f) => !f.rel.endsWith('.json'));
  const ll = logs.reduce((s, f) => s + f.lines, 0);
  const ln = logs.reduce((s, f) => s + f.noise, 0);
  return [
    `${files.length} files, ${disk.toLocaleString('en-US')} bytes on disk (${plain.toLocaleString('en-US')} uncompressed), ${lines.toLocaleString('en-US')} lines, of which ${noise.toLocaleString('en-US')} are unrelated noise: **${pct}% noise** (log and text files alone, without \`.json\` snapshots: ${ll.toLocaleString('en-US')} lines, ${ll ? ((100 * ln) / ll).toFixed(2) : '100.00'}% noise).`,
    '',
    'A line is noise unless the generator wrote it as evidence: `signal` (a line a signature matches), `decoy` or `contrast` (look-alikes the seed names), `context` (supporting lines: logins, kills, restarts, identity lines of evidence objects in JSON) or `marker` (journalctl header and boot lines).',
    '',
    '| file | bytes on disk | bytes uncompressed | lines | non-noise lines by role |',
    '|---|---:|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
}

export function summary(files) {
  const lines = files.reduce((s, f) => s + f.lines, 0);
  const noise = files.reduce((s, f) => s + f.noise, 0);
  return {
    files: files.length,
    bytes: files.reduce((s, f) => s + f.buf.length, 0),
    uncompressed: files.reduce((s, f) => s + f.plain.length, 0),
    lines,
    noise,
    noiseShare: lines ? noise / lines : 1,
    logNoiseShare: (() => { const l = files.filter((f) => !f.rel.endsWith('.json')); const a = l.reduce((s, f) => s + f.lines, 0); return a ? l.reduce((s, f) => s + f.noise, 0) / a : 1; })(),
  };
}
