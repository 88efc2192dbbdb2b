// Sample 2026-08-06-mode-b-dqlite-storm (issue 10, from the public 2026-08-06 review of this
// cluster): a dqlite write storm on k8s02 and k8s03 starves the iSCSI initiators (ping timeout,
// conn error 1022, then 1020), sessions time out and six PVCs go read-only on two hosts, while the
// Jiva targets stay healthy. Nothing is evicted. The nodes log in UTC.
import { Evidence } from '../lib/evidence.mjs';
import { at, SEC, MIN, isoOff } from '../lib/time.mjs';
import { Rng } from '../lib/rng.mjs';
import { node } from '../lib/cluster.mjs';
import { setupNodes, finishJournal } from '../lib/node-setup.mjs';
import { iscsiLogin, connError, pingTimeout, recovered, sessionTimeout, deviceFailure } from '../lib/iscsi.mjs';
import { buildCluster, addState, VOLS } from './mode-b-state.mjs';

export const NAME = '2026-08-06-mode-b-dqlite-storm';
const SEED = 'mode-b';
const U = (d, h, mi, s, us = 0) => at(2026, 8, d, h, mi, s, us, 0);
const COLLECT = U(6, 10, 31, 4, 118220);
const ROT = [U(4, 0, 0, 2, 211417), U(5, 0, 0, 2, 190228), U(6, 0, 0, 2, 204551)];
const BOOT = { k8s01: at(2026, 7, 13, 16, 2, 41, 118004, 0), k8s02: at(2026, 7, 13, 16, 4, 12, 502331, 0), k8s03: at(2026, 7, 13, 16, 5, 55, 90412, 0) };
const PIDS = { k8s01: { kubelite: 2281, dqlite: 2204 }, k8s02: { kubelite: 2310, dqlite: 2236 }, k8s03: { kubelite: 2297, dqlite: 2219 } };

export function build() {
  const ev = new Evidence(NAME);
  const cl = buildCluster(SEED);
  const h = setupNodes(ev, cl, { seed: SEED, off: 0, zone: 'UTC', boots: BOOT, pids: PIDS, rotations: ROT, collectAt: COLLECT, kernFrom: U(2, 0, 0, 2, 301554),
    journalFrom: () => null, noiseFrom: U(2, 0, 0, 0), perHour: 40, currentOnly: ['k8s01'], busy: [{ from: U(5, 16, 30, 0), to: U(5, 18, 0, 0), factor: 8 }] }, (name, x) => {
    if (name !== 'k8s01') {
      x.addSink('k8s-dqlite.journal', 'journal', { from: U(5, 0, 0, 0), to: COLLECT, units: ['snap.microk8s.daemon-k8s-dqlite'] });
      x.addSink('kernel.journal', 'journal', { from: U(5, 16, 30, 0), to: U(5, 17, 30, 0), kernel: true });
    }
    if (name === 'k8s02') x.addSink('kubelite.journal', 'journal', { from: U(5, 16, 30, 0), to: U(5, 18, 0, 0), units: ['snap.microk8s.daemon-kubelite'] });
    if (name === 'k8s03') x.addSink('dmesg-T.txt', 'dmesg', { mode: 'ctime', to: COLLECT });
  });
  for (const name of ['k8s01', 'k8s02', 'k8s03']) healthyLocks(h[name], name);
  logins(h);
  storm(h.k8s02, U(5, 17, 3, 22, 118402), U(5, 17, 12, 40), 'k8s02');
  storm(h.k8s03, U(5, 17, 4, 26, 551230), U(5, 17, 13, 5), 'k8s03');
  cascade(h);
  for (const name of ['k8s02', 'k8s03']) {
    finishJournal(h[name], 'k8s-dqlite.journal', BOOT[name], COLLECT - SEC);
    h[name].journalHeader('kernel.journal', BOOT[name], COLLECT - SEC);
  }
  h.k8s02.journalHeader('kubelite.journal', BOOT.k8s02, COLLECT - SEC);
  addState(ev, cl);
  return ev;
}

const dq = (x, t, lvl, msg, role) => x.emit({ t, ident: 'microk8s.daemon-k8s-dqlite', pid: x.pid.dqlite, unit: 'snap.microk8s.daemon-k8s-dqlite', role, msg: `time="${isoOff(t, 0, true)}" level=${lvl} msg="${msg}"` });

/** The healthy rate: a few dozen `database is locked` a day, low retry counts, spread out. */
function healthyLocks(x, name) {
  const r = new Rng(SEED, name, 'healthy');
  const keys = [`/registry/leases/kube-node-lease/${name}`, '/registry/leases/kube-system/kube-scheduler', '/registry/leases/kube-system/kube-controller-manager', '/registry/masterleases/' + node(name).ip];
  for (let t = U(4, 0, 0, 0) + r.int(40 * MIN); t < COLLECT; t += Math.floor(r.expo() * 32 * MIN)) {
    if (t > U(5, 17, 0, 0) && t < U(5, 17, 30, 0)) continue;
    dq(x, t, 'error', `error in txn: update transaction failed for key ${r.pick(keys)}: exec (try: ${r.range(1, 14)}): database is locked`, 'decoy');
  }
}

