import { describe, expect, it } from 'vitest';
import { StringPool } from '../../src/pipeline/intern.js';

describe('StringPool', () => {
  it('gives back an equal string for every value, short or long', () => {
    const pool = new StringPool();
    const long = 'media/radarr-59b85cfdbd-62bdl';
    for (const s of ['', 'I', 'kubelet.go', '2542', 'readiness', long]) expect(pool.intern(s)).toBe(s);
    expect(pool.intern('ready'.slice(0, 5))).toBe('ready');
  });

  it('remembers only short values (a longer cut of a line already shares its bytes)', () => {
    const pool = new StringPool();
    pool.intern('k8s01');
    pool.intern('k8s01');
    pool.intern('media/radarr-59b85cfdbd-62bdl');
    pool.intern('exactly12chr');
    pool.intern('thirteen-char');
    expect(pool.size).toBe(2);
  });

  it('stops remembering at its capacity, and still returns every value unchanged', () => {
    const pool = new StringPool(100);
    const values = Array.from({ length: 1000 }, (_, i) => `pod-${i}`);
    for (const v of values) expect(pool.intern(v)).toBe(v);
    expect(pool.size).toBe(100);
    expect(pool.intern('pod-5')).toBe('pod-5');
    expect(pool.intern('pod-999')).toBe('pod-999');
  });

  it('internValues keeps every key and value of a record\'s fields', () => {
    const pool = new StringPool();
    const fields = { 'klog.severity': 'I', 'klog.file': 'kubelet.go', 'klog.line': '2542', probe: 'readiness', pod: 'media/sonarr-dd4cb4f69-k929r' };
    const copy = { ...fields };
    pool.internValues(fields);
    expect(fields).toStrictEqual(copy);
    expect(Object.keys(fields)).toEqual(Object.keys(copy));
  });

  it('name() pools a value whatever its length; internValues takes a long value from `same` when it is there', () => {
    const pool = new StringPool();
    const program = 'microk8s.daemon-kubelite';
    expect(pool.name(program)).toBe(program);
    expect(pool.intern(program)).toBe(program);
    expect(pool.size).toBe(1);
    const captures = { pod: 'media/sonarr-dd4cb4f69-k929r', namespace: 'media', other: 'a value found in no field' };
    pool.internValues(captures, { pod: 'media/sonarr-dd4cb4f69-k929r', probe: 'readiness' });
    expect(captures).toStrictEqual({ pod: 'media/sonarr-dd4cb4f69-k929r', namespace: 'media', other: 'a value found in no field' });
  });
});
