import { describe, expect, it } from 'vitest';
import type { FileScan } from '../../src/model/index.js';
import { dropDuplicateContent } from '../../src/pipeline/analyze.js';

function scan(path: string, sha256: string): FileScan {
  return {
    input: { path, format: 'syslog-rfc3164', gzip: false, bytes: 120, uncompressedBytes: 120, lines: 1, unparsedLines: 0, sha256 },
    records: [],
    samples: [],
    objects: [],
    buckets: [],
    diagnostics: [],
  };
}

describe('dropDuplicateContent', () => {
  it('reads a copy (same sha256) once, and warns', () => {
    const out = dropDuplicateContent([scan('/ev/kern.log', 'ab'.repeat(32)), scan('/ev/kern.log.1', 'ab'.repeat(32)), scan('/ev/syslog', 'cd'.repeat(32))]);
    expect(out.map((s) => s.input.skipped)).toEqual([undefined, 'duplicate of /ev/kern.log', undefined]);
    expect(out[1]!.diagnostics.map((d) => d.code)).toEqual(['ingest/duplicate-content']);
  });

  it('keeps every file whose digest could not be computed (no sha256 is not the same sha256)', () => {
    const out = dropDuplicateContent([scan('/ev/kern.log', ''), scan('/ev/syslog', '')]);
    expect(out.map((s) => s.input.skipped)).toEqual([undefined, undefined]);
    expect(out.flatMap((s) => s.diagnostics)).toEqual([]);
  });
});
