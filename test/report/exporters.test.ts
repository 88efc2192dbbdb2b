import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/model/index.js';
import { CSV_COLUMNS, eventsCsv, eventsJsonl, findingsJson } from '../../src/report/index.js';
import { seed001 } from '../fixtures/report/seed-001.js';
import { parseCsv } from './csv.js';

function* forever(e: Event): Generator<Event> {
  for (let seq = 1; ; seq++) yield { ...e, seq };
}

describe('findingsJson', () => {
  it('writes the contract of the signatures issue with keys in a fixed order', () => {
    const doc = JSON.parse(findingsJson(seed001().result));
    expect(Object.keys(doc)).toEqual(['tool', 'options', 'findings', 'chains', 'routine', 'assumptions', 'warnings', 'inputs']);
    const f = doc.findings.find((x: { ref: string }) => x.ref === 'F011');
    expect(Object.keys(f).slice(0, 14)).toEqual(['ref', 'id', 'title', 'level', 'kind', 'role', 'host', 'first', 'last', 'count', 'captures', 'entities', 'evidence', 'causes']);
    expect(f).toMatchObject({ id: 'ext4-ro-remount', level: 'high', host: 'k8s02', first: '2026-05-28T10:23:10Z', count: 1, causes: [{ ref: 'F010', strength: 'identity', via: 'device=sdb' }] });
    expect(f.evidence[0]).toEqual({ file: '/evidence/seed-001/k8s02/syslog.2.gz', line: 22, offset: expect.any(Number), time: '2026-05-28T10:23:10Z', text: 'May 28 20:23:10 k8s02 kernel: [ 7544.002600] EXT4-fs (sdb): Remounting filesystem read-only', seq: expect.any(Number) });
    expect(Object.keys(doc.inputs[0]).slice(0, 4)).toEqual(['path', 'format', 'host', 'hostSource']);
    expect(doc.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.chains[0].steps[0]).toEqual({ ref: 'F011', question: 'How did the filesystem on sdb go read-only?', answer: expect.any(String), link: { ref: 'F010', strength: 'identity', via: 'device=sdb' } });
  });

  it('gives the same bytes whatever order the result lists things in', () => {
    const a = seed001().result;
    const b = seed001().result;
    b.findings.reverse();
    b.inputs.reverse();
    b.chains.reverse();
    for (const f of b.findings) f.captures = Object.fromEntries(Object.entries(f.captures).reverse());
    expect(findingsJson(b)).toBe(findingsJson(a));
    expect(findingsJson(a).endsWith('}\n')).toBe(true);
  });

  it('keeps hostile capture names as plain keys', () => {
    const r = seed001().result;
    r.findings[0]!.captures = JSON.parse('{"__proto__": "x", "constructor": "y"}');
    const doc = JSON.parse(findingsJson(r));
    expect(Object.keys(doc.findings[0].captures)).toEqual(['__proto__', 'constructor']);
  });
});

describe('eventsJsonl', () => {
  it('yields one JSON object per line with Timesketch fields first', () => {
    const lines = [...eventsJsonl(seed001().timeline.slice(0, 2))];
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first).slice(0, 4)).toEqual(['message', 'datetime', 'timestamp_desc', 'seq']);
    expect(first).toMatchObject({
      message: ' connection1:0: detected conn error (1020)',
      datetime: '2026-05-28T09:16:07+00:00',
      timestamp_desc: 'Log time (year inferred, zone assumed)',
      time: '2026-05-28T09:16:07.000000Z',
      host: 'k8s02',
      source: 'syslog',
      program: 'kernel',
      from: [{ file: '/evidence/seed-001/k8s02/syslog.2.gz', line: 1, offset: 0 }],
    });
  });

  it('streams: nothing is read before a line is asked for', () => {
    const it = eventsJsonl(forever(seed001().timeline[0]!));
    expect(JSON.parse(it.next().value as string).seq).toBe(1);
    expect(JSON.parse(it.next().value as string).seq).toBe(2);
  });
});

describe('eventsCsv', () => {
  it('writes Timesketch columns with RFC 4180 quoting', () => {
    const [e] = seed001().timeline;
    const hostile: Event = { ...e!, message: 'a, "b"\nline two', host: 'k8s,02' };
    const unresolved: Event = { ...e!, time: { utcMicros: null, text: '[ 12.5]', precision: 'us', relative: true } };
    const text = [...eventsCsv([e!, hostile, unresolved])].join('');
    expect(text.startsWith('message,datetime,timestamp_desc,host,source,file,line\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([' connection1:0: detected conn error (1020)', '2026-05-28T09:16:07+00:00', 'Log time (year inferred, zone assumed)', 'k8s02', 'syslog:kernel', '/evidence/seed-001/k8s02/syslog.2.gz', '1']);
    expect(rows[2]!.slice(0, 4)).toEqual(['a, "b"\nline two', '2026-05-28T09:16:07+00:00', 'Log time (year inferred, zone assumed)', 'k8s,02']);
    expect(rows[3]!.slice(1, 3)).toEqual(['', 'Time unresolved: [ 12.5]']);
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('says what the time of goroutine and kubectl records means', () => {
    const [e] = seed001().timeline;
    const rows = parseCsv([...eventsCsv([{ ...e!, source: 'goroutine', time: { utcMicros: 1, text: 'x', precision: 'min' } }, { ...e!, source: 'kubectl', time: { utcMicros: 1, text: 'x', precision: 's' } }])].join(''));
    expect(rows[1]![2]).toBe('Blocked since (approximate (min))');
    expect(rows[2]![2]).toBe('Object time');
  });
});
