import { describe, expect, it } from 'vitest';
import { displayTime } from '../../src/correlate/index.js';

describe('displayTime', () => {
  const t = Date.parse('2026-05-28T10:21:04Z') * 1000;
  it.each([
    ['Australia/Brisbane', '20:21:04 AEST'],
    ['UTC', '10:21:04 UTC'],
    ['Europe/Berlin', '12:21:04 CEST'],
    ['America/New_York', '06:21:04 EDT'],
    ['Asia/Kolkata', '15:51:04 IST'],
    ['Asia/Kathmandu', '16:06:04 UTC+5:45'],
  ])('shows a UTC instant in %s with its zone abbreviation (or offset)', (tz, want) => {
    expect(displayTime(t, tz)).toBe(want);
  });
  it('says when the time is unknown', () => expect(displayTime(null, 'UTC')).toBe('unknown time'));
});
