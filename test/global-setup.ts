import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Build dist/ once per test run (as `npm run build` does) so CLI tests exercise the same code as
// the sources under test.
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // As `npm run build`: the built-in templates precompiled beside dist/report/render.js.
  execFileSync(process.execPath, [path.join(root, 'dist/report/precompiled.js')], { cwd: root, stdio: 'ignore' });
}
