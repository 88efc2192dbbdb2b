import type { AbsoluteStamp, AgeStamp, EventTime, WallStamp } from '../../model/index.js';
import { abbrevOffset } from './abbrev.js';
import type { AgeReference } from './anchor.js';
import type { ClockNotes } from './notes.js';
import { wallInYear } from './year.js';
import { FixedZone, type Zone } from './zone.js';

/**
 * Resolution of one stamp onto the UTC clock. Each result names the zone it was read in (a klog
 * header inside the line is read in the same zone) and the assumptions it depends on.
 */
export interface Resolved {
  time: EventTime;
  zone: Zone;
  /** Assumption keys (ClockNotes) the time depends on (shared arrays: copy, never push). */
  keys: readonly string[];
}

export interface Place {
  file: string;
  line: number;
}

const NO_KEYS: readonly string[] = [];

export class StampResolver {
  private readonly zoneKey: string;
  /** One array per combination of keys, shared by every event that depends on it. */
  private readonly keySets = new Map<string, readonly string[]>();

  private readonly zoneOnly: readonly string[];
  private readonly pairs = new Map<string, readonly string[]>();

  constructor(
    private readonly zone: Zone,
    private readonly notes: ClockNotes,
  ) {
    this.zoneKey = notes.key('zone', `zone-less times read as ${zone.name} (--tz)`);
    this.zoneOnly = [this.zoneKey];
  }

  private withZone(key: string): readonly string[] {
    let pair = this.pairs.get(key);
    if (!pair) this.pairs.set(key, (pair = [key, this.zoneKey]));
    return pair;
  }

  absolute(st: AbsoluteStamp): Resolved {
    const zone = st.offsetMinutes !== undefined ? new FixedZone(st.offsetMinutes) : this.zone;
    return { time: { utcMicros: st.utcMicros, text: st.text, precision: st.precision }, zone, keys: NO_KEYS };
  }

  /**
   * A wall stamp with its year (`st.year`, else `year` inferred under assumption `yearKey`) in
   * the line's zone abbreviation, else the run's zone.
   */
  wall(st: WallStamp, year: number | undefined, yearKey: string | undefined, at: Place): Resolved {
    let keys: readonly string[] = NO_KEYS;
    const y = st.year ?? year;
    const time: EventTime = { utcMicros: null, text: st.text, precision: st.precision };
    if (y === undefined) return { time, zone: this.zone, keys };
    if (st.year === undefined) {
      time.yearInferred = true;
      if (yearKey) keys = this.shared(yearKey);
    }
    const wall = wallInYear(st, y);
    if (Number.isNaN(wall)) {
      this.notes.diag({
        severity: 'warning',
        code: 'clock/invalid-date',
        reason: `Unexpected date in year ${y}, expected a day that exists (Feb 29 needs a leap year)`,
        place: at,
        snippet: st.text,
      });
      return { time, zone: this.zone, keys };
    }
    const zone = this.lineZone(st, wall, at);
    if (zone === this.zone) {
      time.zoneAssumed = true;
      keys = keys.length === 0 ? this.zoneOnly : this.withZone(keys[0]!);
    }
    const { utcMicros, fold } = zone.toUtc(wall);
    // A leap second (:60) is read as the last microsecond of :59.
    time.utcMicros = st.second === 60 ? utcMicros + 999_999 - st.micros : utcMicros;
    if (fold !== 'ok') {
      this.notes.diag({
        severity: 'warning',
        code: fold === 'gap' ? 'clock/dst-gap' : 'clock/dst-ambiguous',
        reason:
          fold === 'gap'
            ? `Unexpected local time: it does not exist in ${zone.name} (DST gap); read with the offset before the change`
            : `Ambiguous local time: it happens twice in ${zone.name} (DST overlap); the first is used`,
        place: at,
        snippet: st.text,
        help: 'Check the zone the logs were written in (--tz), or prefer a source with UTC offsets.',
      });
    }
    return { time, zone, keys };
  }

  /** The shared key array for one key, or a key plus the zone key. */
  shared(key: string, second?: string): readonly string[] {
    const id = second === undefined ? key : `${key}\u0001${second}`;
    let set = this.keySets.get(id);
    if (!set) this.keySets.set(id, (set = second === undefined ? [key] : [key, second]));
    return set;
  }

  /** Ages count back from the reference (snapshot time, mtime or newest evidence). */
  age(st: AgeStamp, ref: AgeReference | undefined, at: Place): Resolved {
    const time: EventTime = { utcMicros: null, text: st.text, precision: 'age' };
    if (!ref) {
      this.notes.diag({
        severity: 'warning',
        code: 'clock/no-snapshot-time',
        reason: `Unexpected age ${st.text} with nothing to count back from, expected --snapshot-time, a file time or dated evidence`,
        place: at,
        help: 'Pass --snapshot-time with the time the output was captured.',
      });
      return { time, zone: this.zone, keys: NO_KEYS };
    }
    time.utcMicros = ref.utcMicros - Math.round(st.seconds * 1_000_000);
    return { time, zone: this.zone, keys: this.shared(this.notes.key('snapshot', ref.text)) };
  }

  /** The zone a wall stamp names (journal short-full abbreviation), else the run's zone. */
  private lineZone(st: WallStamp, wall: number, at: Place): Zone {
    if (st.zoneAbbrev === undefined) return this.zone;
    const r = abbrevOffset(st.zoneAbbrev, wall, this.zone);
    if (r.minutes === undefined) {
      this.notes.diag({
        severity: 'warning',
        code: 'clock/unknown-zone-abbreviation',
        reason: `Unexpected zone abbreviation ${st.zoneAbbrev}, expected one hows knows (AEST, UTC, CET, ...); read in ${this.zone.name}`,
        place: at,
        help: 'Pass --tz with the zone journalctl ran in, or capture with journalctl --utc.',
      });
      return this.zone;
    }
    if (r.ambiguous) {
      this.notes.diag({
        severity: 'warning',
        code: 'clock/ambiguous-zone-abbreviation',
        reason: `Ambiguous zone abbreviation ${st.zoneAbbrev}: it names several offsets; read as ${new FixedZone(r.minutes).name}`,
        place: at,
        help: 'Pass --tz with the zone journalctl ran in to choose.',
      });
    }
    return new FixedZone(r.minutes);
  }
}
