import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/model/index.js';
import type { EntityIndex, EntitySet } from '../../src/correlate/entities.js';
import { groupEventHits } from '../../src/correlate/group.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';

const MIN = 60_000_000;

const set = loadInline({ 'pod-ready': sig('pod-ready', `{kind: event, regex: 'ready pod="(?<pod>[^"]+)"'}`, 'group: {by: [host], gap: 10m}') });
const readiness = compileSignatures(set).compiled.get('pod-ready')!;

function event(seq: number, minute: number, pod: string): Event {
  const message = `ready pod="${pod}"`;
  return { seq, time: { utcMicros: minute * MIN, text: `${minute}`, precision: 's' }, host: 'k8s01', source: 'journal', format: 'journal-short', message, fields: {}, raw: message, from: [{ file: 'j', line: seq + 1, offset: 0 }] };
}

describe('groupEventHits: entity sets', () => {
  it('a draft that takes in an event naming other entities gets a set of its own; drafts sharing the first set are unchanged', () => {
    const web1: EntitySet = new Map([['pod', new Set(['media/web-1'])]]);
    const web2: EntitySet = new Map([['pod', new Set(['media/web-2'])]]);
    const events = [event(0, 0, 'media/web-1'), event(1, 120, 'media/web-1'), event(2, 121, 'media/web-2')];
    const sets = [web1, web1, web2];
    const index = { own: (seq: number) => sets[seq]!, of: (seq: number) => sets[seq]! } as unknown as EntityIndex;
    const drafts = groupEventHits(readiness, events.map((e) => ({ event: e, hit: { id: 'pod-ready', captures: { pod: e.message.slice(11, -1) } } })), index, {});
    expect(drafts.map((d) => [d.events.map((e) => e.seq), [...d.entities.get('pod')!]])).toEqual([
      [[0], ['media/web-1']],
      [[1, 2], ['media/web-1', 'media/web-2']],
    ]);
    expect([...web1.get('pod')!]).toEqual(['media/web-1']);
    expect(drafts[0]!.entities).toBe(web1);
  });
});
