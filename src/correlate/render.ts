/**
 * Renders `how`, `answer` and `unresolved` for a finding: placeholders from its captures, then
 * entities (values joined with ", "; an entity kind wins over a capture of the same name), `host`, `time`/`first`/`last` (in the display zone, e.g.
 * `20:21:04 AEST`), `count`, `id`, `title`. A name the signature may have but this finding lacks
 * renders as `(<name> unknown)`, never as a made-up value. Log text is not escaped here: the report escapes for its context.
 */
import { ENTITY_KINDS, type LoadedSignature } from '../model/signature.js';
import { compileTemplate, placeholderNames } from '../signatures/index.js';
import type { Draft } from './draft.js';

/** Locales tried for a zone abbreviation (AEST, CET, EST, IST...) before falling back to an offset. */
const ZONE_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ', 'en-CA', 'en-ZA', 'en-IE', 'en-SG'];
const formatters = new Map<string, (micros: number) => string>();

function timeFormatter(tz: string): (micros: number) => string {
  const hit = formatters.get(tz);
  if (hit) return hit;
  const opts: Intl.DateTimeFormatOptions = { timeZone: tz, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
  const fmts = ZONE_LOCALES.map((l) => new Intl.DateTimeFormat(l, opts));
  const f = (micros: number): string => {
    const d = new Date(Math.floor(micros / 1000));
    let best = '';
    for (const fmt of fmts) {
      const parts = fmt.formatToParts(d);
      const zone = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
      const hms = ['hour', 'minute', 'second'].map((t) => parts.find((p) => p.type === t)?.value ?? '00').join(':');
      best ||= `${hms} ${zone.replace(/^GMT(?=[+-])/, 'UTC').replace(/^GMT$/, 'UTC')}`;
      if (zone && !/^(GMT|UTC)[+-]/.test(zone)) return `${hms} ${zone === 'GMT' ? 'UTC' : zone}`;
    }
    return best;
  };
  formatters.set(tz, f);
  return f;
}

/** `20:21:04 AEST` for a UTC instant shown in `tz`; `unknown time` for null. */
export function displayTime(micros: number | null, tz: string): string {
  return micros === null ? 'unknown time' : timeFormatter(tz)(micros);
}

export function renderContext(d: Draft, byId: ReadonlyMap<string, LoadedSignature>, tz: string): Record<string, string> {
  const ctx: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const n of placeholderNames(d.sig, byId)) ctx[n] = `(${n} unknown)`;
  Object.assign(ctx, d.captures);
  // Entities after captures: `{{device}}` shows the normalised `sdb` rather than the captured
  // `sdb-8`, and every value the finding names (all the pods of a burst), joined.
  for (const k of ENTITY_KINDS) {
    const vs = d.entities.get(k);
    if (vs?.size) ctx[k] = [...vs].sort().join(', ');
  }
  if (d.host) ctx.host = d.host;
  ctx.time = displayTime(d.first, tz);
  ctx.first = displayTime(d.first, tz);
  ctx.last = displayTime(d.last ?? d.first, tz);
  ctx.count = String(d.count);
  ctx.id = d.sig.id;
  ctx.title = d.sig.title;
  return ctx;
}

/** Renders a template source with a context; a template error becomes the reason in brackets. */
export function renderWith(source: string | undefined, ctx: Record<string, string>): string {
  if (source === undefined) return '';
  const t = compileTemplate(source);
  if (!t.template) return `[template error: ${t.error}]`;
  try {
    return t.template.render({ ...ctx });
  } catch (e) {
    return `[template error: ${(e as Error).message}]`;
  }
}
