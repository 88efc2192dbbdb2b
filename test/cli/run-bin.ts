import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/hows.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `hows` binary (global setup builds dist/) like a user would. */
export function hows(args: readonly string[], opts: { input?: string | Buffer; cwd?: string; timeout?: number; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
