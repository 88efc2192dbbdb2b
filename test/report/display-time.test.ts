import { describe, expect, it } from 'vitest';
import { DisplayClock, formatDuration, utcOffsetLabel } from '../../src/report/display-time.js';

const at = (iso: string): number => Date.parse(iso) * 1000;

describe('DisplayClock', () => {
  it('labels a fixed zone with its abbreviation and offset', () => {
    const c = new DisplayClock('Australia/Brisbane');
    const t = c.time(at('2026-05-28T10:21:03Z'));
    expect(t).toMatchObject({ date: '2026-05-28', clock: '20:21:03', offset: '+10:00', abbrev: 'AEST', label: 'AEST (UTC+10)', zoned: '20:21:03 AEST', iso: '2026-05-28T10:21:03Z' });
  });

  it('gives each side of a daylight-saving change its own offset (Sydney, 2026-04-05)', () => {
    const c = new DisplayClock('Australia/Sydney');
    const before = c.time(at('2026-04-04T15:30:00Z'));
    const after = c.time(at('2026-04-04T16:30:00Z'));
    expect(before.clock).toBe('02:30:00');
    expect(after.clock).toBe('02:30:00');
    expect(before.label).toBe('AEDT (UTC+11)');
    expect(after.label).toBe('AEST (UTC+10)');
  });

  it('uses the offset alone where the zone has no common abbreviation, and UTC as UTC', () => {
    expect(new DisplayClock('Asia/Tokyo').label(Date.parse('2026-01-01T00:00:00Z'))).toBe('UTC+9');
    expect(new DisplayClock('Asia/Kolkata').label(Date.parse('2026-01-01T00:00:00Z'))).toBe('IST (UTC+5:30)');
    expect(new DisplayClock('UTC').label(Date.parse('2026-01-01T00:00:00Z'))).toBe('UTC');
    expect(new DisplayClock('America/St_Johns').time(at('2026-01-01T12:00:00Z')).offset).toBe('-03:30');
  });

  it('shows milliseconds only when the source had sub-second precision', () => {
    const c = new DisplayClock('UTC');
    expect(c.time(at('2026-05-28T10:21:03.118Z'), 'us').clock).toBe('10:21:03.118');
    expect(c.time(at('2026-05-28T10:21:03.118Z'), 's').clock).toBe('10:21:03');
    expect(c.iso('2026-05-28T10:21:04.118402Z')?.clock).toBe('10:21:04.118');
    expect(c.iso('')).toBeNull();
    expect(c.iso('not a time')).toBeNull();
  });

  it('refuses a zone Intl does not know', () => {
    expect(() => new DisplayClock('Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatDuration and offsets', () => {
  it('keeps the two largest units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(400)).toBe('<1s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(398_000)).toBe('6m 38s');
    expect(formatDuration((5 * 3600 + 20 * 60 + 7) * 1000)).toBe('5h 20m');
    expect(formatDuration((6 * 86400 + 23 * 3600) * 1000)).toBe('6d 23h');
    expect(formatDuration(3600_000)).toBe('1h');
  });

  it('writes UTC offsets the short way', () => {
    expect(utcOffsetLabel(600)).toBe('UTC+10');
    expect(utcOffsetLabel(330)).toBe('UTC+5:30');
    expect(utcOffsetLabel(-210)).toBe('UTC-3:30');
    expect(utcOffsetLabel(0)).toBe('UTC');
  });
});
