// Kernel and iscsid lines of open-iscsi sessions to Jiva targets, and of their failure cascade
// down to an ext4 read-only remount (Linux 5.15 texts).
import { SEC } from './time.mjs';

const ERR = {
  1011: 'ISCSI_ERR_CONN_FAILED: iSCSI connection failed',
  1020: 'ISCSI_ERR_TCP_CONN_CLOSE: TCP connection closed',
  1021: 'ISCSI_ERR_SCSI_EH_SESSION_RST: Session was dropped as a result of SCSI error recovery',
  1022: 'ISCSI_ERR_NOP_TIMEDOUT: A NOP has timed out',
};

/** Login at boot or mount: SCSI host scan, iscsid "operational now", multipathd, ext4 mount. */
export function iscsiLogin(h, t, { hostNo, sid, dev, pv, ip, blocks, role = 'context', mount = true }) {
  const k = [
    [0, `scsi host${hostNo}: iSCSI Initiator over TCP/IP`],
    [91233, `scsi ${hostNo}:0:0:0: Direct-Access     OpenEBS  iscsi            0.2  PQ: 0 ANSI: 5`],
    [92011, `sd ${hostNo}:0:0:0: Attached scsi generic sg${hostNo - 1} type 0`],
    [95528, `sd ${hostNo}:0:0:0: [${dev}] ${blocks} 512-byte logical blocks: (${((blocks * 512) / 1e9).toFixed(2)} GB/${((blocks * 512) / 2 ** 30).toFixed(2)} GiB)`],
    [95530, `sd ${hostNo}:0:0:0: [${dev}] Write Protect is off`],
    [95531, `sd ${hostNo}:0:0:0: [${dev}] Mode Sense: 03 00 10 08`],
    [95620, `sd ${hostNo}:0:0:0: [${dev}] Write cache: enabled, read cache: enabled, supports DPO and FUA`],
    [131877, `sd ${hostNo}:0:0:0: [${dev}] Attached SCSI disk`],
  ];
  for (const [dt, msg] of k) h.kern(t + dt, msg, role);
  h.sys(t + 140112, 'iscsid', h.pid.iscsid, `Connection${sid}:0 to [target: iqn.2016-09.com.openebs.jiva:${pv}, portal: ${ip},3260] through [iface: default] is operational now`, role);
  h.sys(t + 151000, 'multipathd', h.pid.multipathd, `${dev}: add missing path`, role);
  h.sys(t + 151400, 'multipathd', h.pid.multipathd, `${dev}: failed to get udev uid: Invalid argument`, role);
  if (mount) h.kern(t + 2 * SEC + 412007, `EXT4-fs (${dev}): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.`, role);
}

/** `connectionN:0: detected conn error (CODE)` from the kernel, and iscsid's report of it. */
export function connError(h, t, conn, code, role, { iscsid = true, iscsidDelay = 281004 } = {}) {
  h.kern(t, ` connection${conn}:0: detected conn error (${code})`, role);
  if (iscsid) h.sys(t + iscsidDelay, 'iscsid', h.pid.iscsid, `Kernel reported iSCSI connection ${conn}:0 error (${code} - ${ERR[code]}) state (3)`, role);
}

/** Initiator keepalive miss (Mode B): ping timeout then conn error 1022. */
export function pingTimeout(h, t, conn, role, jiffies) {
  const now = jiffies;
  h.kern(t, ` connection${conn}:0: ping timeout of 5 secs expired, recv timeout 5, last rx ${now - 2502}, last ping ${now - 1250}, now ${now}`, role);
  connError(h, t + 37, conn, 1022, role);
}

export function recovered(h, t, conn, attempts, role) {
  h.sys(t, 'iscsid', h.pid.iscsid, `connection${conn}:0 is operational after recovery (${attempts} attempts)`, role);
}

export function sessionTimeout(h, t, sid, role, secs = 120) {
  h.kern(t, ` session${sid}: session recovery timed out after ${secs} secs`, role);
}

/**
 * The block device behind a dead session: I/O rejected, write errors, journal abort, ext4 error
 * and the read-only remount `abortAfter` later (when the filesystem next commits).
 */
export function deviceFailure(h, t, { hostNo, dev, sectors, role, abortAfter = 4 * SEC + 336117, ext4Fn = 'ext4_journal_check_start:61', comm }) {
  h.kern(t, `sd ${hostNo}:0:0:0: [${dev}] rejecting I/O to offline device`, role);
  h.kern(t + 233, `blk_update_request: I/O error, dev ${dev}, sector ${sectors[0]} op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0`, role);
  h.kern(t + 301, `Buffer I/O error on dev ${dev}, logical block ${Math.floor(sectors[0] / 8)}, lost async page write`, role);
  h.kern(t + 1419, `sd ${hostNo}:0:0:0: [${dev}] rejecting I/O to offline device`, role);
  h.kern(t + 1520, `blk_update_request: I/O error, dev ${dev}, sector ${sectors[1]} op 0x1:(WRITE) flags 0x800 phys_seg 2 prio class 0`, role);
  const j = t + abortAfter;
  h.kern(j, `JBD2: Detected IO errors while flushing file data on ${dev}-8`, role);
  h.kern(j + 614, `Aborting journal on device ${dev}-8.`, role);
  h.kern(j + 2007, `EXT4-fs (${dev}): I/O error while writing superblock`, role);
  h.kern(j + 2515, `EXT4-fs error (device ${dev}): ${ext4Fn}: ${comm ? `comm ${comm}: ` : ''}Detected aborted journal`, role);
  h.kern(j + 2601, `EXT4-fs (${dev}): Remounting filesystem read-only`, role);
  return j + 2601;
}

