// The open question at the end of a chain asks about the first declared cause this step can
// fill in (its host, the entities it names), never with a count or capture borrowed from the
// step itself, else a plain "What caused ...?".
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { loadInline } from '../signatures/helpers.js';
import { buildEvidence } from './evidence.js';

const sig = (id: string, regex: string, how: string, extra = ''): string => `id: ${id}
title: ${id} title
description: test
level: low
match: {kind: event, regex: '${regex}'}
${extra}
how: ${how}
answer: It happened at {{time}}.
examples:
  match: ['a', 'b']
  no_match: ['c']
`;
const set = loadInline({
  batch: sig('batch', 'evicted', "'How did {{count}} pods get evicted at once?'"),
  ctrl: sig('ctrl', 'controller gone', "'How did the controller for {{pvc}} go away?'"),
  store: sig('store', 'store down', "'How did the datastore on {{host}} stop answering?'"),
  conn: sig('conn', '^conn error( (?<pvc>pvc-[0-9a-f]+))?', "'How did the connection fail?'", 'entities: {pvc: pvc}\ncaused_by:\n  - {id: batch, within: 1m}\n  - {id: ctrl, within: 1m}\nunresolved: Look at {{host}}.'),
  kine: sig('kine', 'kine gone', "'How did kine go?'", 'caused_by:\n  - {id: store, within: 1m}'),
  ctrlconn: sig('ctrlconn', 'ctrlconn error (?<pvc>pvc-[0-9a-f]+)', "'How did it fail?'", 'entities: {pvc: pvc}\ncaused_by:\n  - {id: ctrl, within: 1m}\n  - {id: batch, within: 1m}'),
});
const { compiled } = compileSignatures(set);

function open(line: string) {
  const e = buildEvidence(compiled, { 'h1/syslog': [line, line.replace('10:00:00', '10:00:01')] }, { year: 2026, offsetHours: 0 });
  return correlate({ ...e, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' }).chains[0]!.open;
}

describe('open questions', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it('asks plainly when the likeliest cause needs what the step cannot know (a count)', () => {
    expect(open('May 28 10:00:00 h1 kernel: conn error pvc-746b2837')).toEqual({ question: 'What caused "conn title" on h1 at 10:00:00 UTC?', hint: 'Look at h1.' });
  });

  it('asks about the likeliest cause with the entities the step names', () => {
    expect(open('May 28 10:00:00 h1 kernel: ctrlconn error pvc-746b2837')!.question).toBe('How did the controller for pvc-746b2837 go away?');
  });

  it("fills in the step's host", () => {
    expect(open('May 28 10:00:00 h1 kubelite: kine gone')!.question).toBe('How did the datastore on h1 stop answering?');
  });
});