/** The storm: hundreds of retries per key, far above the healthy rate. */
function storm(x, from, to, name) {
  const r = new Rng(SEED, name, 'storm');
  const keys = ['/registry/leases/kube-system/kube-controller-manager', '/registry/leases/kube-system/kube-controller-manager', '/registry/leases/kube-system/kube-scheduler', `/registry/leases/kube-node-lease/${name}`,
    `/registry/events/openebs/${VOLS.radarr.pv}-rep-2-${r.sfx(9)}-${r.sfx(5)}.18${r.hex(14)}`];
  const first = `error in txn: update transaction failed for key /registry/leases/kube-system/kube-controller-manager: exec (try: 500): database is locked`;
  dq(x, from, 'error', first, 'signal');
  for (let t = from + r.range(200, 900) * 1000; t < to; t += r.range(2, 16) * SEC) {
    if (r.chance(0.18)) dq(x, t, 'error', `error while range on /registry/leases/kube-system/kube-scheduler : query (try: 0): context deadline exceeded`, 'signal');
    else dq(x, t, 'error', `error in txn: update transaction failed for key ${r.pick(keys)}: exec (try: 500): database is locked`, 'signal');
  }
}

function logins(h) {
  // sessions in use since the pods last moved (4 August); connection numbers as the review shows
  for (const [hostName, list] of Object.entries({ k8s02: ['seerr', 'radarr', 'readarr', 'sonarr'], k8s03: ['survive', 'borkedcraft'] })) {
    list.forEach((k, i) => {
      const v = VOLS[k];
      iscsiLogin(h[hostName], U(4, 2, 11 + i * 3, 7 + i * 5, 118000 + i * 7), { hostNo: v.hostNo, sid: v.sid, dev: v.dev, pv: v.pv, ip: v.ip, blocks: v.blocks });
    });
  }
}

function cascade(h) {
  const k2 = h.k8s02, k3 = h.k8s03;
  const j = (t) => 4297000000 + Math.floor((t - U(5, 0, 0, 0)) / 4000);
  // k8s02: connection23:0 misses its keepalive first and recovers
  pingTimeout(k2, U(5, 17, 5, 38, 412118), 23, 'contrast', j(U(5, 17, 5, 38)));
  recovered(k2, U(5, 17, 5, 46, 902331), 23, 2, 'contrast');
  // k8s03: connection29:0 the same at 17:09
  pingTimeout(k3, U(5, 17, 9, 2, 220417), 29, 'contrast', j(U(5, 17, 9, 2)));
  recovered(k3, U(5, 17, 9, 10, 318004), 29, 2, 'contrast');
  // 17:12-17:13: the sessions that do not come back
  const fail = [
    // host, volume, kind of drop, drop time, ro time (next write)
    [k2, 'readarr', 1022, U(5, 17, 12, 44, 102331), U(5, 17, 14, 44, 301227)],
    [k2, 'radarr', 1022, U(5, 17, 12, 51, 440118), U(5, 17, 18, 40, 118402)],
    [k2, 'sonarr', 1020, U(5, 17, 13, 2, 77331), U(5, 17, 16, 16, 402117)],
    [k2, 'seerr', 1020, U(5, 17, 13, 10, 551820), U(5, 17, 21, 19, 90227)],
    [k3, 'borkedcraft', 1022, U(5, 17, 12, 49, 330912), U(5, 17, 14, 49, 227118)],
    [k3, 'survive', 1020, U(5, 17, 13, 30, 118004), U(5, 17, 16, 20, 551203)],
  ];
  for (const [x, key, code, t, ioAt] of fail) {
    const v = VOLS[key];
    if (code === 1022) pingTimeout(x, t, v.sid, 'signal', j(t));
    else connError(x, t, v.sid, 1020, 'signal');
    const tt = t + 120 * SEC + 88000;
    sessionTimeout(x, tt, v.sid, 'signal');
    deviceFailure(x, Math.max(ioAt, tt + 2000), { hostNo: v.hostNo, dev: v.dev, sectors: v.sectors, role: 'signal', abortAfter: 380000, comm: v.comm, ext4Fn: v.comm ? 'ext4_journal_check_start:83' : 'ext4_journal_check_start:61' });
    // iscsid logs back in minutes later: the filesystem stays read-only
    recovered(x, tt + 6 * MIN + v.sid * 7 * SEC, v.sid, 40 + v.sid, 'context');
  }
}


