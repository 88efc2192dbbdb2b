// Texts that only incident, decoy, contrast or context lines may carry. A noise line matching one
// of these is a generator bug (it would plant an unplanned finding), so rendering stops.
// Goroutine frames (processorListener, handleAnyWatch) are not listed: a goroutine only matters
// with its wait time, which goroutines.mjs keeps short on every goroutine that is not planted.
const FORBIDDEN = [
  /conn(ection)? error \(10[0-9][0-9]\)/, /connection [0-9]+:[0-9]+ error/, /ping timeout of/, /session recovery timed out/,
  /is operational after recovery/, /rejecting I\/O to offline device/, /I\/O error/, /Buffer I\/O/, /JBD2:/, /Aborting journal/,
  /EXT4-fs error/, /Remounting filesystem read-only/, /eth0: link becomes ready/, /eth0: (Lost|Gained) carrier/,
  /Deleting pod/, /taint-eviction|TaintManagerEviction/, /quota admission added evaluator/, /NodeNotReady|Node became not ready/,
  /zone information for node/, /kine\.sock/, /use of closed network connection/, /CrashLoopBackOff|Back-off restarting/,
  /UnknownHostException/, /WaitForAttachAndMount/, /"terminatingReplicas": [1-9]/,
  /already mounted at more than one place/, /when try to find container/, /NotFound desc/, /FailedMount|MountVolume\.[A-Za-z]+ failed/,
  /sendtargets|Discovery Address|failed to receive a PDU|reopen_max/, /fsck/, /ImageGCFailed|garbage collect/,
  /rwReplica chain|WO replica|target already connected|Logout request|ghost/i, /database is locked/, /no known leader/,
  /snapshot-threshold/, /Failed to create watcher|compact revision/, /Leaderelection lost|leaderelection\.go|error retrieving resource lock/,
  /watch cache|strike [0-9]\/[0-9]/, /PLEG is not healthy|pleg was last seen/, /Failed to create existing container/,
  /separate container filesystem/, /cgroup v1/, /binary not installed/, /GetDeviceMountRefs/, /read-only file system/i,
  /Stale file handle|portmap query failed/, /ClusterInformation|Unauthorized/, /WorkloadEndpoint|connect: invalid argument/,
  /Skipping full block/, /DeletedFinalStateUnknown/, /Caught <SEGV>|Freezing execution/, /bad header\/extent/, /context deadline exceeded/,
  /volume-head-[0-9]+\.img|volume-snap-/, /Failed to check replica state|Retry count exceeded/,
  /Error syncing pod/, /ContainerCreating/, /deletionTimestamp/,
];

export function guardNoise(file, text) {
  for (const re of FORBIDDEN) {
    if (re.test(text)) throw new Error(`noise line in ${file} matches ${re}: ${text.slice(0, 200)}`);
  }
}
