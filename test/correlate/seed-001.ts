// A reconstruction of seed 001's k8s02 evidence (chain 4), AEST: iSCSI logins, the 19:16 link
// flap that recovered, kine disconnects, node NotReady, the KCM reconnect and the batched taint
// eviction of 6 Jiva controllers, then conn errors, session timeouts, I/O errors, journal aborts
// and read-only remounts for sdb (seerr, pvc-746b2837) and sdc (survive, pvc-a3a7e012).
const K = 'k8s02 microk8s.daemon-kubelite[2431]:';
const evict = (t: string, pod: string): string =>
  `May 28 20:21:04 ${K} I0528 20:21:04.${t}    2431 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="openebs/${pod}"`;

export const SYSLOG = [
  'May 28 18:02:11 k8s02 iscsid: Connection1:0 to [target: iqn.2016-09.com.openebs.jiva:pvc-746b2837-ca3c-4b95-9168-7b767573f799, portal: 10.152.183.57,3260] through [iface: default] is operational now',
  'May 28 18:02:12 k8s02 iscsid: Connection2:0 to [target: iqn.2016-09.com.openebs.jiva:pvc-a3a7e012-5d2e-4a8c-9b1f-0c6f2d9e8a71, portal: 10.152.183.22,3260] through [iface: default] is operational now',
  'May 28 19:16:20 k8s02 iscsid: connection1:0 is operational after recovery (1 attempts)',
  'May 28 19:16:21 k8s02 iscsid: connection2:0 is operational after recovery (1 attempts)',
  `May 28 20:10:01 ${K} E0528 20:10:01.000100    2431 reflector.go:150] failed to list: dial unix /var/snap/microk8s/var/kubernetes/backend/kine.sock:12379: connect: connection refused`,
  `May 28 20:15:02 ${K} W0528 20:15:02.000000    2431 watcher.go:93] read unix @->/var/snap/microk8s/var/kubernetes/backend/kine.sock: use of closed network connection`,
  `May 28 20:16:00 ${K} I0528 20:16:00.000000    2431 node_lifecycle_controller.go:1000] "Node became not ready" node="k8s01"`,
  `May 28 20:20:03 ${K} W0528 20:20:03.000000    2431 watcher.go:93] read unix @->/var/snap/microk8s/var/kubernetes/backend/kine.sock: use of closed network connection`,
  `May 28 20:20:40 ${K} E0528 20:20:40.000000    2431 reflector.go:150] failed to list: dial unix /var/snap/microk8s/var/kubernetes/backend/kine.sock:12379: connect: connection refused`,
  `May 28 20:21:03 ${K} I0528 20:21:03.912000    2431 controller.go:667] quota admission added evaluator for: daemonsets.apps`,
  evict('118402', 'pvc-746b2837-jiva-ctrl-5c8f9d7b6-x2x9q'),
  evict('118502', 'pvc-a3a7e012-ctrl-6d9f8c7b5-q7w2e'),
  evict('118602', 'pvc-1b2c3d4e-jiva-ctrl-7f6e5d4c3-a1b2c'),
  evict('118702', 'pvc-5f6a7b8c-jiva-ctrl-8a7b6c5d4-d3e4f'),
  evict('118802', 'pvc-9d0e1f2a-jiva-ctrl-9b8c7d6e5-g5h6i'),
  evict('118902', 'pvc-3c4d5e6f-jiva-ctrl-0c9d8e7f6-j7k8l'),
];

export const KINE_LINES = SYSLOG.filter((l) => l.includes('kine.sock'));

export const KERN_LOG = [
  'May 28 19:16:07 k8s02 kernel: [  727.100000] connection1:0: detected conn error (1020)',
  'May 28 19:16:07 k8s02 kernel: [  727.100200] connection2:0: detected conn error (1020)',
  'May 28 19:16:14 k8s02 kernel: [  734.000000] IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready',
  'May 28 20:21:09 k8s02 kernel: [ 4901.224410] connection1:0: detected conn error (1020)',
  'May 28 20:21:09 k8s02 kernel: [ 4901.224800] connection2:0: detected conn error (1020)',
  'May 28 20:23:09 k8s02 kernel: [ 5021.230001] session1: session recovery timed out after 120 secs',
  'May 28 20:23:09 k8s02 kernel: [ 5021.230300] session2: session recovery timed out after 120 secs',
  'May 28 20:23:09 k8s02 kernel: [ 5021.231100] sd 3:0:0:0: [sdb] rejecting I/O to offline device',
  'May 28 20:23:09 k8s02 kernel: [ 5021.231400] sd 4:0:0:0: [sdc] rejecting I/O to offline device',
  'May 28 20:23:10 k8s02 kernel: [ 5022.000100] blk_update_request: I/O error, dev sdb, sector 123456 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0',
  'May 28 20:23:10 k8s02 kernel: [ 5022.000300] blk_update_request: I/O error, dev sdc, sector 654321 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0',
  'May 28 20:23:11 k8s02 kernel: [ 5023.100000] JBD2: Detected IO errors while flushing file data on sdb-8',
  'May 28 20:23:11 k8s02 kernel: [ 5023.100100] Aborting journal on device sdb-8.',
  'May 28 20:23:12 k8s02 kernel: [ 5023.200000] EXT4-fs error (device sdb): ext4_journal_check_start:61: Detected aborted journal',
  'May 28 20:23:12 k8s02 kernel: [ 5023.200100] EXT4-fs (sdb): Remounting filesystem read-only',
  'May 28 20:27:30 k8s02 kernel: [ 5282.000000] Aborting journal on device sdc-8.',
  'May 28 20:27:31 k8s02 kernel: [ 5283.000000] EXT4-fs (sdc): Remounting filesystem read-only',
  'May 28 20:40:00 k8s02 kernel: [ 6052.000000] systemd-journald[312]: Time spent on flushing to /var/log/journal is 1.0ms',
];
