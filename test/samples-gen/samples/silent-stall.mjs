// Sample 2026-07-silent-control-plane-stall (issue 10, from the public review of 2026-07-11):
// a dqlite storm breaks the apiserver's kine watch; k8s03's watch cache freezes while it holds
// both the scheduler and the KCM leases, so every new pod sits Pending with no conditions and no
// events; the node-local watchdog detects it (strike 2/2) but cannot launch its remediation. UTC.
import { Evidence } from '../lib/evidence.mjs';
import { at, SEC, MIN, isoOff } from '../lib/time.mjs';
import { Rng } from '../lib/rng.mjs';
import { setupNodes, finishJournal } from '../lib/node-setup.mjs';
import { buildCluster, addState, STORM_KEYS } from './silent-stall-state.mjs';

export const NAME = '2026-07-silent-control-plane-stall';
const SEED = 'silent-stall';
const U = (d, h, mi, s, us = 0) => at(2026, 7, d, h, mi, s, us, 0);
const COLLECT = U(10, 19, 27, 40, 220118);
const ROT = [U(8, 0, 0, 2, 187331), U(9, 0, 0, 2, 204117), U(10, 0, 0, 2, 199828)];
const BOOT = { k8s01: U(3, 21, 40, 2, 118004), k8s02: U(3, 21, 41, 33, 502117), k8s03: U(3, 21, 43, 10, 90228) };
const PIDS = { k8s01: { kubelite: 3118, dqlite: 3021 }, k8s02: { kubelite: 3140, dqlite: 3036 }, k8s03: { kubelite: 3129, dqlite: 3027 } };
const SOCK = '/var/snap/microk8s/7394/var/kubernetes/backend/kine.sock:12379';

export function build() {
  const ev = new Evidence(NAME);
  const cl = buildCluster(SEED);
  const h = setupNodes(ev, cl, { seed: SEED, off: 0, zone: 'UTC', boots: BOOT, pids: PIDS, rotations: ROT, collectAt: COLLECT, kernFrom: U(5, 0, 0, 2, 330117),
    journalFrom: (name) => (name === 'k8s03' ? U(10, 16, 0, 0) : null), noiseFrom: U(5, 0, 0, 0), perHour: 18, currentOnly: ['k8s02'], busy: [{ from: U(10, 16, 0, 0), to: U(10, 19, 30, 0), factor: 2 }] }, (name, x) => {
    if (name !== 'k8s02') x.addSink('k8s-dqlite.journal', 'journal', { from: U(10, 16, 0, 0), to: COLLECT, units: ['snap.microk8s.daemon-k8s-dqlite'] });
    if (name === 'k8s03') x.addSink('watch-cache.journal', 'journal', { from: U(10, 16, 0, 0), to: COLLECT, units: ['watch-cache-watchdog', 'watch-cache-remediate'] });
  });
  for (const x of Object.values(h)) watchdogTimer(x);
  storm(h.k8s01, U(10, 16, 15, 2, 402113), U(10, 16, 19, 30), 'k8s01');
  storm(h.k8s03, U(10, 16, 15, 9, 118227), U(10, 16, 20, 5), 'k8s03');
  dq(h.k8s01, U(10, 16, 15, 17, 330421), 'warning', '[go-dqlite] attempt 1: server 172.22.22.6:19001: no known leader', 'signal');
  // the apiserver's kine watches break on k8s01 and k8s03
  for (const [x, t] of [[h.k8s03, U(10, 16, 20, 11, 90441)], [h.k8s01, U(10, 16, 20, 14, 551203)]]) {
    dq(x, t - 6000, 'error', 'WATCH Failed to create watcher: failed to get compact revision: context canceled', 'signal');
    x.klog(t, 'E', 'watcher.go:342', `watch chan error: rpc error: code = Unavailable desc = error reading from server: read unix @->${SOCK}: use of closed network connection`, 'signal');
  }
  k8s01Remediation(h.k8s01);
  k8s03Lockout(h.k8s03);
  finishJournal(h.k8s03, 'kubelite.journal', BOOT.k8s03, COLLECT - SEC);
  for (const n of ['k8s01', 'k8s03']) h[n].journalHeader('k8s-dqlite.journal', BOOT[n], COLLECT - SEC);
  h.k8s03.journalHeader('watch-cache.journal', BOOT.k8s03, COLLECT - SEC);
  addState(ev, cl);
  return ev;
}

const dq = (x, t, lvl, msg, role) => x.emit({ t, ident: 'microk8s.daemon-k8s-dqlite', pid: x.pid.dqlite, unit: 'snap.microk8s.daemon-k8s-dqlite', role, msg: `time="${isoOff(t, 0, true)}" level=${lvl} msg="${msg}"` });
const wd = (x, t, pid, msg, role) => x.emit({ t, ident: 'watch-cache-watchdog', pid, unit: 'watch-cache-watchdog', role, msg });
const rem = (x, t, pid, msg, role) => x.emit({ t, ident: 'watch-cache-remediate', pid, unit: 'watch-cache-remediate', role, msg });
const unit = (x, t, u, msg, role = 'noise') => x.emit({ t, ident: 'systemd', pid: 1, unit: u, role, msg });

function storm(x, from, to, name) {
  const r = new Rng(SEED, name, 'storm');
  for (let t = from; t < to; t += r.range(1, 9) * SEC + r.int(SEC)) {
    const k = r.pick(STORM_KEYS);
    dq(x, t, 'error', `error in txn: ${k.startsWith('/registry/events') ? 'create' : 'update'} transaction failed for key ${k}: exec (try: 500): database is locked`, 'signal');
  }
}

