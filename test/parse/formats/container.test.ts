import { describe, expect, it } from 'vitest';
import { containerCriFormat, containerTimestampsFormat } from '../../../src/parse/index.js';
import { one, run } from '../helpers.js';

describe('CRI container logs', () => {
  it('reads stream, time (ns cut to µs) and logrus inside', () => {
    const r = one(
      containerCriFormat,
      '2026-03-28T09:14:02.123456789Z stderr F time="2026-03-28T09:14:02Z" level=fatal msg="Failed to add replica to controller, err: Current replica\'s checkpoint not present in rwReplica chain"',
      { host: 'k8s01' },
    );
    expect(r).toMatchObject({
      source: 'container',
      format: 'container-cri',
      host: 'k8s01',
      severity: 'critical',
      stamp: { kind: 'absolute', utcMicros: Date.UTC(2026, 2, 28, 9, 14, 2) * 1000 + 123456 },
      inner: { kind: 'absolute', utcMicros: Date.UTC(2026, 2, 28, 9, 14, 2) * 1000 },
      fields: { stream: 'stderr', level: 'fatal' },
    });
  });

  it('joins partial P lines up to the F line of the same stream', () => {
    const r = run(containerCriFormat, [
      '2026-03-28T09:14:03.000000001Z stdout P I0328 09:14:03.000000       1 replica.go:88] "Adding replica" ',
      '2026-03-28T09:14:03.000000002Z stdout F address="tcp://10.1.2.3:9502" mode="WO"',
      '2026-03-28T09:14:04.000000000Z stdout F ',
    ]);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]!.message).toBe('I0328 09:14:03.000000       1 replica.go:88] "Adding replica" address="tcp://10.1.2.3:9502" mode="WO"');
    expect(r.records[0]!.fields).toMatchObject({ msg: 'Adding replica', address: 'tcp://10.1.2.3:9502', mode: 'WO' });
    expect(r.records[0]!.at).toMatchObject({ line: 1, endLine: 2 });
    expect(r.wants).toEqual([true, false, false]);
    expect(r.records[1]!.message).toBe('');
  });

  it('marks a partial record cut by the end of the file, and reports other lines', () => {
    const r = run(containerCriFormat, ['2026-03-28T09:14:03Z stdout P half', 'not a log line']);
    expect(r.records[0]!.fields.partial).toBe('true');
    expect(r.unparsed).toBe(1);
  });

  it('reads kubectl logs --timestamps lines', () => {
    const r = one(containerTimestampsFormat, '2026-03-28T09:14:05.5Z Login I/O error, failed to receive a PDU');
    expect(r).toMatchObject({ format: 'container-timestamps', message: 'Login I/O error, failed to receive a PDU', stamp: { precision: 'ms' } });
  });
});
