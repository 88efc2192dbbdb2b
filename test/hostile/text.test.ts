import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryVerdict } from '../../src/ingest/index.js';
import { REMOUNT, codes, kern, kernLines, scratch, summary, timeline, warnings, writeTree } from './harness.js';

let dir: string;
beforeAll(() => {
  dir = scratch('text');
});

describe('a binary file among logs', () => {
  it('is skipped with a warning naming what it is; the logs next to it are read', () => {
    // Bytes as random as encrypted data (a fixed generator: the test is deterministic).
    const noise = Buffer.alloc(8192);
    for (let i = 0, x = 12345; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const d = writeTree(path.join(dir, 'binary'), {
      'kern.log': kernLines(5),
      'core.1234': noise,
      'kubelet': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]),
    });
    const r = timeline([d]);
    expect(r.code).toBe(0);
    const w = warnings(r.stderr);
    expect(w.map((x) => [x.code, x.reason])).toEqual([
      ['ingest/binary-file', expect.stringMatching(new RegExp(`^Skipped ${path.join(d, 'core.1234')}: it is binary data \\(\\d+% control (or non-UTF-8 )?bytes in the first \\d+ bytes\\), not a text log$`))],
      ['ingest/binary-file', `Skipped ${path.join(d, 'kubelet')}: it is an ELF executable, not a text log`],
    ]);
    expect(r.events).toHaveLength(5);
    expect(summary(r.stderr)).toMatchObject({ files: 1, lines: 5 });
  });

  it('alone, it leaves nothing to read: exit 2, the warning and "no input could be read"', () => {
    const d = writeTree(path.join(dir, 'binary-only'), { 'kubelet': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(64)]) });
    const r = timeline([d]);
    expect(r.code).toBe(2);
    expect(codes(r.stderr)).toEqual(['ingest/binary-file']);
    expect(r.stderr).toContain('hows: no input could be read');
    expect(r.stdout).toBe('');
  });
});