/** watch-cache-watchdog.timer every five minutes; the self-test logs nothing while the cache is healthy. */
function watchdogTimer(x) {
  const r = new Rng(SEED, x.name, 'timer');
  for (let t = ROT[0] + 4 * MIN + r.int(MIN); t < COLLECT; t += 5 * MIN + r.int(4 * SEC)) {
    unit(x, t, 'watch-cache-watchdog', 'Starting Watch-cache freeze watchdog (RV=0 self-test)...');
    unit(x, t + 31 * SEC + r.int(2 * SEC), 'watch-cache-watchdog', 'watch-cache-watchdog.service: Deactivated successfully.');
    unit(x, t + 31 * SEC + r.int(2 * SEC) + 900, 'watch-cache-watchdog', 'Finished Watch-cache freeze watchdog (RV=0 self-test).');
  }
}

const CRIT = (name) => `CRITICAL - watch cache did not reflect a write after 30s (canary wcr-canary-${name} absent from RV=0 read, present in quorum read)`;

function k8s01Remediation(x) {
  wd(x, U(10, 16, 25, 2, 118004), 412207, `strike 1/2 (${CRIT('k8s01')})`, 'signal');
  const p = 419930;
  const t0 = U(10, 16, 29, 16, 220331);
  unit(x, t0 - 2000, 'watch-cache-remediate', 'Started /etc/nagios/remediate_watch_cache.sh.', 'context');
  const steps = [
    [0, 'START: watch cache remediation on k8s01 (trigger: nagios event handler)'],
    [400000, 'remediation lease kube-system/watch-cache-remediation acquired by k8s01'],
    [31 * SEC, 'freeze confirmed on k8s01: cache read 0, quorum read 1'],
    [32 * SEC, 'cordoning k8s01'],
    [33 * SEC, 'restarting snap.microk8s.daemon-k8s-dqlite'],
    [45 * SEC, 'restarting snap.microk8s.daemon-kubelite'],
    [71 * SEC, 'SUCCESS: canary verified in RV=0 cache read after 3s, k8s01 uncordoned'],
  ];
  for (const [dt, msg] of steps) rem(x, t0 + dt, p, msg, msg.startsWith('SUCCESS') || msg.startsWith('freeze') ? 'signal' : 'context');
  unit(x, t0 + 33 * SEC + 2000, 'snap.microk8s.daemon-k8s-dqlite', 'Stopping Service for snap application microk8s.daemon-k8s-dqlite...', 'context');
  unit(x, t0 + 35 * SEC, 'snap.microk8s.daemon-k8s-dqlite', 'Started Service for snap application microk8s.daemon-k8s-dqlite.', 'context');
  unit(x, t0 + 45 * SEC + 2000, 'snap.microk8s.daemon-kubelite', 'Stopping Service for snap application microk8s.daemon-kubelite...', 'context');
  unit(x, t0 + 48 * SEC, 'snap.microk8s.daemon-kubelite', 'Started Service for snap application microk8s.daemon-kubelite.', 'context');
  x.pid.kubelite = 419977;
  x.pid.dqlite = 419951;
  unit(x, t0 + 71 * SEC + 3000, 'watch-cache-remediate', 'watch-cache-remediate.service: Deactivated successfully.', 'context');
}

function k8s03Lockout(x) {
  const r = new Rng(SEED, 'lockout');
  wd(x, U(10, 16, 24, 31, 402118), 411880, `strike 1/2 (${CRIT('k8s03')})`, 'signal');
  // 16:29:38: strike 2/2 launches the remediation, which defers to k8s01 and exits 1
  const t = U(10, 16, 29, 38, 118402);
  wd(x, t, 412304, `strike 2/2 - triggering remediation (${CRIT('k8s03')})`, 'signal');
  unit(x, t + 90000, 'watch-cache-remediate', 'Started /etc/nagios/remediate_watch_cache.sh.', 'context');
  rem(x, t + 190000, 412331, 'START: watch cache remediation on k8s03 (trigger: watchdog strike 2/2)', 'context');
  rem(x, t + 1402000, 412331, 'DEFERRED: remediation lease held by k8s01 - another node is remediating', 'signal');
  unit(x, t + 1409000, 'watch-cache-remediate', 'watch-cache-remediate.service: Main process exited, code=exited, status=1/FAILURE', 'signal');
  unit(x, t + 1409300, 'watch-cache-remediate', "watch-cache-remediate.service: Failed with result 'exit-code'.", 'signal');
  // every ten minutes from 16:40 to 19:18: strike 1/2, strike 2/2, and the launch fails on the stale unit
  for (let i = 0, s = U(10, 16, 40, 4, 0); i < 17; i++, s += 9 * MIN + 51 * SEC + r.int(20 * SEC)) {
    wd(x, s - 5 * MIN + 2 * SEC, 430000 + i * 997, `strike 1/2 (${CRIT('k8s03')})`, 'signal');
    const pid = 430500 + i * 997;
    wd(x, s, pid, `strike 2/2 - triggering remediation (${CRIT('k8s03')})`, 'signal');
    x.emit({ t: s + 40000, ident: 'systemd-run', pid: pid + 3, unit: 'watch-cache-watchdog', role: 'signal', msg: 'Failed to start transient service unit: Unit watch-cache-remediate.service already exists.' });
    wd(x, s + 41000, pid, 'WARNING: failed to launch remediation unit on k8s03', 'signal');
  }
}
