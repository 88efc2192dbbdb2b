import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/model/index.js';
import { buildReportModel, renderMarkdown } from '../../src/report/index.js';
import { result } from '../fixtures/report/build.js';
import { expectWellFormed } from './well-formed.js';

function event(seq: number, iso: string, message: string, source: Event['source'] = 'syslog'): Event {
  return {
    seq,
    time: { utcMicros: Date.parse(iso) * 1000, text: iso, precision: 's' },
    host: 'k8s01',
    source,
    format: 'test',
    message,
    fields: {},
    raw: message,
    from: [{ file: '/x/log', line: seq, offset: 0 }],
  };
}

const empty = (events: Event[] = []) => buildReportModel({ result: result({ inputs: [], findings: [], chains: [] }), timeline: events, signatures: [], displayTz: 'Australia/Sydney', all: false });

describe('edge cases', () => {
  it('labels every row with its own offset when the period crosses a DST change', () => {
    const events = [event(1, '2026-04-04T15:30:00Z', 'before the change', 'kubectl'), event(2, '2026-04-04T16:30:00Z', 'after the change', 'goroutine')];
    const m = empty(events);
    expect(m.clock).toMatchObject({ mixed: true, label: 'AEDT (UTC+11) / AEST (UTC+10)' });
    const md = renderMarkdown(m, 'timeline');
    expect(md).toContain('| 2026-04-05 02:30:00 AEDT | k8s01 | kubectl | before the change |');
    expect(md).toContain('| 02:30:00 AEST | k8s01 | goroutine | after the change |');
    expect(md).toContain('the period crosses a daylight-saving change, so every row names its own offset');
    expectWellFormed(md);
  });

  it('renders an analysis with nothing in it', () => {
    const m = empty();
    expect(m.incident).toMatchObject({ title: 'no known failure signature found', severity: 'None', duration: 'unknown', date: 'unknown' });
    const pir = renderMarkdown(m, 'pir');
    expect(pir).toContain('No known failure signature matched the evidence (0 inputs, 0 events shown in the timeline).');
    expect(pir).toContain('No causal chain could be drawn from the evidence.');
    expect(pir).not.toContain('```mermaid');
    expectWellFormed(pir);
    const timeline = renderMarkdown(m, 'timeline');
    expect(timeline).toContain('No events to show.');
    expectWellFormed(timeline);
  });
});
