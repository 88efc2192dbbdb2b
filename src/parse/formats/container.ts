import type { FileContext, Format, ParsedRecord, Provenance } from '../../model/index.js';
import { isBlank, SPACE } from '../text/chars.js';
import { isoAbsolute, parseIso, type IsoParts } from '../text/stamps.js';
import { BufferedParser, provenance } from './base.js';
import { finishEnvelope } from './envelope.js';
import { share } from './sniff-util.js';
import { iso, isoStampEnd } from './syslog/shape.js';

/**
 * Container logs: the CRI file format kubelet/containerd write under /var/log/pods
 * (`2026-03-28T09:14:02.123456789Z stdout F msg`, partial `P` lines joined up to the next `F`),
 * and `kubectl logs --timestamps` output (`<RFC3339Nano> msg`). klog/logrus inside the message
 * is read as in any envelope.
 */

interface CriLine {
  iso: IsoParts;
  stream: string;
  partial: boolean;
  msgStart: number;
}

function criLine(text: string): CriLine | null {
  const iso = parseIso(text, 0);
  if (!iso || Number.isNaN(iso.offsetMinutes) || text.charCodeAt(iso.end) !== SPACE) return null;
  const s = iso.end + 1;
  const stream = text.startsWith('stdout ', s) ? 'stdout' : text.startsWith('stderr ', s) ? 'stderr' : null;
  if (!stream) return null;
  const t = s + 7;
  const tagEnd = text.indexOf(' ', t);
  const tag = text.slice(t, tagEnd < 0 ? text.length : tagEnd);
  if (!/^[FP](:\S+)?$/.test(tag)) return null;
  return { iso, stream, partial: tag[0] === 'P', msgStart: tagEnd < 0 ? text.length : tagEnd + 1 };
}

/**
 * Shape probes for the scanner (see syslog/shape.ts). A CRI line answers true only for a full
 * (`F`) line: a partial `P` line must be read, it holds the next lines. A `--timestamps` line
 * answers true for an ISO stamp with a zone followed by a space or the end, unless it looks
 * like CRI (then as above).
 */
function criShape(t: string, s: number, e: number): boolean {
  const end = isoStampEnd(t, s, e);
  if (end < 0 || !iso.offset || end >= e || t.charCodeAt(end) !== SPACE) return false;
  if (!t.startsWith('stdout ', end + 1) && !t.startsWith('stderr ', end + 1)) return false;
  const tag = end + 8;
  return t.charCodeAt(tag) === 70 && (tag + 1 === e || t.charCodeAt(tag + 1) === SPACE);
}

function timestampsShape(t: string, s: number, e: number): boolean {
  const end = isoStampEnd(t, s, e);
  if (end < 0 || !iso.offset || (end < e && t.charCodeAt(end) !== SPACE)) return false;
  if (end < e && (t.startsWith('stdout ', end + 1) || t.startsWith('stderr ', end + 1))) return criShape(t, s, e);
  return true;
}

function timestampsLine(text: string): IsoParts | null {
  const iso = parseIso(text, 0);
  if (!iso || Number.isNaN(iso.offsetMinutes) || (iso.end < text.length && text.charCodeAt(iso.end) !== SPACE)) return null;
  return iso;
}

class ContainerParser extends BufferedParser {
  /** The stream of a pending record still waiting for its `F` line. */
  private partialStream: string | null = null;

  constructor(ctx: FileContext, formatId: string) {
    super(ctx, formatId, 'a CRI container log line (`<RFC3339Nano> stdout|stderr F|P msg`) or `<RFC3339Nano> msg`');
  }

  line(text: string, at: Provenance): boolean {
    if (isBlank(text)) return this.partialStream !== null;
    const cri = criLine(text);
    if (cri) {
      const part = text.slice(cri.msgStart);
      if (this.partialStream === cri.stream && this.adjacentPartial(at)) {
        this.append(text, at, '');
        this.pending!.message = this.pending!.message.slice(0, -1) + part;
      } else {
        if (this.partialStream !== null && this.pending) this.pending.fields.partial = 'true';
        this.hold(this.record(text, at, cri.iso, part, 'container-cri'));
        this.pending!.fields.stream = cri.stream;
      }
      this.partialStream = cri.partial ? cri.stream : null;
      if (!cri.partial) this.flush();
      return this.partialStream !== null;
    }
    const iso = timestampsLine(text);
    if (iso) {
      this.closePartial();
      this.hold(this.record(text, at, iso, text.slice(Math.min(iso.end + 1, text.length)), 'container-timestamps'));
      this.flush();
      return false;
    }
    this.closePartial();
    this.unparsedLine(text, at);
    return false;
  }

  override end(): void {
    this.closePartial();
    super.end();
  }

  protected override finish(rec: ParsedRecord): void {
    finishEnvelope(rec);
  }

  private adjacentPartial(at: Provenance): boolean {
    return this.pending !== null && this.adjacent(at);
  }

  private closePartial(): void {
    if (this.partialStream !== null && this.pending) this.pending.fields.partial = 'true';
    this.partialStream = null;
    this.flush();
  }

  private record(text: string, at: Provenance, iso: IsoParts, message: string, format: string): ParsedRecord {
    const rec: ParsedRecord = {
      stamp: isoAbsolute(text, 0, iso),
      source: 'container',
      format,
      message,
      fields: {},
      raw: text,
      at: provenance(at),
    };
    if (this.ctx.host !== undefined) rec.host = this.ctx.host;
    return rec;
  }
}

export const containerCriFormat: Format = {
  meta: {
    id: 'container-cri',
    title: 'CRI container log (`<RFC3339Nano> stdout|stderr F|P msg`)',
    source: 'container',
    docs: 'FORMATS.md#0-rules-for-every-parser',
    samples: [
      '2026-03-28T09:14:02.123456789Z stderr F time="2026-03-28T09:14:02Z" level=fatal msg="Failed to add replica to controller"',
      '2026-03-28T09:14:03.000000001Z stdout P I0328 09:14:03.000000       1 replica.go:88] "Adding replica" ',
      '2026-03-28T09:14:03.000000002Z stdout F address="tcp://10.1.2.3:9502" mode="WO"',
    ],
  },
  sniff: (lines) => 0.97 * share(lines, (l) => criLine(l) !== null),
  gateable: true,
  shapeOk: criShape,
  open: (ctx) => new ContainerParser(ctx, 'container-cri'),
};

export const containerTimestampsFormat: Format = {
  meta: {
    id: 'container-timestamps',
    title: 'kubectl logs --timestamps (`<RFC3339Nano> msg`)',
    source: 'container',
    docs: 'FORMATS.md#0-rules-for-every-parser',
    samples: [
      '2026-03-28T09:14:02.123456789Z E0328 09:14:02.123400       1 server.go:314] "iSCSI login failed" err="exit status 24"',
      '2026-03-28T09:14:05.5Z Login I/O error, failed to receive a PDU',
    ],
  },
  sniff(lines) {
    let nanos = true;
    const s = share(lines, (l) => {
      const iso = timestampsLine(l);
      if (iso) nanos &&= iso.fractionDigits > 0 && iso.offsetMinutes === 0;
      return iso !== null && criLine(l) === null;
    });
    // journalctl short-iso without a host starts the same way; kubectl always prints UTC with a fraction.
    return s * (nanos ? 0.8 : 0.5);
  },
  gateable: true,
  shapeOk: timestampsShape,
  open: (ctx) => new ContainerParser(ctx, 'container-timestamps'),
};

export const CONTAINER_FORMATS: readonly Format[] = [containerCriFormat, containerTimestampsFormat];
