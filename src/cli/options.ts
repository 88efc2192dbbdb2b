import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { formatIds } from '../parse/index.js';
import type { AnalyzeOptions } from '../pipeline/index.js';
import { parseDuration } from '../signatures/index.js';
import { UsageError, checkZone, parseTimeArg } from './time-arg.js';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** Options shared by every command that reads evidence. */
export function addEvidenceOptions(c: Command): Command {
  return c
    .option('--tz <zone>', 'IANA zone of time stamps that carry no zone (syslog, journal short, klog, dmesg -T)', 'UTC')
    .option('--display-tz <zone>', 'IANA zone reports are shown in (default: --tz)')
    .option('--year <yyyy>', 'year of year-less stamps (default: from dated evidence, else file mtime)')
    .option('--since <time>', 'ignore events before this time (ISO 8601, "2026-05-28 20:00", "yesterday 8pm"; read in --tz)')
    .option('--until <time>', 'ignore events after this time (same forms as --since)')
    .addOption(new Option('--as <format>', 'force this parser for every input instead of sniffing').choices(formatIds()))
    .option('--host <name>', 'host name for lines that carry none (default: from the line, the journal, or a folder named like a node)')
    .option('--boot-time <time>', 'boot time of the host, to place bare dmesg uptimes on the clock')
    .option('--dump-time <time>', 'when a goroutine dump without time stamps was taken (default: its journal prefix, else file mtime)')
    .option('--snapshot-time <time>', 'when kubectl snapshots and pasted tables were taken (default: file mtime if plausible, else newest time inside)')
    .option('--patterns <dir>', 'add a folder of signature files (repeatable)', collect, [])
    .option('--no-builtin', 'leave out the signatures shipped with hows')
    .option('--param <id.name=value>', 'override a signature parameter, e.g. taint-eviction-batch.count=4 (repeatable)', collect, [])
    .option('--context <n>', 'lines of context kept around each piece of evidence (grep -C)', '2')
    .option('--routine-window <duration>', 'context findings (pods ready, restarts, ...) unrelated to any problem and farther than this from its start and end are counted per signature and host, not listed; 0 lists every one', '1h')
    .option('-j, --jobs <n>', 'scan files on this many threads: one fewer than the CPUs by default, at least 1 (the garbage collector and gunzip run on the rest)', String(defaultJobs()))
    .option('-q, --quiet', 'print only errors on stderr (no progress, no warnings, no summary)')
    .option('-v, --verbose', 'also print informational notes (sniffing, skipped hidden files, assumptions)');
}

/** `--redact` / `--redact-hosts` (analyze and timeline: every output and the warnings on stderr). */
export function addRedactOptions(c: Command): Command {
  return c
    .option('--redact', 'replace IP and MAC addresses, e-mail addresses, bearer tokens, JWTs and URL credentials in every output by stable pseudonyms (ip-1, mac-1, email-1, token-1, jwt-1, cred-1)')
    .option('--redact-hosts', 'also replace host and node names (host-1, ...); implies --redact');
}

/** Where the reports go: `-o` (pir.md, timeline.md, findings.json), `--format`, `--templates`. */
export function addReportOptions(c: Command): Command {
  return c
    .option('-o, --out <dir>', 'write pir.md, timeline.md and findings.json into this folder')
    .addOption(new Option('--format <format>', 'print to stdout: md (the PIR) or json (findings contract)').choices(['md', 'json']))
    .option('--templates <dir>', 'Handlebars templates replacing the built-in ones (see templates/README.md)');
}

export interface ReportFlags {
  out?: string;
  format?: 'md' | 'json';
  templates?: string;
}

export interface RedactFlags {
  redact?: boolean;
  redactHosts?: boolean;
}

export interface EvidenceFlags {
  tz: string;
  displayTz?: string;
  year?: string;
  since?: string;
  until?: string;
  as?: string;
  host?: string;
  bootTime?: string;
  dumpTime?: string;
  snapshotTime?: string;
  patterns: string[];
  builtin: boolean;
  param: string[];
  context: string;
  routineWindow: string;
  jobs: string;
  quiet?: boolean;
  verbose?: boolean;
}

/** `--routine-window`: a duration (30m, 2h, 1d) or 0. */
function window(flag: string, v: string): number {
  if (v.trim() === '0') return 0;
  const d = parseDuration(v);
  if (d === undefined) throw new UsageError(`Invalid ${flag} value "${v}": expected a duration such as 30m, 2h or 1d, or 0`);
  return d;
}

function int(flag: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`Invalid ${flag} value "${v}": expected a whole number from ${min} to ${max}`);
  return n;
}

/** Turns parsed flags into analysis options, validating everything (UsageError on bad input). */
export function toAnalyzeOptions(f: EvidenceFlags, all: boolean): AnalyzeOptions {
  const tz = checkZone('--tz', f.tz);
  const displayTz = checkZone('--display-tz', f.displayTz ?? tz);
  const time = (flag: string, v: string | undefined): number | undefined => (v === undefined ? undefined : parseTimeArg(flag, v, tz));
  const since = time('--since', f.since);
  const until = time('--until', f.until);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError('--since is after --until: nothing would be left');
  const bootTime = time('--boot-time', f.bootTime);
  const dumpTime = time('--dump-time', f.dumpTime);
  const snapshotTime = time('--snapshot-time', f.snapshotTime);
  return {
    tz,
    displayTz,
    ...(f.year !== undefined ? { year: int('--year', f.year, 1970, 2200) } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(f.as ? { as: f.as } : {}),
    ...(f.host ? { host: f.host } : {}),
    ...(bootTime !== undefined ? { bootTime } : {}),
    ...(dumpTime !== undefined ? { dumpTime } : {}),
    ...(snapshotTime !== undefined ? { snapshotTime } : {}),
    patterns: f.patterns,
    params: {},
    paramArgs: f.param,
    builtin: f.builtin,
    all,
    context: int('--context', f.context, 0, 50),
    routineWindow: all ? 0 : window('--routine-window', f.routineWindow),
    jobs: int('--jobs', f.jobs, 1, 64),
  };
}

/**
 * Scan threads when -j is not given: one per CPU but one. A scan thread keeps its core busy and
 * V8's garbage collector (and gunzip, on the libuv pool) needs another: on the 2-core bench box
 * one thread scanned 100/500 MB in 3.5/8.1 s with 160/235 MiB peak RSS against 4.2/8.8 s and
 * 210/302 MiB with two (best of 3; 1000 MB: 12.2 s / 352 MiB against 11.0 s / 369 MiB).
 */
export function defaultJobs(cpus: number = availableParallelism()): number {
  return Math.max(1, cpus - 1);
}
