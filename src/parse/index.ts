export { FORMATS, registerFormat, getFormat, formatIds } from './registry.js';
export { sniffFormat, SNIFF_LINES, MIN_SCORE, MARGIN, type SniffResult } from './sniff.js';
export { SYSLOG_FORMATS, syslogRfc3164, syslogRfc3339, syslogRfc5424 } from './formats/syslog/index.js';
export { dmesgFormat } from './formats/dmesg/index.js';
export {
  JOURNAL_TEXT_FORMATS,
  journalShort,
  journalShortPrecise,
  journalShortIso,
  journalShortIsoPrecise,
  journalShortFull,
  journalShortUnix,
  journalShortMonotonic,
} from './formats/journal/text.js';
export { JOURNAL_JSON_FORMATS, journalJson, journalJsonSeq, journalJsonPretty } from './formats/journal/json.js';
export { KLOG_FORMATS, klogFormat, klogJsonFormat, logrusFormat } from './formats/klog/index.js';
export { CONTAINER_FORMATS, containerCriFormat, containerTimestampsFormat } from './formats/container.js';
export { textFormat } from './formats/text.js';
export { BufferedParser, provenance, textRecord } from './formats/base.js';
export { parseKlogHeader, mayBeKlogHeader, KLOG_SEVERITY, type KlogHeader } from './formats/klog/header.js';
export { parseKlogBody, readPairs } from './formats/klog/pairs.js';
export { readGoLog, readKlog, readKlogJson, readLogrus, type GoLogLine } from './formats/klog/structured.js';
export { finishEnvelope, parseHostTag, type HostTag } from './formats/envelope.js';
export { buildEvents, type BuildEventsOptions, type BuiltEvents } from './events.js';
export { isValidTimeZone, zoneOf, FixedZone, IanaZone, type Zone, type Fold } from './clock/zone.js';
export { abbrevOffset } from './clock/abbrev.js';
export { isJournalMarker } from './formats/journal/markers.js';
export { envelopeContinuation } from './formats/syslog/index.js';
export { buildClusterState, fieldLine, type ClusterStateModel } from './state/index.js';
export { MTIME_SLACK, type SnapshotChoice } from './clock/snapshot.js';
