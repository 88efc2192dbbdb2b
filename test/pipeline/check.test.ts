import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Event, Finding } from '../../src/model/index.js';
import { compareWithExpected, isSubsequence, parseTolerance } from '../../src/pipeline/check.js';

function finding(ref: string, id: string, seqs: number[], role: Finding['role'] = 'problem'): Finding {
  return {
    ref, id, title: id, level: 'high', kind: 'event', role, host: 'k8s02', first: '2026-05-28T10:21:04Z', last: '2026-05-28T10:21:04Z',
    count: seqs.length, captures: {}, entities: {}, causes: [], rule: { file: `patterns/${id}.yml`, line: 1 }, assumptions: [],
    evidence: seqs.map((seq) => ({ file: 'k8s02/kern.log', line: seq, offset: 0, time: '2026-05-28T10:21:04Z', text: 'x', seq })),
  };
}

const result: AnalysisResult = {
  tool: { name: 'hows', version: '0' },
  options: { tz: 'UTC', displayTz: 'UTC', routineWindow: '0' },
  inputs: [],
  routine: [],
  findings: [finding('F1', 'ext4-ro-remount', [1]), finding('F2', 'ext4-ro-remount', [2]), finding('F3', 'jbd2-journal-abort', [3, 3, 4]), finding('F4', 'iscsi-link-flap-recovered', [5], 'contrast')],
  chains: [{ id: 'C1', title: 't', symptoms: ['F1'], hosts: ['k8s02'], steps: [{ ref: 'F1', question: 'q', answer: 'a' }, { ref: 'F3', question: 'q', answer: 'a' }] }],
  assumptions: [],
  warnings: [],
};
const ev = (iso: string, message: string): Event => ({ seq: 1, time: { utcMicros: Date.parse(iso) * 1000, text: iso, precision: 's' }, source: 'kernel', format: 'x', message, fields: {}, raw: message, from: [] });

describe('compareWithExpected', () => {
  it('passes when findings, chains, contrasts, absences and timeline match', () => {
    const problems = compareWithExpected(
      {
        findings: { 'ext4-ro-remount': { findings: 2 }, 'jbd2-journal-abort': { events: 2 } },
        chains: [{ steps: ['ext4-ro-remount', 'jbd2-journal-abort'] }],
        contrasts: ['iscsi-link-flap-recovered'],
        absent: ['iscsi-hairpin-cosched'],
        timeline: [{ at: '2026-05-28T20:21:04+10:00', contains: 'Remounting' }],
      },
      result,
      [ev('2026-05-28T10:21:04.4Z', 'EXT4-fs (sdb): Remounting filesystem read-only')],
    );
    expect(problems).toEqual([]);
  });

  it('names every regression', () => {
    const problems = compareWithExpected(
      {
        findings: { 'kcm-reconnect': { findings: 1 }, 'ext4-ro-remount': { findings: 3 }, 'jbd2-journal-abort': { min_events: 5 } },
        chains: [{ steps: ['ext4-ro-remount', 'kcm-reconnect'], match: 'subsequence' }],
        contrasts: ['ext4-ro-remount'],
        absent: ['jbd2-journal-abort'],
        timeline: [{ at: '2026-05-28T20:25:00+10:00', contains: 'Remounting' }],
      },
      result,
      [],
    );
    expect(problems.map((p) => p.kind)).toEqual(['missing', 'count', 'count', 'chain', 'chain', 'contrast', 'unexpected', 'timeline']);
    expect(problems[4]!.message).toContain('ext4-ro-remount > jbd2-journal-abort');
    expect(problems[0]!.message).toBe('missing finding kcm-reconnect (findings 1)');
  });

  it('matches chains exactly unless told subsequence', () => {
    expect(compareWithExpected({ chains: [{ steps: ['ext4-ro-remount'] }] }, result, [])).toHaveLength(2);
    expect(compareWithExpected({ chains: [{ steps: ['ext4-ro-remount'], match: 'subsequence' }] }, result, [])).toEqual([]);
    expect(compareWithExpected({ chains: [{ steps: ['ext4-ro-remount', 'jbd2-journal-abort'], open: true }] }, result, [])).toHaveLength(2);
  });
});

describe('helpers', () => {
  it('subsequence and tolerance', () => {
    expect(isSubsequence(['a', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(isSubsequence(['c', 'a'], ['a', 'b', 'c'])).toBe(false);
    expect(parseTolerance('500ms')).toBe(500_000);
    expect(() => parseTolerance('soon')).toThrow(/Invalid duration/);
  });
});
