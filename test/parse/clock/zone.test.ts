import { describe, expect, it } from 'vitest';
import { abbrevOffset, isValidTimeZone, zoneOf } from '../../../src/parse/index.js';
import { wallMicros } from '../../../src/parse/clock/civil.js';

const utc = (y: number, mo: number, d: number, h: number, mi: number, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) * 1000;

describe('zones', () => {
  it('Australia/Brisbane is +10 all year', () => {
    const z = zoneOf('Australia/Brisbane');
    expect(z.toUtc(wallMicros(2026, 5, 28, 20, 21, 4, 0))).toEqual({ utcMicros: utc(2026, 5, 28, 10, 21, 4), fold: 'ok' });
    expect(z.toUtc(wallMicros(2026, 1, 15, 12, 0, 0, 0)).utcMicros).toBe(utc(2026, 1, 15, 2, 0));
  });

  it('Australia/Sydney is +11 in summer and +10 in winter', () => {
    const z = zoneOf('Australia/Sydney');
    expect(z.toUtc(wallMicros(2026, 1, 15, 12, 0, 0, 0)).utcMicros).toBe(utc(2026, 1, 15, 1, 0));
    expect(z.toUtc(wallMicros(2026, 7, 15, 12, 0, 0, 0)).utcMicros).toBe(utc(2026, 7, 15, 2, 0));
  });

  it('flags the hour that happens twice (first one used) and the hour that does not exist', () => {
    const z = zoneOf('Australia/Sydney');
    // 2026-04-05 03:00 AEDT -> 02:00 AEST: 02:30 happens twice.
    expect(z.toUtc(wallMicros(2026, 4, 5, 2, 30, 0, 0))).toEqual({ utcMicros: utc(2026, 4, 4, 15, 30), fold: 'overlap' });
    // 2026-10-04 02:00 AEST -> 03:00 AEDT: 02:30 does not exist; read with the offset before.
    expect(z.toUtc(wallMicros(2026, 10, 4, 2, 30, 0, 0))).toEqual({ utcMicros: utc(2026, 10, 3, 16, 30), fold: 'gap' });
    expect(z.toUtc(wallMicros(2026, 10, 4, 3, 30, 0, 0))).toEqual({ utcMicros: utc(2026, 10, 3, 16, 30), fold: 'ok' });
  });

  it('UTC needs no lookup; unknown names are rejected', () => {
    expect(zoneOf('UTC').toUtc(wallMicros(2026, 5, 28, 20, 21, 4, 5)).utcMicros).toBe(utc(2026, 5, 28, 20, 21, 4) + 5);
    expect(isValidTimeZone('Australia/Brisbane')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('abbreviations: fixed ones, ambiguous ones decided by --tz, unknown ones', () => {
    const w = wallMicros(2026, 7, 1, 12, 0, 0, 0);
    expect(abbrevOffset('AEST', w, zoneOf('UTC'))).toEqual({ minutes: 600, ambiguous: false });
    expect(abbrevOffset('IST', w, zoneOf('Asia/Kolkata'))).toEqual({ minutes: 330, ambiguous: false });
    expect(abbrevOffset('IST', w, zoneOf('Europe/Dublin'))).toEqual({ minutes: 60, ambiguous: false });
    expect(abbrevOffset('CST', w, zoneOf('UTC')).ambiguous).toBe(true);
    expect(abbrevOffset('XYZT', w, zoneOf('UTC')).minutes).toBeUndefined();
  });
});
