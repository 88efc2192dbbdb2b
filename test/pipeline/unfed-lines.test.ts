import { describe, expect, it } from 'vitest';
import type { LineBlock } from '../../src/ingest/index.js';
import { UnfedLines } from '../../src/pipeline/unfed-lines.js';

// The unfed-line store keeps the skipped lines around each fed line until the record keeper
// releases them. Lines 1..n of one block, each "line <n>".
function block(n: number): { skip: (u: UnfedLines, ...lines: number[]) => void } {
  const lines = Array.from({ length: n }, (_, i) => `line ${i + 1}`);
  const text = `${lines.join('\n')}\n`;
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const b: LineBlock = { text, firstLine: 1, offset: 0, ascii: true, utf8: true, bytes: Buffer.from(text, 'latin1') };
  return { skip: (u, ...nums) => nums.forEach((line) => u.skipped(line, b, starts[line - 1]!, starts[line - 1]! + lines[line - 1]!.length)) };
}

const texts = (xs: Array<{ text: string }>): string[] => xs.map((x) => x.text);

describe('UnfedLines', () => {
  it('gives the skipped lines after a fed line, up to the context', () => {
    const { skip } = block(10);
    const u = new UnfedLines(2);
    u.fed(3, []);
    skip(u, 4, 5, 6);
    expect(texts(u.after(3))).toEqual(['line 4', 'line 5']);
  });

  it('forgets released entries and keeps collecting for the later ones', () => {
    const { skip } = block(40);
    const u = new UnfedLines(2);
    u.fed(3, []);
    skip(u, 4);
    u.fed(10, []);
    // Both entries released before the next line is skipped: the open-entry cursor is behind
    // the first kept entry and must not read the emptied slots.
    u.release(11);
    skip(u, 11);
    expect(u.after(3)).toEqual([]);
    expect(u.after(10)).toEqual([]);
    u.fed(20, []);
    skip(u, 21, 22, 23);
    expect(texts(u.after(20))).toEqual(['line 21', 'line 22']);
  });

  it('keeps working across many fed and released lines (slots emptied, array compacted)', () => {
    const { skip } = block(9000);
    const u = new UnfedLines(1);
    for (let line = 1; line + 1 <= 9000; line += 3) {
      u.fed(line, []);
      skip(u, line + 1);
      if (line % 2 === 0) u.release(line);
    }
    expect(texts(u.after(8998))).toEqual(['line 8999']);
    expect(texts(u.after(4))).toEqual([]);
  });
});
