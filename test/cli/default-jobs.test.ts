import { describe, expect, it } from 'vitest';
import { defaultJobs } from '../../src/cli/options.js';

describe('default --jobs', () => {
  it('leaves one CPU to the garbage collector and gunzip, and never goes below one thread', () => {
    expect([1, 2, 4, 16].map((n) => defaultJobs(n))).toEqual([1, 1, 3, 15]);
  });
});
