import { describe, expect, it } from 'vitest';
import { klogFormat, parseKlogBody, parseKlogHeader, readLogrus } from '../../../src/parse/index.js';
import { one, run } from '../helpers.js';

describe('klog header', () => {
  it('reads severity, month/day/time/µs, any PID width, basename or path, the space variant', () => {
    const h = parseKlogHeader('I0528 20:21:04.123456 2122770 taint_eviction.go:111] "Deleting pod"')!;
    expect(h).toMatchObject({ severity: 'I', pid: 2122770, file: 'taint_eviction.go', line: 111 });
    expect(h.stamp).toMatchObject({ month: 5, day: 28, hour: 20, minute: 21, second: 4, micros: 123456, text: '0528 20:21:04.123456' });
    expect(parseKlogHeader('E1111 13:26:08.308515       1 reflector.go:156] x')!.pid).toBe(1);
    expect(parseKlogHeader('W0101 00:00:00.000001 7 k8s.io/client-go/tools/cache/reflector.go:569] x')!.file).toBe(
      'k8s.io/client-go/tools/cache/reflector.go',
    );
    expect(parseKlogHeader('F0528 20:21:04.123456 42 main.go:9 ] boom')!.severity).toBe('F');
    expect(parseKlogHeader('I0528 20:21:04.123456 42 main.go:9]')!.bodyStart).toBe(35);
  });

  it('rejects near misses', () => {
    expect(parseKlogHeader('X0528 20:21:04.123456 1 a.go:1] x')).toBeNull();
    expect(parseKlogHeader('I1328 20:21:04.123456 1 a.go:1] x')).toBeNull();
    expect(parseKlogHeader('I0528 20:21:04.12345 1 a.go:1] x')).toBeNull();
    expect(parseKlogHeader('I0528 20:21:04.123456 1 a.go] x')).toBeNull();
    expect(parseKlogHeader('Info about nothing')).toBeNull();
  });
});

describe('klog body tokenizer', () => {
  const body = (b: string): Record<string, string> => {
    const f: Record<string, string> = {};
    parseKlogBody(b, f);
    return f;
  };

  it('reads Go-quoted msg and values with escapes, unquoted %+v values with spaces, balanced values', () => {
    expect(
      body(
        '"Observed pod startup duration" pod="default/multitool-ds-krhjw" podStartSLOduration=-9.223372033546324e+09 obj={Name:x Namespace:y Extra:{A:1}} list=[a b c] m=map[k:v x:y] p=<nil> ok=true err="rpc error: code = \\"Internal\\"\\n\\tdetail"',
      ),
    ).toEqual({
      msg: 'Observed pod startup duration',
      pod: 'default/multitool-ds-krhjw',
      podStartSLOduration: '-9.223372033546324e+09',
      obj: '{Name:x Namespace:y Extra:{A:1}}',
      list: '[a b c]',
      m: 'map[k:v x:y]',
      p: '<nil>',
      ok: 'true',
      err: 'rpc error: code = "Internal"\n\tdetail',
    });
  });

  it('reads (MISSING), KObj values, nested key={ k="v" } and \\u escapes', () => {
    expect(body('"Deleting pod" controller="taint-eviction-controller" pod="openebs/pvc-XX-jiva-ctrl-Y" missing="(MISSING)" nested={ k="v}" } u="caf\\u00e9"')).toEqual({
      msg: 'Deleting pod',
      controller: 'taint-eviction-controller',
      pod: 'openebs/pvc-XX-jiva-ctrl-Y',
      missing: '(MISSING)',
      nested: '{ k="v}" }',
      u: 'café',
    });
  });

  it('reads multi-line key=< blocks', () => {
    expect(body('"Status" status=<\n\tline one\n\t  line two\n > after=1')).toEqual({ msg: 'Status', status: 'line one\n  line two', after: '1' });
  });

  it('keeps printf bodies whole in msg, and text after the pairs in klog.rest', () => {
    expect(body('Adding GroupVersion crd.projectcalico.org v1 to ResourceManager')).toEqual({
      msg: 'Adding GroupVersion crd.projectcalico.org v1 to ResourceManager',
    });
    expect(body('"quoted" then not pairs')).toEqual({ msg: 'quoted', 'klog.rest': 'then not pairs' });
    expect(body('"unterminated')).toEqual({ msg: '"unterminated' });
  });
});

