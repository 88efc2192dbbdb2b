// A deliberately small line parser for engine tests, until the real sniff+parse (src/parse,
// branch `parsers`) is merged: RFC 3164 and RFC 3339 syslog lines, the printk time prefix, klog
// headers and key="value" pairs. It is injected where the pipeline injects the real one.
import type { ParsedRecord, SourceKind } from '../../src/model/event.js';
import type { Stamp } from '../../src/model/time.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC3164 = /^([A-Z][a-z]{2}) ([ 0-9][0-9]) ([0-9]{2}):([0-9]{2}):([0-9]{2}) (\S+) ([^:[\s]+)(?:\[([0-9]+)\])?: ?(.*)$/;
const RFC3339 = /^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})) (\S+) ([^:[\s]+)(?:\[([0-9]+)\])?: ?(.*)$/;
const PRINTK = /^\[ *([0-9]+\.[0-9]+)\] /;
const KLOG = /^([IWEF])([0-9]{4}) ([0-9:.]+) +[0-9]+ ([^ :]+):([0-9]+)\] /;
const KV = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function simpleParseLine(line: string, as?: string): ParsedRecord | undefined {
  let stamp: Stamp;
  let host: string;
  let program: string;
  let pid: string | undefined;
  let message: string;
  let format: string;
  const a = as === 'syslog-rfc3339' ? null : RFC3164.exec(line);
  const b = a ? null : RFC3339.exec(line);
  if (a) {
    const [, mon, day, hh, mm, ss, h, prog, p, msg] = a;
    stamp = { kind: 'wall', month: MONTHS.indexOf(mon!) + 1, day: Number(day), hour: Number(hh), minute: Number(mm), second: Number(ss), micros: 0, precision: 's', text: line.slice(0, 15) };
    [host, program, pid, message, format] = [h!, prog!, p, msg!, 'syslog-rfc3164'];
  } else if (b) {
    const [, t, h, prog, p, msg] = b;
    stamp = { kind: 'absolute', utcMicros: Date.parse(t!) * 1000 + Number((/\.([0-9]{3})([0-9]{0,3})/.exec(t!)?.[2] ?? '').padEnd(3, '0')), precision: 'us', text: t! };
    [host, program, pid, message, format] = [h!, prog!, p, msg!, 'syslog-rfc3339'];
  } else return undefined;
  const fields: Record<string, string> = {};
  let uptime: number | undefined;
  const pk = program === 'kernel' ? PRINTK.exec(message) : null;
  if (pk) {
    uptime = Number(pk[1]);
    message = message.slice(pk[0].length);
  }
  const k = KLOG.exec(message);
  if (k) {
    fields['klog.severity'] = k[1]!;
    fields['klog.file'] = k[4]!;
    fields['klog.line'] = k[5]!;
    for (const m of message.matchAll(KV)) fields[m[1]!] = m[2]!.replace(/\\(.)/g, '$1');
  }
  const source: SourceKind = program === 'kernel' ? 'kernel' : 'syslog';
  return {
    stamp,
    ...(uptime !== undefined ? { uptime } : {}),
    host,
    source,
    format,
    program,
    ...(pid ? { pid: Number(pid) } : {}),
    message,
    fields,
    raw: line,
    at: { file: '(example)', line: 1, offset: 0 },
  };
}
