import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mermaidId, mermaidLabel, mermaidText } from '../../src/report/mermaid.js';
import { checkFlowchart, checkGantt } from './mermaid-check.js';

const flow = (...lines: string[]): string => ['flowchart TD', ...lines].join('\n');
const gantt = (...lines: string[]): string => ['gantt', '    title T', '    dateFormat YYYY-MM-DD HH:mm:ss', '    axisFormat %H:%M', '    todayMarker off', ...lines].join('\n');

describe('the Mermaid structural check', () => {
  it('accepts what the partials write and rejects what Mermaid would misread', () => {
    expect(checkFlowchart(flow('    A["a"]', '    B(["b #quot;x#quot;"]):::open', '    A -->|"l"| B'))).toEqual([]);
    expect(checkFlowchart(flow('    A["a "quoted""]'))).not.toEqual([]);
    expect(checkFlowchart(flow('    A["a #12 b"]'))).not.toEqual([]);
    expect(checkFlowchart(flow('    A["a"]', '    A --> B'))).toEqual(['edge to undeclared node B']);
    expect(checkFlowchart(flow('    end["a"]'))).toEqual(['reserved id: end']);
    expect(checkGantt(gantt('    section S', '    F1 x :t1, 2026-01-01 10:00:00, 2026-01-01 10:00:01'))).toEqual([]);
    expect(checkGantt(gantt('    title of it :t1, 2026-01-01 10:00:00, 2026-01-01 10:00:01'))).not.toEqual([]);
    expect(checkGantt(gantt('    a: b :t1, 2026-01-01 10:00:00, 2026-01-01 10:00:01'))).not.toEqual([]);
    expect(checkGantt(gantt('    x :t1, 2026-01-01 10:00:02, 2026-01-01 10:00:01'))).not.toEqual([]);
  });
});

describe('Mermaid escaping', () => {
  it('makes ids from a closed alphabet, never a keyword', () => {
    expect(mermaidId('F012')).toBe('F012');
    expect(mermaidId('C1_open')).toBe('C1_open');
    expect(mermaidId('end')).toBe('n_end');
    expect(mermaidId('1-x y')).toBe('n_1_x_y');
  });

  it('writes any text as a label or gantt text the grammar accepts (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        expect(checkFlowchart(flow(`    ${mermaidId(`a${a}`)}[${mermaidLabel(a)}]`, `    N(["${'x'}"])`, `    N -->|${mermaidLabel(b)}| ${mermaidId(`a${a}`)}`))).toEqual([]);
        expect(checkGantt(gantt(`    section ${mermaidText(a)}`, `    ${mermaidText(b)} :t1, 2026-01-01 10:00:00, 2026-01-01 10:00:01`))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps gantt texts readable and away from keywords and dates', () => {
    expect(mermaidText('Title: with `code` | pipe # hash; semi %% x')).toBe('- Title with code pipe hash semi x');
    expect(mermaidText('2026-05-28 happened')).toBe('- 2026-05-28 happened');
    expect(mermaidText('F003 kube-controller-manager reconnected')).toBe('F003 kube-controller-manager reconnected');
  });
});
