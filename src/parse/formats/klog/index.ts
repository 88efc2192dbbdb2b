import type { FileContext, Format, ParsedRecord, Provenance } from '../../../model/index.js';
import { isBlank } from '../../text/chars.js';
import { BufferedParser, provenance } from '../base.js';
import { share } from '../sniff-util.js';
import { KLOG_SEVERITY, parseKlogHeader } from './header.js';
import { parseKlogBody } from './pairs.js';
import { klogShape } from './shape.js';
import { readKlogJson, readLogrus } from './structured.js';

/**
 * Bare Go component logs (kubelet.log, kube-controller-manager.log, `kubectl logs` output):
 * klog text, klog JSON and logrus lines, in any mix. A klog record's later lines (the `key=<`
 * block, multi-line printf text, Trace lines) have no header and continue it.
 */

/** Headerless lines a klog record may take before the rest is treated as foreign text. */
const MAX_CONTINUATION_LINES = 200;
const GOROUTINE_HEADER = /^goroutine \d+ \[/;

class KlogFileParser extends BufferedParser {
  private klogPending = false;
  private continuationLines = 0;
  private blockOpen = false;

  constructor(ctx: FileContext, formatId: string) {
    super(ctx, formatId, 'a klog line (`I0528 20:21:04.123456 1234 file.go:111] msg`), klog JSON or logrus');
  }

  line(text: string, at: Provenance): boolean {
    if (isBlank(text)) return false;
    const header = parseKlogHeader(text, 0);
    if (header) {
      const rec: ParsedRecord = {
        stamp: header.stamp,
        source: 'klog',
        format: 'klog',
        pid: header.pid,
        severity: KLOG_SEVERITY[header.severity],
        message: text,
        fields: {
          'klog.severity': header.severity,
          'klog.file': header.file,
          'klog.line': String(header.line),
        },
        raw: text,
        at: provenance(at),
      };
      this.keep(rec);
      this.klogPending = true;
      this.continuationLines = 0;
      // An open `key=<` block needs the lines up to its ` >`.
      this.blockOpen = text.endsWith('=<');
      return this.blockOpen;
    }
    const fields: Record<string, string> = {};
    const go = text.charCodeAt(0) === 123 ? readKlogJson(text, fields) : readLogrus(text, fields);
    if (!go) {
      if (this.klogPending && this.adjacent(at) && this.continuationLines < MAX_CONTINUATION_LINES && !GOROUTINE_HEADER.test(text)) {
        this.append(text, at, text);
        this.continuationLines++;
        if (this.blockOpen && text.trimStart().startsWith('>')) this.blockOpen = text.endsWith('=<');
        else if (text.endsWith('=<')) this.blockOpen = true;
        return this.blockOpen;
      }
      this.unparsedLine(text, at);
      return false;
    }
    const rec: ParsedRecord = {
      stamp: go.stamp,
      source: 'klog',
      format: go.kind,
      message: text,
      fields,
      raw: text,
      at: provenance(at),
    };
    if (go.severity) rec.severity = go.severity;
    this.keep(rec);
    this.klogPending = false;
    this.blockOpen = false;
    return false;
  }

  private keep(rec: ParsedRecord): void {
    if (this.ctx.host !== undefined) rec.host = this.ctx.host;
    this.hold(rec);
  }

  protected override finish(rec: ParsedRecord): void {
    if (rec.format !== 'klog') return;
    const header = parseKlogHeader(rec.message, 0);
    if (header) parseKlogBody(rec.message.slice(header.bodyStart), rec.fields);
  }
}

function klogFileFormat(
  id: 'klog' | 'klog-json' | 'logrus',
  title: string,
  samples: string[],
  sniff: (lines: readonly string[]) => number,
): Format {
  return {
    meta: { id, title, source: 'klog', docs: 'FORMATS.md#4-klog-kubelet-kube-controller-manager-kubelite', samples },
    sniff,
    gateable: true,
    // A klog header is a record whatever format the file was sniffed as (klog JSON and logrus
    // lines are parsed).
    shapeOk: klogShape,
    isContinuation: (text) => !isBlank(text) && parseKlogHeader(text, 0) === null && !text.startsWith('{') && !text.startsWith('time='),
    open: (ctx) => new KlogFileParser(ctx, id),
  };
}

function tabbed(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 9 || c === 32;
}

export const klogFormat = klogFileFormat(
  'klog',
  'klog text (`I0528 20:21:04.123456 1234 file.go:111] msg key=value`)',
  [
    'I1111 13:26:08.308515 1473551 pod_startup_latency_tracker.go:102] "Observed pod startup duration" pod="default/multitool-ds-krhjw" podStartSLOduration=-9.223372033546324e+09',
    'I0528 19:47:31.104822 2122770 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="openebs/pvc-746b2837-jiva-ctrl-5d9c-x2"',
    'E0528 20:21:09.000123    4242 csi_attacher.go:386] kubernetes.io/csi: attacher.MountDevice failed: rpc error: code = Internal desc = iscsi: failed to sendtargets to portal 10.152.183.34:3260',
  ],
  (lines) => 0.9 * share(lines, (l) => (tabbed(l) || l.trim() === '>' ? null : parseKlogHeader(l, 0) !== null)),
);

export const klogJsonFormat = klogFileFormat(
  'klog-json',
  'klog JSON (`--logging-format=json`: `{"ts":<ms>,"caller":...,"msg":...}`)',
  [
    '{"ts":1779963664123.456,"caller":"cache/reflector.go:556","msg":"Watch close","v":0,"node":"k8s03"}',
    '{"ts":1779963669001.5,"caller":"volume/csi_attacher.go:386","msg":"MountDevice failed","err":"rpc error: code = DeadlineExceeded"}',
  ],
  (lines) => 0.95 * share(lines, (l) => l.startsWith('{"ts":') && readKlogJson(l, {}) !== null),
);

export const logrusFormat = klogFileFormat(
  'logrus',
  'logrus text (`time="..." level=info msg="..."`: containerd, Jiva, Jiva CSI)',
  [
    'time="2023-07-23T19:28:13.986457862Z" level=info msg="StopPodSandbox for \\"3b1f\\" returns successfully"',
    'time="2026-03-28T09:14:02Z" level=fatal msg="Failed to add replica to controller, err: Current replica\'s checkpoint not present in rwReplica chain"',
  ],
  (lines) => 0.9 * share(lines, (l) => readLogrus(l, {}) !== null),
);

export const KLOG_FORMATS: readonly Format[] = [klogFormat, klogJsonFormat, logrusFormat];
