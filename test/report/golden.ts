import { existsSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Compares `actual` with a golden file byte for byte. A golden is never written silently: a
 * missing one fails unless the run was started with `vitest -u` (which also rewrites changed
 * ones); under CI=1 vitest itself refuses to write snapshots.
 */
export async function expectGolden(actual: string, file: string): Promise<void> {
  const mode = expect.getState().snapshotState.snapshotUpdateState;
  if (!existsSync(file) && mode !== 'all') {
    throw new Error(`golden file ${file} is missing: create it with \`npx vitest run -u\`, then review it before committing`);
  }
  await expect(actual).toMatchFileSnapshot(file);
}
