import type { Format, FormatMeta } from '../../../model/index.js';
import { SPACE } from '../../text/chars.js';
import { parseBsdStamp, parseIso } from '../../text/stamps.js';
import { journalMonotonicLike } from '../dmesg/index.js';
import { parseHostTag } from '../envelope.js';
import { EnvelopeParser, type LineLayout } from '../envelope-parser.js';
import { journalNeutral, journalTextEvidence, share, syslogFileEvidence } from '../sniff-util.js';
import { envelopeContinuation } from '../syslog/index.js';
import { JOURNAL_LAYOUTS, short, shortFull, shortIso, shortIsoPrecise, shortMonotonic, shortPrecise, shortUnix } from './layouts.js';
import { journalMarkers } from './markers.js';
import { journalShape, shortFullShape, shortIsoShape, shortMonotonicShape, shortPreciseShape, shortShape, shortUnixShape } from './shape.js';

/**
 * journalctl text output, one format per `-o` mode (FORMATS.md 3.1-3.2). They share one parser:
 * the sniffed layout first, the other modes per line after it, markers, indented continuations.
 */

const DOCS = 'FORMATS.md#31-text-modes-logs-showc';

function journalContinuation(text: string): boolean {
  return text.charCodeAt(0) === SPACE || envelopeContinuation(text);
}

function journalFormat(
  meta: Omit<FormatMeta, 'source' | 'docs'>,
  own: LineLayout,
  sniff: (lines: readonly string[]) => number,
  shape: (t: string, s: number, e: number) => boolean,
): Format {
  const layouts = [own, ...JOURNAL_LAYOUTS.filter((l) => l !== own)];
  const full: FormatMeta = { ...meta, source: 'journal', docs: DOCS };
  return {
    meta: full,
    sniff,
    gateable: true,
    isContinuation: journalContinuation,
    shapeOk: journalShape(shape),
    open: (ctx) =>
      new EnvelopeParser(ctx, {
        formatId: meta.id,
        expected: meta.title,
        layouts,
        indentedContinuations: true,
        marker: journalMarkers(meta.id),
      }),
  };
}

/** Share of entry lines `own` reads, markers and continuation lines aside. */
function ownShare(lines: readonly string[], own: LineLayout): number {
  const at = { file: '', line: 1, offset: 0 };
  return share(lines, (l) => (journalNeutral(l) ? null : own(l, at, undefined)?.program !== undefined));
}

/** True when some line leaves out the host column (journalctl --no-hostname): never rsyslog. */
function noHostLines(lines: readonly string[]): boolean {
  return lines.some((l) => {
    const p = parseIso(l, 0);
    if (!p || l.charCodeAt(p.end) !== SPACE) return false;
    const ht = parseHostTag(l, p.end + 1);
    return ht.host === undefined && ht.program !== undefined;
  });
}

/** True when some offset is written `+hhmm` (older systemd): never rsyslog. */
function compactOffsets(lines: readonly string[]): boolean {
  return lines.some((l) => {
    const p = parseIso(l, 0);
    return p !== null && !Number.isNaN(p.offsetMinutes) && l[p.end - 1] !== 'Z' && l[p.end - 3] !== ':';
  });
}

export const journalShort = journalFormat(
  {
    id: 'journal-short',
    title: 'journalctl -o short (`Mon DD hh:mm:ss host ident[pid]: msg`)',
    samples: [
      'Aug 28 21:47:52 repsys11-c2-n3 microk8s.daemon-kubelite[2122770]: E0828 21:47:52.421564 2122770 dns.go:153] "Nameserver limits exceeded" err="Nameserver limits were exceeded"',
      'Aug 11 18:17:17 raspberrypi systemd[1]: Started Service for snap application microk8s.daemon-kubelite.',
      'May 08 20:21:04 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only',
    ],
  },
  short,
  (lines) => {
    // rsyslog prints the same layout with a space-padded day; a zero-padded one is journalctl's.
    let zero = false;
    let space = false;
    for (const l of lines) {
      const p = parseBsdStamp(l, 0);
      zero ||= p?.zeroPadded === true;
      space ||= p?.spacePadded === true;
    }
    const s = ownShare(lines, short);
    if (space || syslogFileEvidence(lines)) return s * 0.45;
    return s * (zero || journalTextEvidence(lines) ? 0.95 : 0.85);
  },
  shortShape,
);

