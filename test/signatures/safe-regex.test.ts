import './v8-linear.js';
import { describe, expect, it } from 'vitest';
import { checkRegex } from '../../src/signatures/safe-regex.js';

const problems = (src: string): string[] => checkRegex(src).problems.map((p) => p.message);

describe('checkRegex: the portable dialect', () => {
  it('accepts the regexes the seeds need', () => {
    for (const src of [
      'EXT4-fs \\((?<device>[a-z]+[0-9]*)\\): Remounting filesystem read-only',
      'taint_eviction\\.go:[0-9]+\\] "Deleting pod" controller="taint-eviction-controller" pod="(?<pod>[^"]+)"',
      '^goroutine [0-9]+ \\[(?<state>select|semacquire|chan receive), (?<minutes>[0-9]+) minutes\\]:$',
      'connection(?<connection>[0-9]+:[0-9]+): detected conn error \\((?<code>10[0-9]{2})\\)',
      '(?:[0-9]{1,3}\\.){3}[0-9]{1,3}',
      '([a-z0-9-]+\\.)+svc',
      'ext4_journal_check_start:[0-9]+: .*Detected aborted journal',
    ]) {
      expect(problems(src), src).toEqual([]);
    }
  });

  it.each([
    ['[0-9]+\\s+x', '\\s is not in the portable dialect: write [ \\t]'],
    ['\\d+', '\\d is not in the portable dialect: write [0-9]'],
    ['a(?=b)', 'lookaround'],
    ['(?<!a)b', 'lookaround'],
    ['(a)\\1', 'backreferences'],
    ['a+?b', 'lazy quantifier'],
    ['[[:digit:]]', 'POSIX classes'],
    ['a{2', 'escape it as \\{'],
    ['\\e', 'unknown escape'],
    ['(?i)abc', 'unknown group syntax'],
    ['(abc', 'unclosed group'],
  ])('refuses %s', (src, why) => {
    expect(problems(src).join('\n')).toContain(why);
  });

  it.each([
    ['(a+)+$', 'nested repetition'],
    ['(?<x>[a-z]+[0-9]?)*!', 'nested repetition'],
    ['(a|ab)+c', 'alternatives that can start with the same character'],
    ['(.*,)*x', 'nested repetition'],
    ['.*.*=.*', 'followed by'],
    ['.*(?:.*=.*)', 'followed by'],
    ['[0-9]+[0-9a-f]*x', 'followed by'],
    ['a*b?a*c', 'followed by'],
  ])('refuses the catastrophic %s', (src, why) => {
    const p = problems(src);
    expect(p.join('\n')).toContain(why);
    expect(p.join('\n')).toContain('catastroph');
  });

  it('accepts repetition that is delimited by a character the repeated part can not match', () => {
    expect(problems('([a-z]+,)+x')).toEqual([]);
    expect(problems('[a-z]+[0-9]+x')).toEqual([]);
    expect(problems('(?<a>[^ ]+) (?<b>.*)')).toEqual([]);
  });
});

describe('the runtime guard', () => {
  // Bypasses the static check on purpose: even a pattern that slipped through must end fast,
  // because V8 falls back to its linear-time engine (the flags bin/hows.js sets).
  it.each(['(a+)+$', '(a|aa)+$', '(a|a)*$', '(?<x>[a-z0-9]+[a-z]*)*!'])('runs %s over a 100 kB adversarial line within a second', (src) => {
    const re = new RegExp(src);
    const line = `${'a'.repeat(100_000)}!`.replace(/!$/, src.endsWith('!') ? '#' : '!');
    const t0 = performance.now();
    const m = re.exec(line);
    const ms = performance.now() - t0;
    expect(m === null || m.index >= 0).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});
