import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFormat } from '../../src/parse/index.js';
import { prepareSignatures, scanDeps, scanFile } from '../../src/pipeline/index.js';
import { RAW_MESSAGE_FORMATS, rawCheck, unanchored } from '../../src/pipeline/raw-check.js';
import { LOG_FORMATS, realLog } from './real-logs.js';

describe('unanchored', () => {
  it('drops a leading ^ and a trailing $, and refuses anchors or word boundaries elsewhere', () => {
    expect(unanchored('^Freezing execution\\.')?.source).toBe('Freezing execution\\.');
    expect(unanchored('read-only$')?.source).toBe('read-only');
    expect(unanchored('[^ :]+: (a|b)\\$')?.source).toBe('[^ :]+: (a|b)\\$');
    expect(unanchored('a|^b')).toBeNull();
    expect(unanchored('(x$|y)')).toBeNull();
    expect(unanchored('\\bsdb\\b')).toBeNull();
  });
});

describe('rawCheck', () => {
  const compiled = prepareSignatures([], []).compiled;
  const check = rawCheck(compiled.signatures, (id) => compiled.literalsOf(id), ['goroutine ']);
  const at = (line: string): boolean => check.mayMatch(`x\n${line}\ny`, 2, 2 + line.length);
  it('lets through lines a signature may match, and lines it can not judge', () => {
    expect(at('May 28 20:23:14 k8s02 kernel: [ 6104.402394] EXT4-fs (sdb): Remounting filesystem read-only')).toBe(true);
    expect(at('May 28 20:21:04 k8s02 systemd-networkd[812]: eth0: Gained carrier')).toBe(true);
    expect(at('May 28 20:21:04 k8s02 app[7]: goroutine 1 [running]:')).toBe(true);
    expect(at('May 28 20:21:04 k8s02 app[7]: caf\u00e9 EXT4-fs (sdb): Remounting filesystem')).toBe(true);
    expect(at('May 28 20:21:04 k8s02 kernel: #011EXT4-fs (sdb): Remounting filesystem read-only')).toBe(true);
  });
  it('stops near misses: the literal without the rest of the pattern', () => {
    expect(at('May 28 00:01:57 k8s01 kernel: [1025353.698260] IPv6: ADDRCONF(NETDEV_CHANGE): ethbb992d13b5: link is not ready')).toBe(false);
    expect(at('May 28 00:02:03 k8s01 microk8s.daemon-kubelite[1189]: I0528 00:02:03.895272    1189 operation_generator.go:664] "MountVolume.SetUp succeeded for volume \\"pvc-old-style\\" (UniqueName: \\"x\\")"')).toBe(false);
    expect(at('May 28 20:21:04 k8s02 systemd-networkd[812]: calic149d6c0366: Gained carrier')).toBe(false);
  });
});

describe('formats whose one-line records keep their message as a piece of the line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hows-raw-'));
  const deps = scanDeps(prepareSignatures([], []).compiled);
  const decode = (s: string): string => s.replace(/[#\\](0[0-3][0-7]|177)/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  for (const format of LOG_FORMATS.filter((f) => RAW_MESSAGE_FORMATS.has(f))) {
    it(`${format}: message within raw for every one-line record`, async () => {
      expect(getFormat(format)).toBeDefined();
      const file = path.join(dir, `${format}.log`);
      writeFileSync(file, realLog(format, 1500, 7));
      const full = await scanFile({ path: file, size: 0 }, deps, { all: true, context: 0, as: format, parse: {} });
      let checked = 0;
      for (const r of full.records) {
        if (r.at.endLine !== undefined || r.source === 'goroutine' || r.fields.unparsed === 'true') continue;
        expect(decode(r.raw).includes(r.message), `line ${r.at.line}: ${r.raw}`).toBe(true);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(300);
    });
  }
});
