/**
 * Runs the built `hows` binary on hostile evidence, the way a user would, and reads back what
 * the issue asks to assert: exit code, the warnings on stderr (code and text), the count of
 * lines read and kept, and that nothing on stderr is a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../cli/run-bin.js';

export const BIN = path.join(ROOT, 'bin/hows.js');
/** The user the unreadable-file cases run as when the tests run as root (permissions do not apply to root). */
export const NOBODY = 65534;
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  /** Milliseconds before the run counts as a hang (the test fails: spawnSync reports ETIMEDOUT). */
  timeout?: number;
  uid?: number;
  /** Node flags before the script (e.g. --require a preload). */
  node?: string[];
}

/** `hows <args>` with a timeout; throws (failing the test) when it hangs past it. */
export function hows(args: readonly string[], opts: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [...(opts.node ?? []), BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeout ?? 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', HOWS_DEBUG: '' },
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  if (r.error) throw new Error(`hows ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A stack frame line as Node prints it (`    at fn (file.js:1:2)` or `    at file.js:1:2`). */
const STACK_FRAME = /^\s+at .*(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m;

/** stderr holds neither a stack trace nor an internal error. */
export function expectNoCrash(r: Run): void {
  expect(r.stderr, r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/^(?:TypeError|RangeError|Error|SyntaxError): /m);
}

export interface Warning {
  severity: 'error' | 'warning' | 'info';
  code: string;
  reason: string;
  /** The places listed under it (`--> file:line`). */
  places: string[];
}

/** The diagnostics printed on stderr (renderDiagnostics' format, without colour). */
export function warnings(stderr: string): Warning[] {
  const out: Warning[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^(error|warning|info)\[([a-z-]+\/[a-z0-9-]+)\]: (.*)$/.exec(line);
    if (m) out.push({ severity: m[1] as Warning['severity'], code: m[2]!, reason: m[3]!, places: [] });
    else if (out.length > 0 && line.startsWith('  --> ')) out[out.length - 1]!.places.push(line.slice(6));
  }
  return out;
}

export function codes(stderr: string): string[] {
  return warnings(stderr).map((w) => w.code);
}

/** The one-line summary: `hows: N file(s), M lines, ...`. */
export function summary(stderr: string): { files: number; lines: number; findings: number; warnings: number; errors: number } {
  const m = /hows: (\d+) file\(s\), (\d+) lines, .*; (\d+) finding\(s\) in \d+ chain\(s\); (\d+) warnings?, (\d+) errors?/.exec(stderr);
  if (!m) throw new Error(`no summary line on stderr:\n${stderr}`);
  return { files: Number(m[1]), lines: Number(m[2]), findings: Number(m[3]), warnings: Number(m[4]), errors: Number(m[5]) };
}

/** Events of `hows timeline --format jsonl` output. */
export interface JsonlEvent {
  message: string;
  time: string | null;
  raw: string;
  host: string | null;
  format: string;
  from: Array<{ file: string; line: number; offset: number }>;
  fields: Record<string, string>;
}

export function events(stdout: string): JsonlEvent[] {
  return stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as JsonlEvent);
}

/**
 * `hows timeline <paths> --format jsonl` (every event) plus what the issue asserts of it:
 * the run did not crash, and the events as parsed JSON.
 */
export function timeline(paths: readonly string[], extra: readonly string[] = [], opts: RunOptions = {}): Run & { events: JsonlEvent[] } {
  const r = hows(['timeline', ...paths, '--format', 'jsonl', '--tz', 'UTC', '--year', '2026', ...extra], opts);
  expectNoCrash(r);
  return { ...r, events: r.code === 0 ? events(r.stdout) : [] };
}

/** A fresh folder under the OS temp dir that other users can enter (for the run-as-nobody cases). */
export function scratch(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `hows-hostile-${name}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/** Writes `files` (relative path -> content) under `dir`; returns `dir`. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, data] of Object.entries(files)) {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, data);
  }
  return dir;
}

/** A year-less kernel line of host k8s02 on May 28, eight a second from 20:10:00 (in order up to i = 100 000). */
export function kern(i: number, msg = `usb 1-1: new high-speed USB device number ${i}`): string {
  const t = 10 * 60 + Math.floor(i / 8);
  const hh = 20 + Math.floor(t / 3600);
  const mm = Math.floor((t % 3600) / 60);
  const ss = t % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `May 28 ${two(hh)}:${two(mm)}:${two(ss)} k8s02 kernel: [ ${1000 + i}.000000] ${msg}`;
}

/** `n` kernel lines, each ending in '\n', numbered from `from`. */
export function kernLines(n: number, from = 0): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `${kern(from + i)}\n`;
  return s;
}

/** The read-only remount line hows has a signature for (a finding proves the line was matched). */
export const REMOUNT = 'EXT4-fs (sdb): Remounting filesystem read-only';
