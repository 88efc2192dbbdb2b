import { describe, expect, it } from 'vitest';
import type { Format } from '../../src/model/index.js';
import { FORMATS, formatIds, getFormat, registerFormat, sniffFormat, textFormat } from '../../src/parse/index.js';
import { run } from './helpers.js';

describe('format samples', () => {
  for (const format of FORMATS) {
    it(`${format.meta.id}: its samples sniff to it and parse without unparsed lines`, () => {
      expect(format.meta.samples.length).toBeGreaterThan(0);
      expect(sniffFormat(format.meta.samples).format.meta.id).toBe(format.meta.id);
      const r = run(format, format.meta.samples);
      expect(r.unparsed).toBe(0);
      expect(r.records.length).toBeGreaterThan(0);
    });
  }
});

describe('sniffFormat', () => {
  it('tells journal short (zero-padded day) from syslog (space-padded day) by content, not by name', () => {
    const journal = ['May 08 20:21:04 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only', 'May 08 20:21:05 k8s02 systemd[1]: x'];
    expect(sniffFormat(journal, { file: 'k8s02/kern.log' }).format.meta.id).toBe('journal-short');
    const syslog = ['May  8 20:21:04 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only', 'May  8 20:21:05 k8s02 systemd[1]: x'];
    expect(sniffFormat(syslog, { file: 'journal.txt' }).format.meta.id).toBe('syslog-rfc3164');
  });

  it('reports a same-shape choice as ambiguous, with the alternative in the help', () => {
    const r = sniffFormat(['May 28 20:21:04 k8s02 kernel: x', 'May 28 20:21:05 k8s02 iscsid: y'], { file: 'a.log' });
    expect(r.format.meta.id).toBe('syslog-rfc3164');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'parse/ambiguous-format', place: { file: 'a.log', line: 1 }, help: expect.stringContaining('--as journal-short') }),
    ]);
  });

  it('printk prefixes in kernel lines (rsyslog imklog) settle syslog without an ambiguity note', () => {
    const r = sniffFormat(['May 28 20:21:04 k8s02 kernel: [ 1234.567890] EXT4-fs (sdb): x', 'May 28 20:21:05 k8s02 iscsid: y']);
    expect(r.format.meta.id).toBe('syslog-rfc3164');
    expect(r.diagnostics).toEqual([]);
    const iso = sniffFormat(['2026-05-28T20:21:04.118402+10:00 k8s02 kernel: [ 1234.567890] EXT4-fs (sdb): x']);
    expect(iso.format.meta.id).toBe('syslog-rfc3339');
    expect(iso.diagnostics).toEqual([]);
  });

  it('journal markers turn an RFC 3339 file into journal short-iso-precise', () => {
    const lines = ['2026-05-28T20:21:04.118402+10:00 k8s02 kernel: a', '-- Boot 5dffeb08a27344d5ae9e2fc244bbcbc5 --', '2026-05-28T20:25:00.000001+10:00 k8s02 kernel: b'];
    expect(sniffFormat(lines).format.meta.id).toBe('journal-short-iso-precise');
    expect(sniffFormat([lines[0]!, lines[2]!]).format.meta.id).toBe('syslog-rfc3339');
  });

  it('tells dmesg from journal short-monotonic', () => {
    expect(sniffFormat(['[ 1234.567890] EXT4-fs (sdb): Remounting filesystem read-only', '[ 1234.6] sd 2:0:0:0: [sdb] x']).format.meta.id).toBe('dmesg');
    expect(sniffFormat(['[ 1234.567890] k8s02 kernel: x', '[ 1235.0] k8s02 iscsid[9]: y']).format.meta.id).toBe('journal-short-monotonic');
  });

  it('falls back to text with a warning when nothing reads the lines; skips blank lines', () => {
    const r = sniffFormat(['', '   ', 'hello world', 'second note'], { file: 'notes.txt' });
    expect(r.format).toBe(textFormat);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'parse/unknown-format', snippet: 'hello world' });
    expect(sniffFormat([]).diagnostics).toEqual([]);
  });

  it('a mostly-syslog file with a few odd lines still sniffs as syslog', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `Jun  1 04:00:0${i} node-7 CRON[${i}]: (root) CMD (x)`);
    lines.splice(3, 0, 'garbage');
    const r = sniffFormat(lines);
    expect(r.format.meta.id).toBe('syslog-rfc3164');
    expect(r.score).toBeGreaterThan(0.7);
  });
});

describe('registry', () => {
  it('lists every format id once, text last; getFormat finds by id', () => {
    const ids = formatIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('text');
    for (const id of ['syslog-rfc3164', 'syslog-rfc3339', 'syslog-rfc5424', 'dmesg', 'journal-short', 'journal-json', 'journal-json-pretty', 'klog', 'klog-json', 'logrus', 'container-cri']) {
      expect(getFormat(id)?.meta.id).toBe(id);
    }
    expect(getFormat('nope')).toBeUndefined();
  });

  it('registerFormat adds a format before the text fallback and refuses a duplicate id', () => {
    const extra: Format = {
      meta: { id: 'test-extra', title: 'test', source: 'text', docs: '', samples: ['EXTRA line'] },
      sniff: (lines) => (lines.every((l) => l.startsWith('EXTRA')) ? 0.99 : 0),
      gateable: true,
      open: textFormat.open,
    };
    registerFormat(extra);
    try {
      expect(formatIds().slice(-2)).toEqual(['test-extra', 'text']);
      expect(sniffFormat(['EXTRA line']).format).toBe(extra);
      expect(() => registerFormat(extra)).toThrow(/already registered/);
    } finally {
      FORMATS.splice(FORMATS.indexOf(extra), 1);
    }
  });
});
