import type { Format } from '../../model/index.js';
import { goroutineFormat } from './goroutine.js';
import { kubectlJsonFormat } from './kubectl-json.js';
import { kubectlTableFormat } from './kubectl-tables.js';

/**
 * The formats of issue 4 (goroutine dumps, kubectl JSON, pasted kubectl tables), for the
 * registry, and the rest of their public API: the journal-embedded dump decorator, the
 * cluster state model and the goroutine bucket fields that state signatures read.
 */
export const k8sFormats: readonly Format[] = [goroutineFormat, kubectlJsonFormat, kubectlTableFormat];

export { goroutineFormat, GOROUTINE_FORMAT_ID } from './goroutine.js';
export { kubectlJsonFormat, KUBECTL_JSON_FORMAT_ID } from './kubectl-json.js';
export { kubectlTableFormat, KUBECTL_TABLE_FORMAT_ID } from './kubectl-tables.js';
export { bucketFields, bucketMessage, isRecordWorthy, topFrame } from './goroutine-records.js';
export { parseAge, parseAgeInterval, parseKubeTime } from './kubectl-time.js';
export { withEmbeddedDumps, GAP_SECONDS, MAX_INTERLEAVED, type EmbeddedDumps } from '../embedded-dump.js';
export { buildClusterState, fieldLine, RELATIONS, type ClusterStateModel } from '../state/index.js';