export const journalShortPrecise = journalFormat(
  {
    id: 'journal-short-precise',
    title: 'journalctl -o short-precise (`Mon DD hh:mm:ss.uuuuuu host ident[pid]: msg`)',
    samples: [
      'May 28 20:21:04.118402 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only',
      'Jun 18 10:05:51.812345 ubuntu-mk8s microk8s.daemon-kubelite[1341]: I0618 10:05:51.812001    1341 trace.go:236] Trace[1329737242]: "List" url:/api/v1/pods (18-Jun-2024 10:05:51.206) (total time: 605ms):',
    ],
  },
  shortPrecise,
  (lines) => 0.95 * ownShare(lines, shortPrecise),
  shortPreciseShape,
);

export const journalShortIso = journalFormat(
  {
    id: 'journal-short-iso',
    title: 'journalctl -o short-iso (`YYYY-MM-DDThh:mm:ss+hh:mm host ident[pid]: msg`)',
    samples: [
      '2023-12-16T04:14:34Z microk8s.daemon-kubelite[149510]: + local service_name=kube-controller-manager',
      '2026-05-28T20:21:04+1000 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only',
    ],
  },
  shortIso,
  (lines) => ownShare(lines, shortIso) * (journalTextEvidence(lines) || noHostLines(lines) || compactOffsets(lines) ? 0.95 : 0.9),
  shortIsoShape(false),
);

export const journalShortIsoPrecise = journalFormat(
  {
    id: 'journal-short-iso-precise',
    title: 'journalctl -o short-iso-precise (`YYYY-MM-DDThh:mm:ss.uuuuuu+hh:mm host ident[pid]: msg`)',
    samples: [
      '2026-05-28T20:21:04.118402+10:00 k8s02 iscsid[912]: connection1:0: detected conn error (1020)',
      '-- Boot 5dffeb08a27344d5ae9e2fc244bbcbc5 --',
      '2026-05-28T20:21:04.118402+1000 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only',
    ],
  },
  shortIsoPrecise,
  // Same layout as rsyslog's RFC 3339 files: only journal evidence makes it win.
  (lines) =>
    ownShare(lines, shortIsoPrecise) *
    (journalTextEvidence(lines) || noHostLines(lines) || compactOffsets(lines) ? 0.95 : syslogFileEvidence(lines) ? 0.45 : 0.85),
  shortIsoShape(true),
);

export const journalShortFull = journalFormat(
  {
    id: 'journal-short-full',
    title: 'journalctl -o short-full (`Thu 2026-05-28 20:21:04 AEST host ident[pid]: msg`)',
    samples: ['Thu 2026-05-28 20:21:04 AEST k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only'],
  },
  shortFull,
  (lines) => 0.95 * ownShare(lines, shortFull),
  shortFullShape,
);

export const journalShortUnix = journalFormat(
  {
    id: 'journal-short-unix',
    title: 'journalctl -o short-unix (`1780000000.123456 host ident[pid]: msg`)',
    samples: ['1779963664.118402 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only'],
  },
  shortUnix,
  (lines) => 0.95 * ownShare(lines, shortUnix),
  shortUnixShape,
);

export const journalShortMonotonic = journalFormat(
  {
    id: 'journal-short-monotonic',
    title: 'journalctl -o short-monotonic (`[ 1234.567890] host ident[pid]: msg`)',
    samples: [
      '[ 1234.567890] k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only',
      '[ 1230.001234] k8s02 iscsid[912]: connection1:0: detected conn error (1020)',
    ],
  },
  shortMonotonic,
  (lines) => 0.95 * share(lines, (l) => (journalNeutral(l) ? null : journalMonotonicLike(l))),
  shortMonotonicShape,
);

export const JOURNAL_TEXT_FORMATS: readonly Format[] = [
  journalShort,
  journalShortPrecise,
  journalShortIso,
  journalShortIsoPrecise,
  journalShortFull,
  journalShortUnix,
  journalShortMonotonic,
];
