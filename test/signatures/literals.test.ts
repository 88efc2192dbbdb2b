import { describe, expect, it } from 'vitest';
import { escapedVariants, requiredLiterals } from '../../src/signatures/literals.js';
import { parseRegex } from '../../src/signatures/regex-ast.js';

const lits = (src: string): string[] | null => requiredLiterals(parseRegex(src).ast);

describe('requiredLiterals', () => {
  it('takes the longest fixed run of a sequence', () => {
    expect(lits('EXT4-fs \\((?<device>[a-z]+[0-9]*)\\): Remounting filesystem read-only')).toEqual(['): Remounting filesystem read-only']);
    expect(lits('session[0-9]+: session recovery timed out after [0-9]+ secs')).toEqual([': session recovery timed out after ']);
  });

  it('expands small alternations and optional parts into alternatives', () => {
    expect(lits('kine\\.sock[^ ]*: (use of closed network connection|connect: connection refused)')).toEqual([
      ': connect: connection refused',
      ': use of closed network connection',
    ]);
    expect(lits('colou?r of')).toEqual(['color of', 'colour of']);
  });

  it('goes on into the fixed start of a group and out of its fixed end', () => {
    expect(lits('succeeded for volume \\\\?"(?<pvc>pvc-[0-9a-f]{8}(-[0-9a-f]{4})?)')).toEqual(['succeeded for volume "pvc-', 'succeeded for volume \\"pvc-']);
    expect(lits('(?<dev>[a-z]+[0-9]*-ctrl) stopped [0-9]+')).toEqual(['-ctrl stopped ']);
    expect(lits('ADDRCONF\\(NETDEV_CHANGE\\): (eth|eno)[0-9a-z]*: link becomes ready')).toEqual(['ADDRCONF(NETDEV_CHANGE): eno', 'ADDRCONF(NETDEV_CHANGE): eth']);
    // an optional group has no fixed start: the run stops in front of it
    expect(lits('link is (?<how>[a-z]+)? now[0-9]')).toEqual(['link is ']);
  });

  it('gives up on a top-level alternative without a literal, and on short literals', () => {
    expect(lits('ImageGCFailed|[a-z]+ failed')).toEqual([' failed', 'ImageGCFailed']);
    expect(lits('ImageGCFailed|[a-z]+')).toBeNull();
    expect(lits('[0-9]+ab[0-9]+')).toBeNull();
  });

  it('every literal derived from the bench patterns is contained in a line the pattern matches', () => {
    const cases: Array<[string, string]> = [
      ['detected conn error \\(1020\\)', 'kernel: connection1:0: detected conn error (1020)'],
      ['I/O error, dev sd[a-z]+, sector [0-9]+ op 0x[0-9a-f]+:\\(WRITE\\)', 'blk_update_request: I/O error, dev sdb, sector 12345 op 0x1:(WRITE) flags 0x800'],
      ['ADDRCONF\\(NETDEV_CHANGE\\): (eth|eno|ens|enp)[0-9a-z]*: link becomes ready', 'IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready'],
      ['quota admission added evaluator for.{0,16}daemonsets\\.apps', 'controller.go:667] quota admission added evaluator for: daemonsets.apps'],
      ['^goroutine [0-9]+ \\[(select|semacquire|chan receive), [0-9]+ minutes\\]:$', 'goroutine 1234 [select, 33 minutes]:'],
      ['MountVolume\\.(?<op>SetUp|MountDevice) succeeded for volume \\\\?"(?<pvc>pvc-[0-9a-f]{8})', 'MountVolume.SetUp succeeded for volume "pvc-746b2837"'],
      ['(?<iface>(eth|eno)[0-9]+|bond[0-9]): (?<what>link (up|down))', 'bond0: link up'],
    ];
    for (const [src, line] of cases) {
      expect(new RegExp(src).test(line)).toBe(true);
      const l = lits(src);
      expect(l, src).not.toBeNull();
      expect(l!.some((x) => line.includes(x)), `${src} -> ${JSON.stringify(l)}`).toBe(true);
    }
  });
});

describe('escapedVariants', () => {
  it('spells quotes, backslashes and control characters as JSON and rsyslog would', () => {
    expect(escapedVariants('"Deleting pod"')).toEqual(['\\"Deleting pod\\"']);
    expect(escapedVariants('a\tb')).toEqual(['a\\tb', 'a#011b']);
    expect(escapedVariants('plain')).toEqual([]);
  });
});
