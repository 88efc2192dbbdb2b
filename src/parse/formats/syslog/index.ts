import type { Format, FormatMeta } from '../../../model/index.js';
import { parseBsdStamp, parseIso } from '../../text/stamps.js';
import { EnvelopeParser, type LineLayout } from '../envelope-parser.js';
import { journalTextEvidence, journalNeutral, share } from '../sniff-util.js';
import { rfc3164, rfc3339, rfc5424 } from './lines.js';
import { rfc3164Shape, rfc3339Shape } from './shape.js';

/**
 * The syslog file formats (FORMATS.md 1). One parser serves the three: it starts with the
 * sniffed layout and falls back per line to the others (rotations written with different
 * templates, concatenated).
 */

/** True when the text after a syslog/journal stamp ends with a message continuation (heuristic for the scanner). */
export function envelopeContinuation(text: string): boolean {
  const k = text.indexOf(': ');
  if (k < 0) return false;
  const c = text.charCodeAt(k + 2);
  if (c === 9 || text.startsWith('#011', k + 2) || text.startsWith('        ', k + 2)) return true;
  const rest = text.slice(k + 2).trimStart();
  return rest === '>' || rest.startsWith('> ');
}

function syslogFormat(meta: FormatMeta, layouts: LineLayout[], sniff: (lines: readonly string[]) => number, shapeOk?: Format['shapeOk']): Format {
  return {
    meta,
    sniff,
    gateable: true,
    isContinuation: envelopeContinuation,
    ...(shapeOk ? { shapeOk } : {}),
    open: (ctx) => new EnvelopeParser(ctx, { formatId: meta.id, expected: meta.title, layouts }),
  };
}

const SNIFF_AT = { file: '', line: 1, offset: 0 };

/** A sniffing verdict: the layout reads the line and finds a tag (real syslog lines have one). */
function tagged(layout: LineLayout, line: string): boolean {
  return layout(line, SNIFF_AT, undefined)?.program !== undefined;
}

function rfc3164Line(line: string): boolean {
  return tagged(rfc3164, line);
}

export const syslogRfc3164: Format = syslogFormat(
  {
    id: 'syslog-rfc3164',
    title: 'syslog, RFC 3164 traditional (`Mon DD hh:mm:ss host tag: msg`)',
    source: 'syslog',
    docs: 'FORMATS.md#11-traditional-rfc-3164-style--rsyslog-rsyslog_traditionalfileformat',
    samples: [
      'Jul  5 01:30:47 vyushmanov-GL703VD microk8s.daemon-kubelite[6102]: I0705 01:30:47.403935    6102 handler.go:232] Adding GroupVersion crd.projectcalico.org v1 to ResourceManager',
      'May 28 20:14:07 k8s03 kernel: [ 4721.118431] EXT4-fs (sdc): Remounting filesystem read-only',
      'May 28 20:21:09 k8s02 iscsid: connection1:0: detected conn error (1020)',
    ],
  },
  [rfc3164, rfc3339, rfc5424],
  (lines) => {
    // journalctl short prints the same layout; a zero-padded day or journal markers point there.
    const zeroPadded = lines.some((l) => parseBsdStamp(l, 0)?.zeroPadded === true);
    const s = share(lines, (l) => (journalNeutral(l) ? null : rfc3164Line(l)));
    return s * (zeroPadded || journalTextEvidence(lines) ? 0.45 : 0.9);
  },
  rfc3164Shape,
);

function rfc3339Line(line: string): { ok: boolean; fraction: boolean; colonOffset: boolean } {
  const p = parseIso(line, 0);
  const ok = p !== null && tagged(rfc3339, line);
  return { ok, fraction: ok && p!.fractionDigits > 0, colonOffset: ok && (line[p!.end - 1] === 'Z' || line[p!.end - 3] === ':') };
}

export const syslogRfc3339: Format = syslogFormat(
  {
    id: 'syslog-rfc3339',
    title: 'syslog, rsyslog high precision (`YYYY-MM-DDThh:mm:ss.ffffff+hh:mm host tag: msg`)',
    source: 'syslog',
    docs: 'FORMATS.md#12-high-precision--rsyslog-rsyslog_fileformat',
    samples: [
      '2024-02-13T21:46:14.539371+09:00 homework microk8s.daemon-kubelite[1535548]: E0213 21:46:14.539067 1535548 pod_workers.go:1300] "Error syncing pod, skipping" err="failed to \\"StartContainer\\""',
      '2020-05-31T00:00:45.698463+00:00 localhost rsyslogd:  message repeated 76 times: [-- MARK --]',
    ],
  },
  [rfc3339, rfc3164, rfc5424],
  (lines) => {
    let fraction = true;
    let colon = true;
    const s = share(lines, (l) => {
      if (journalNeutral(l)) return null;
      const r = rfc3339Line(l);
      if (r.ok) {
        fraction &&= r.fraction;
        colon &&= r.colonOffset;
      }
      return r.ok;
    });
    // rsyslog always prints microseconds and `+hh:mm`; journalctl short-iso may not.
    return s * (journalTextEvidence(lines) || !colon ? 0.45 : fraction ? 0.9 : 0.7);
  },
  rfc3339Shape,
);

export const syslogRfc5424: Format = syslogFormat(
  {
    id: 'syslog-rfc5424',
    title: 'syslog, RFC 5424 (`<PRI>1 timestamp host app procid msgid sd msg`)',
    source: 'syslog',
    docs: 'FORMATS.md#13-rfc-5424-forwarders-rsyslog_syslogprotocol23format',
    samples: [
      "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8",
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event log entry',
    ],
  },
  [rfc5424, rfc3339, rfc3164],
  (lines) =>
    0.95 *
    share(lines, (l) => {
      const gt = l.indexOf('>');
      return l.charCodeAt(0) === 60 && gt > 1 && gt < 5 && l.startsWith('1 ', gt + 1);
    }),
);

export const SYSLOG_FORMATS: readonly Format[] = [syslogRfc3164, syslogRfc3339, syslogRfc5424];
