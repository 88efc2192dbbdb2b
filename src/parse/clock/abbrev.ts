import type { Zone } from './zone.js';

/**
 * Zone abbreviations journalctl -o short-full prints (`%Z`), as UTC offsets in minutes. Some
 * names mean several zones (IST: India, Ireland, Israel; CST: US Central, China); the user's
 * `--tz` decides between them when it has one of the offsets at that time.
 */
const ABBREVIATIONS: Record<string, readonly number[]> = {
  UTC: [0],
  UT: [0],
  GMT: [0],
  Z: [0],
  WET: [0],
  WEST: [60],
  BST: [60],
  CET: [60],
  CEST: [120],
  MET: [60],
  MEST: [120],
  EET: [120],
  EEST: [180],
  MSK: [180],
  IST: [330, 60, 120],
  PKT: [300],
  ICT: [420],
  WIB: [420],
  HKT: [480],
  SGT: [480],
  AWST: [480],
  JST: [540],
  KST: [540],
  ACST: [570],
  ACDT: [630],
  AEST: [600],
  AEDT: [660],
  NZST: [720],
  NZDT: [780],
  SAST: [120],
  CAT: [120],
  EAT: [180],
  HST: [-600],
  AKST: [-540],
  AKDT: [-480],
  PST: [-480],
  PDT: [-420],
  MST: [-420],
  MDT: [-360],
  CST: [-360, 480],
  CDT: [-300],
  EST: [-300],
  EDT: [-240],
  AST: [-240, 180],
  ADT: [-180],
  NST: [-210],
  NDT: [-150],
};

export interface AbbrevOffset {
  /** Minutes east of UTC; undefined when the abbreviation is unknown. */
  minutes?: number;
  /** The name has several meanings and `--tz` did not pick one. */
  ambiguous: boolean;
}

/** The offset an abbreviation stands for at a local wall time, `zone` breaking ties. */
export function abbrevOffset(abbrev: string, wallMicros: number, zone: Zone): AbbrevOffset {
  const options = ABBREVIATIONS[abbrev.toUpperCase()];
  if (!options || options.length === 0) return { ambiguous: false };
  if (options.length === 1) return { minutes: options[0]!, ambiguous: false };
  const local = zone.offsetAt(zone.toUtc(wallMicros).utcMicros);
  if (options.includes(local)) return { minutes: local, ambiguous: false };
  return { minutes: options[0]!, ambiguous: true };
}
