import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Build dist/ once per test run (as `npm run build` does) so CLI tests exercise the same code as
// the sources under test.
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  // The package's own build script (tsc, the precompiled templates, the bundle bin/hows.js
  // loads), so the tests can not drift from it. stdout is its chatter; errors go to stderr.
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
