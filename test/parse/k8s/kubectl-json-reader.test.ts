import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonLineReader, lineOf, type JsonFaultReport, type Unit } from '../../../src/parse/formats/kubectl-json-reader.js';

function read(text: string) {
  const items: Array<{ unit: Unit; wrapperKind: unknown }> = [];
  const docs: Array<{ value: unknown; unit?: Unit; streamed: number; complete: boolean }> = [];
  const texts: number[] = [];
  const faults: JsonFaultReport[] = [];
  const skipped: Array<[number, number, number | undefined]> = [];
  const reader = new JsonLineReader({
    item: (unit, wrapper) => items.push({ unit, wrapperKind: wrapper.kind }),
    document: (value, unit, streamed, complete) => docs.push({ value, unit, streamed, complete }),
    text: (_line, at) => texts.push(at.line),
    fault: (f) => faults.push(f),
    skipped: (from, to, resumedAt) => skipped.push([from, to, resumedAt]),
  });
  let offset = 0;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((l, i) => {
    reader.feed(l, { file: 'x.json', line: i + 1, offset });
    offset += Buffer.byteLength(l) + 1;
  });
  reader.end();
  return { items, docs, texts, faults, skipped };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

const pod = (name: string, reason = 'ContainerCreating') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'media' },
  status: { containerStatuses: [{ name: 'app', state: { waiting: { reason } } }] },
});

describe('JsonLineReader', () => {
  it('streams List items with their lines, texts and offsets', () => {
    const list = { apiVersion: 'v1', items: [pod('a'), pod('b')], kind: 'List', metadata: { resourceVersion: '' } };
    const text = JSON.stringify(list, null, 4);
    const out = read(text);
    expect(out.items.map((i) => plain(i.unit.value))).toEqual(list.items);
    const first = out.items[0]!.unit;
    expect(first.at).toMatchObject({ line: 4, offset: text.indexOf('        {') });
    expect(first.texts[0]).toBe('        {');
    expect(first.texts.at(-1)).toBe('        },');
    const reasonLine = lineOf(first.value, ['status', 'containerStatuses', 0, 'state', 'waiting', 'reason'])!;
    expect(text.split('\n')[reasonLine - 1]!.trim()).toBe('"reason": "ContainerCreating"');
    expect(first.offsets[reasonLine - first.at.line]).toBe(text.split('\n').slice(0, reasonLine - 1).join('\n').length + 1);
    expect(out.docs).toHaveLength(1);
    expect(out.docs[0]).toMatchObject({ unit: undefined, streamed: 2, complete: true });
    expect((out.docs[0]!.value as { kind: string }).kind).toBe('List');
  });

  it('reads concatenated documents, bare objects and text lines between them', () => {
    const text = [
      'Warning: v1 ComponentStatus is deprecated in v1.19+',
      JSON.stringify(pod('a'), null, 4),
      'Error from server (NotFound): pods "gone" not found',
      JSON.stringify(pod('b')),
      JSON.stringify(pod('c')) + JSON.stringify(pod('d')),
    ].join('\n');
    const out = read(text);
    expect(out.texts).toEqual([1, out.docs[0]!.unit!.texts.length + 2]);
    expect(out.docs.map((d) => (d.value as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(out.docs[0]!.unit!.at.line).toBe(2);
    expect(out.faults).toEqual([]);
  });

  it('keeps the items before a syntax error, reports it, and resumes at the next item', () => {
    const good = JSON.stringify({ apiVersion: 'v1', items: [pod('a'), pod('b'), pod('c')], kind: 'List' }, null, 4).split('\n');
    const broken = good.findIndex((l, i) => i > 20 && l.includes('"reason"'));
    good[broken] = good[broken]!.replace('"reason": "ContainerCreating"', '"reason" "ContainerCreating"');
    const out = read(good.join('\n'));
    expect(out.items.map((i) => (i.unit.value as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'c']);
    expect(out.faults).toHaveLength(1);
    expect(out.faults[0]).toMatchObject({ at: { line: broken + 1 }, reason: `Unexpected "\\"", expected ':'` });
    expect(out.faults[0]!.column).toBe(good[broken]!.indexOf('"Cont') + 1);
    const [from, to, resumed] = out.skipped[0]!;
    expect(from).toBe(broken + 2);
    expect(resumed).toBe(to + 1);
    expect(good[resumed! - 1]!.trim()).toBe('{');
    expect(out.docs[0]).toMatchObject({ streamed: 2, complete: true });
  });

  it('reports truncated input and a broken bare document, then reads the next document', () => {
    const text = ['{"kind": "Pod", "metadata": {"name": "a",, }}', '{"kind": "Pod", "metadata": {"name": "b"}}', '{"kind": "List", "items": [', '  {"kind": "Pod"}, {"kind": "Pod",'].join('\n');
    const out = read(text);
    expect(out.faults.map((f) => [f.at.line, f.reason])).toEqual([
      [1, `Unexpected ",", expected '"'`],
      [4, `Unexpected end of input inside a List item, expected '"'`],
    ]);
    expect(out.docs.map((d) => [(d.value as { kind: string }).kind, d.complete, d.streamed])).toEqual([
      ['Pod', true, 0],
      ['List', false, 1],
    ]);
    expect(out.items).toHaveLength(1);
  });

  it('parses whatever JSON.stringify writes, pretty or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (v, indent) => {
        const doc = { kind: 'X', value: v };
        const out = read(JSON.stringify(doc, null, indent));
        expect(out.faults).toEqual([]);
        expect(plain(out.docs[0]!.value)).toEqual(plain(doc));
      }),
      { numRuns: 300 },
    );
  });
});
