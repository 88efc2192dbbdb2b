import { describe, expect, it } from 'vitest';
import { collapseMessages, objectOf } from '../../src/report/message-shape.js';

describe('collapseMessages (a burst of same-shape lines as one row)', () => {
  it('collapses lines that differ in one object, naming each object once', () => {
    const lines = ['openebs/pvc-1-jiva-ctrl-a', 'openebs/pvc-2-jiva-ctrl-b', 'openebs/pvc-1-jiva-ctrl-a'].map(
      (p) => `I0528 20:21:04.118402    2101 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="${p}"`,
    );
    expect(collapseMessages(lines)).toEqual({
      text: '3x "Deleting pod" controller="taint-eviction-controller": openebs/pvc-1-jiva-ctrl-a, openebs/pvc-2-jiva-ctrl-b',
      objects: ['openebs/pvc-1-jiva-ctrl-a', 'openebs/pvc-2-jiva-ctrl-b'],
    });
  });

  it('collapses kernel lines naming another device, and caps the names shown', () => {
    const lines = ['sdb', 'sdc', 'sdd'].map((d) => `EXT4-fs (${d}): Remounting filesystem read-only`);
    expect(collapseMessages(lines, 2)?.text).toBe('3x EXT4-fs Remounting filesystem read-only: sdb, sdc, … (+1 more)');
  });

  it('does not collapse lines that differ in several places (different messages, not one object)', () => {
    const lines = [
      '1 goroutine in k8s.io/client-go/util/workqueue.(*Typed[...]).Get blocked [sync.Cond.Wait] for 9 minutes (since about 21:11)',
      '3 goroutines in k8s.io/client-go/tools/cache.handleAnyWatch blocked [select] for 9 minutes (since about 21:11)',
    ];
    expect(collapseMessages(lines)).toBeNull();
  });

  it('does not collapse lines of different lengths or a single line', () => {
    expect(collapseMessages(['connection1:0: detected conn error (1020)', 'connection1:0: detected conn error (1020) again'])).toBeNull();
    expect(collapseMessages(['only one'])).toBeNull();
  });

  it('objectOf strips key=, quotes and brackets', () => {
    expect(objectOf('pod="openebs/x"')).toBe('openebs/x');
    expect(objectOf('(sdb):')).toBe('sdb');
    expect(objectOf('[sdb]')).toBe('sdb');
  });
});