describe('logrus', () => {
  it('reads time (absolute, ns cut to µs), level, msg and pairs', () => {
    const f: Record<string, string> = {};
    const r = readLogrus('time="2023-07-23T19:28:13.986457862Z" level=info msg="StopPodSandbox for \\"3b1f\\" returns successfully" id=3b1f', f)!;
    expect(r.stamp).toMatchObject({ kind: 'absolute', utcMicros: Date.UTC(2023, 6, 23, 19, 28, 13) * 1000 + 986457, precision: 'us' });
    expect(r.severity).toBe('info');
    expect(f).toMatchObject({ level: 'info', msg: 'StopPodSandbox for "3b1f" returns successfully', id: '3b1f' });
    expect(readLogrus('level=fatal msg="Failed to add replica to controller"', {})!.severity).toBe('critical');
    expect(readLogrus('time="yesterday" level=info msg=x', {})).toBeNull();
    expect(readLogrus('timeout=5', {})).toBeNull();
  });
});

describe('bare klog files', () => {
  it('reads klog lines with their own clock as the stamp, and fields', () => {
    const r = one(
      klogFormat,
      'I1111 13:26:08.308515 1473551 pod_startup_latency_tracker.go:102] "Observed pod startup duration" pod="default/multitool-ds-krhjw"',
      { host: 'k8s01' },
    );
    expect(r).toMatchObject({
      source: 'klog',
      format: 'klog',
      pid: 1473551,
      severity: 'info',
      host: 'k8s01',
      stamp: { kind: 'wall', month: 11, day: 11, micros: 308515 },
      fields: { pod: 'default/multitool-ds-krhjw', 'klog.file': 'pod_startup_latency_tracker.go' },
    });
    expect(r.inner).toBeUndefined();
  });

  it('joins headerless lines (blocks, printf text, Trace) and asks for block lines', () => {
    const r = run(klogFormat, [
      'E0528 20:21:09.000123    4242 csi_attacher.go:386] "MountDevice failed" err=<',
      '\trpc error: code = Internal',
      '\tdesc = iscsi: failed to sendtargets to portal 10.152.183.34:3260',
      ' >',
      'I0618 10:05:51.812001    1341 trace.go:236] Trace[1329737242]: "List" url:/api/v1/pods (total time: 605ms):',
      'Trace[1329737242]: [605.913464ms] [605.913464ms] END',
      '{"ts":1779963664123.456,"caller":"cache/reflector.go:556","msg":"Watch close","v":0}',
      'time="2026-03-28T09:14:02Z" level=fatal msg="Failed to add replica"',
    ]);
    expect(r.records).toHaveLength(4);
    expect(r.records[0]!.fields.err).toBe('rpc error: code = Internal\ndesc = iscsi: failed to sendtargets to portal 10.152.183.34:3260');
    expect(r.wants.slice(0, 4)).toEqual([true, true, true, false]);
    expect(r.records[1]!.message).toContain('\nTrace[1329737242]: [605.913464ms]');
    expect(r.records[2]).toMatchObject({ format: 'klog-json', severity: 'info', stamp: { kind: 'absolute', utcMicros: 1779963664123456 }, fields: { msg: 'Watch close', 'klog.file': 'cache/reflector.go', 'klog.line': '556' } });
    expect(r.records[3]).toMatchObject({ format: 'logrus', severity: 'critical', fields: { msg: 'Failed to add replica' } });
    expect(r.unparsed).toBe(0);
  });

  it('does not swallow a goroutine dump or lines before any klog record', () => {
    const r = run(klogFormat, ['no header here', 'I0528 20:21:04.123456 1 a.go:1] x', 'goroutine 1 [running]:']);
    expect(r.unparsed).toBe(2);
    expect(r.records).toHaveLength(3);
  });
});