describe('telling binary data from a log with bad bytes (binaryVerdict)', () => {
  it('calls random bytes (encrypted, or compressed without a known magic) binary, every time', () => {
    let x = 42;
    let text = 0;
    for (let k = 0; k < 500; k++) {
      const head = Buffer.alloc(8192);
      for (let i = 0; i < head.length; i++) head[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      if (!binaryVerdict(head)) text += 1;
    }
    // By control bytes alone (the 10% rule) about 6% of random heads read as text.
    expect(text).toBe(0);
  });

  it('keeps a Latin-1 log (an umlaut in every line, not UTF-8) and a log with NULs as text', () => {
    const latin1 = Buffer.from(Array.from({ length: 100 }, (_, i) => kern(i, 'Ger\xe4t f\xfcr Pr\xfcfung gefunden')).join('\n'), 'latin1');
    expect(binaryVerdict(latin1)).toBeUndefined();
    const nuls = Buffer.from(Array.from({ length: 100 }, (_, i) => kern(i, 'pad \u0000\u0000\u0000 end')).join('\n'), 'latin1');
    expect(binaryVerdict(nuls)).toBeUndefined();
  });
});

describe('NUL bytes and invalid UTF-8 inside otherwise good lines', () => {
  it('keeps every line, shows bad bytes as U+FFFD, keeps NULs and valid UTF-8 as they are, and counts the bad lines', () => {
    const bad = [
      Buffer.from([0xff, 0xfe]), // never valid
      Buffer.from([0xc0, 0xaf]), // overlong '/'
      Buffer.from([0x80]), // lone continuation byte
      Buffer.from([0xe2, 0x82]), // truncated 3-byte sequence at the end of the line
    ];
    const lines: Buffer[] = [Buffer.from(`${kern(0)}\n`), Buffer.from(`${kern(1, 'nul \u0000\u0000 inside')}\n`)];
    bad.forEach((b, i) => lines.push(Buffer.concat([Buffer.from(kern(2 + i, `bad utf8 `)), b, Buffer.from('\n')])));
    lines.push(Buffer.from(`${kern(6, 'fine: Grüße 日本 🚀')}\n`), Buffer.from(`${kern(7, REMOUNT)}\n`));
    const d = writeTree(path.join(dir, 'bytes'), { 'kern.log': Buffer.concat(lines) });
    const r = timeline([d]);
    expect(r.code).toBe(0);
    const w = warnings(r.stderr);
    expect(w.map((x) => [x.code, x.reason, x.places])).toEqual([
      ['ingest/invalid-utf8', '4 line(s) hold bytes that are not valid UTF-8; kept with U+FFFD in their place (4 times)', [`${path.join(d, 'kern.log')}:3`]],
    ]);
    expect(r.events).toHaveLength(8);
    const msgs = r.events.map((e) => e.message);
    expect(msgs).toContain('nul \u0000\u0000 inside');
    expect(msgs).toContain('bad utf8 \ufffd\ufffd');
    expect(msgs).toContain('fine: Grüße 日本 🚀');
    expect(msgs.filter((m) => m.startsWith('bad utf8 ') && m.includes('\ufffd'))).toHaveLength(4);
    expect(summary(r.stderr)).toMatchObject({ lines: 8, findings: 1 });
  });
});

describe('CRLF line ends and a missing final newline', () => {
  it('reads the same lines as LF, the last line without its newline included, with no warning', () => {
    const text = kernLines(3).replace(/\n/g, '\r\n') + kern(3, REMOUNT);
    const d = writeTree(path.join(dir, 'crlf'), { 'kern.log': text });
    const r = timeline([d]);
    expect(r.code).toBe(0);
    expect(codes(r.stderr)).toEqual([]);
    expect(r.events.map((e) => e.raw)).toEqual([kern(0), kern(1), kern(2), kern(3, REMOUNT)]);
    expect(r.events.map((e) => e.from[0]!.offset)).toEqual([0, kern(0).length + 2, 2 * (kern(0).length + 2), 3 * (kern(0).length + 2)]);
    expect(summary(r.stderr)).toMatchObject({ lines: 4, findings: 1 });
  });
});

describe('a 100 MB line', () => {
  it('is cut to 1 MiB with a warning, and the lines after it are kept', () => {
    const d = writeTree(path.join(dir, 'long'), { 'kern.log': '' });
    const f = path.join(d, 'kern.log');
    const fd = openSync(f, 'w');
    const head = `${kern(0)}\n${kern(1, 'starts a very long line ')}`;
    writeSync(fd, head);
    const mib = Buffer.alloc(1 << 20, 'x');
    for (let i = 0; i < 100; i++) writeSync(fd, mib);
    writeSync(fd, `\n${kern(2)}\n${kern(3, REMOUNT)}\n`);
    closeSync(fd);
    const longBytes = head.length - kern(0).length - 1 + 100 * (1 << 20);
    const r = timeline([d], [], { timeout: 60_000 });
    expect(r.code).toBe(0);
    expect(warnings(r.stderr).map((x) => [x.code, x.reason, x.places])).toEqual([
      ['ingest/long-line', `Line of ${longBytes} bytes cut to 1 MiB`, [`${f}:2 (byte ${kern(0).length + 1})`]],
    ]);
    expect(r.events).toHaveLength(4);
    expect(r.events[1]!.raw.length).toBe(1 << 20);
    expect(r.events[1]!.message.startsWith('starts a very long line xxxx')).toBe(true);
    expect(r.events.slice(2).map((e) => [e.raw, e.from[0]!.line])).toEqual([
      [kern(2), 3],
      [kern(3, REMOUNT), 4],
    ]);
    expect(summary(r.stderr)).toMatchObject({ lines: 4, findings: 1 });
  });
});

describe('an empty file', () => {
  it('is read: 0 lines, no warning, exit 0 (empty evidence is evidence)', () => {
    const d = writeTree(path.join(dir, 'empty'), { 'kern.log': '' });
    const r = timeline([d]);
    expect(r.code).toBe(0);
    expect(codes(r.stderr)).toEqual([]);
    expect(r.events).toHaveLength(0);
    expect(summary(r.stderr)).toMatchObject({ files: 1, lines: 0 });
  });
});
