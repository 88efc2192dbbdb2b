import Handlebars from 'handlebars';
import type { Finding } from '../model/index.js';
import type { DisplayClock } from './display-time.js';

// Signature sentences (`how`, `answer`, `unresolved`) are plain text with {{placeholders}};
// they are filled here in an environment of their own, without HTML escaping, and escaped
// for Markdown later where they land like any other text.
const env = Handlebars.create();
env.unregisterHelper('log');
const cache = new Map<string, Handlebars.TemplateDelegate>();

/** The placeholders a signature sentence may use for a finding, per docs/patterns.md. */
export function placeholders(f: Finding, clock: DisplayClock): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.entities)) if (v && v.length) vars[k] = [...v].sort().join(', ');
  for (const [k, v] of Object.entries(f.captures)) vars[k] = v;
  const first = clock.iso(f.first);
  const last = clock.iso(f.last);
  if (f.host) vars.host = f.host;
  vars.time = first?.zoned ?? 'an unknown time';
  vars.first = first?.zoned ?? 'an unknown time';
  vars.last = last?.zoned ?? 'an unknown time';
  vars.count = String(f.count);
  return vars;
}

/**
 * Fills a signature sentence for a finding; returns null when the sentence names a
 * placeholder the finding does not have (strict), so callers fall back to other text.
 */
export function fill(template: string, vars: Record<string, string>): string | null {
  try {
    let t = cache.get(template);
    if (!t) {
      t = env.compile(template, { strict: true, noEscape: true });
      cache.set(template, t);
    }
    return t(vars, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }).trim();
  } catch {
    return null;
  }
}
