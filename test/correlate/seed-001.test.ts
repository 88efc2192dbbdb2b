// Acceptance of issue 5 on a reconstruction of seed 001's k8s02 evidence (chain 4), with the
// fixture patterns: ext4-ro-remount links back through every step to kcm-reconnect, with
// identity links where the same device/host/PVC is named; the 19:16 flap is a contrast finding
// outside the cascade; a chain whose root is not in the evidence ends open.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { compileSignatures, loadPatterns } from '../../src/signatures/index.js';
import { buildEvidence } from './evidence.js';
import { KERN_LOG, KINE_LINES, SYSLOG } from './seed-001.js';

const ROOT = path.resolve(__dirname, '../..');
const set = loadPatterns([path.join(ROOT, 'test/fixtures/patterns/cascade')], { files: [path.join(ROOT, 'patterns/entities.yml')] });
const { compiled } = compileSignatures(set);

function run(syslog = SYSLOG, kern = KERN_LOG, params?: Record<string, string>) {
  const ev = buildEvidence(compiled, { 'k8s02/syslog.2.gz': syslog, 'k8s02/kern.log': kern }, { year: 2026, offsetHours: 10 });
  return correlate({ ...ev, state: EMPTY_STATE, signatures: compiled, displayTz: 'Australia/Brisbane', ...(params ? { params } : {}) });
}

describe('seed 001, k8s02 (chain 4)', () => {
  const out = run();
  const byRef = new Map(out.findings.map((f) => [f.ref, f]));
  const of = (id: string): Finding[] => out.findings.filter((f) => f.id === id);

  it('reports no diagnostics', () => {
    expect(out.diagnostics).toEqual([]);
  });

  it('links each read-only remount back through every step to kcm-reconnect and kine-disconnect', () => {
    expect(out.chains).toHaveLength(1);
    const chain = out.chains[0]!;
    const ids = chain.steps.map((s) => byRef.get(s.ref)!.id);
    expect(ids).toEqual([
      'ext4-ro-remount',
      'jbd2-journal-abort',
      'scsi-offline-io-error',
      'iscsi-session-timeout',
      'iscsi-conn-error-1020',
      'taint-eviction-batch',
      'kcm-reconnect',
      'kine-disconnect',
    ]);
    // both remounts (sdb, sdc) are symptoms of the one chain
    expect(chain.symptoms.map((r) => byRef.get(r)!.entities.device)).toEqual([['sdb'], ['sdc']]);
    expect(chain.steps[0]!.also).toEqual([chain.symptoms[1]]);
    expect(chain.hosts).toEqual(['k8s02']);
  });

  it('draws identity links where the same device, session, PVC or host is named', () => {
    const links = out.chains[0]!.steps.slice(0, -1).map((s) => s.link!);
    expect(links.map((l) => l.strength)).toEqual(['identity', 'identity', 'time', 'identity', 'identity', 'identity', 'identity']);
    // nothing in the logs says which session served sdb: both timed out in the same second
    const [s1, s2] = of('iscsi-session-timeout');
    expect([out.chains[0]!.steps[3]!.ref, out.chains[0]!.steps[3]!.also]).toEqual([s1!.ref, [s2!.ref]]);
    expect(links.map((l) => l.via)).toEqual([
      'host=k8s02, device=sdb',
      'host=k8s02, device=sdb',
      `time: 0s before, on host k8s02; ${s2!.ref} alike in the same second: nothing names which one ${out.chains[0]!.steps[2]!.ref} went through, mapped by time`,
      'host=k8s02, session=1, connection=1:0, pvc=pvc-746b2837-ca3c-4b95-9168-7b767573f799',
      'pvc=pvc-746b2837, host=k8s02',
      'host=k8s02',
      'host=k8s02',
    ]);
    // the NotReady node is a cause of the batch too, by time only
    const batch = of('taint-eviction-batch')[0]!;
    expect(batch.count).toBe(6);
    expect(batch.causes.map((c) => [byRef.get(c.ref)!.id, c.strength])).toEqual([
      ['kcm-reconnect', 'identity'],
      ['node-not-ready', 'time'],
    ]);
    expect(batch.causes[1]!.via).toBe('time: 5m 4s before');
  });

  it('renders the PIR questions and answers in the display zone', () => {
    const steps = out.chains[0]!.steps;
    expect(steps[0]!.question).toBe('How did the filesystem on sdb go read-only?');
    expect(steps[0]!.answer).toBe('The kernel on k8s02 remounted sdb read-only at 20:23:12 AEST after its journal aborted.');
    expect(steps[4]!.answer).toBe('The initiator on k8s02 lost connection 1:0 at 20:21:09 AEST (error 1020, ISCSI_ERR_CONN_FAILED).');
    expect(steps[5]!.question).toBe('How did 6 pods get evicted at once?');
  });

  it('ends the chain open when the deepest cause is not in the evidence, without inventing one', () => {
    expect(out.chains[0]!.open).toEqual({
      question: 'How did k8s02 lose power?',
      hint: 'Check k8s-dqlite on k8s02 (journalctl -u snap.microk8s.daemon-k8s-dqlite) around 20:10:01 AEST.',
    });
    expect(of('power-loss')).toEqual([]);
  });

  it('reports the 19:16 flap as a contrast finding, not as part of the cascade', () => {
    const flaps = of('iscsi-link-flap-recovered');
    expect(flaps.map((f) => [f.role, f.first, f.last, f.entities.connection])).toEqual([
      ['contrast', '2026-05-28T09:16:07Z', '2026-05-28T09:16:20Z', ['1:0']],
      ['contrast', '2026-05-28T09:16:07Z', '2026-05-28T09:16:21Z', ['2:0']],
    ]);
    expect(flaps[0]!.assumptions).toContain('recovery_timeout = 2m (read from iscsi-session-timeout at k8s02/kern.log:6)');
    const early = of('iscsi-conn-error-1020').filter((f) => f.first.startsWith('2026-05-28T09:16'));
    expect(early.map((f) => f.explainedBy)).toEqual(flaps.map((f) => f.ref));
    const inChains = new Set(out.chains.flatMap((c) => c.steps.flatMap((s) => [s.ref, ...(s.also ?? [])])));
    for (const f of [...flaps, ...early]) expect(inChains.has(f.ref)).toBe(false);
    // and the 20:21 connection errors are not flaps: their sessions timed out
    expect(flaps.flatMap((f) => f.members)).not.toContain(of('iscsi-conn-error-1020').find((f) => f.first === '2026-05-28T10:21:09Z')!.ref);
  });

  it('summarises the cascade per device as a sequence, recording the alternative matched', () => {
    const seq = of('iscsi-ro-cascade');
    expect(seq.map((f) => [f.entities.device, f.matched])).toEqual([
      [['sdb'], ['iscsi-conn-error-1020', 'iscsi-session-timeout', 'scsi-offline-io-error', 'ext4-ro-remount']],
      [['sdc'], ['iscsi-conn-error-1020', 'iscsi-session-timeout', 'scsi-offline-io-error', 'ext4-ro-remount']],
    ]);
  });

  it('keeps provenance on every piece of evidence and numbers findings in time order', () => {
    expect(out.findings.map((f) => f.ref)).toEqual(out.findings.map((_, i) => `F${String(i + 1).padStart(3, '0')}`));
    const firsts = out.findings.map((f) => f.first);
    expect([...firsts].sort()).toEqual(firsts);
    const remount = of('ext4-ro-remount')[0]!;
    expect(remount.evidence).toEqual([
      { file: 'k8s02/kern.log', line: 15, offset: expect.any(Number), time: '2026-05-28T10:23:12Z', text: KERN_LOG[14], seq: expect.any(Number) },
    ]);
    expect(remount.assumptions).toEqual(['the year of 1 line(s) is inferred']);
    expect(remount.rule.file).toMatch(/ext4-ro-remount\.yml$/);
  });

  it('is byte-stable for the same input', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(out));
  });

  it('without the kine lines, the chain stops at kcm-reconnect and asks how the datastore went away', () => {
    const cut = run(SYSLOG.filter((l) => !KINE_LINES.includes(l)));
    const chain = cut.chains[0]!;
    expect(chain.steps.map((s) => cut.findings.find((f) => f.ref === s.ref)!.id).at(-1)).toBe('kcm-reconnect');
    expect(chain.open).toEqual({
      question: 'How did the datastore on k8s02 become unreachable?',
      hint: 'Look for datastore (kine/dqlite/etcd) errors on k8s02 before 20:21:03 AEST.',
    });
  });

  it('without the recovery lines, the 19:16 errors are a flap by absence only once the evidence covers the window', () => {
    const noRecovery = SYSLOG.filter((l) => !l.includes('after recovery'));
    const flaps = run(noRecovery).findings.filter((f) => f.id === 'iscsi-link-flap-recovered');
    expect(flaps.map((f) => f.members?.length)).toEqual([1, 1]);
    expect(flaps[0]!.assumptions).toContain('no iscsi-session-timeout within 2m; the evidence covers the window');
    // evidence that stops 30 s after the errors decides nothing
    const short = run(noRecovery.filter((l) => l < 'May 28 19:17'), KERN_LOG.filter((l) => l < 'May 28 19:16:40'));
    expect(short.findings.filter((f) => f.id === 'iscsi-link-flap-recovered')).toEqual([]);
    expect(short.diagnostics.map((d) => d.code)).toContain('correlate/absence-undecided');
  });

  it('honours --param overrides: a 0 s window cuts the sdc remount from its journal abort', () => {
    const cut = run(SYSLOG, KERN_LOG, { 'ext4-ro-remount.window': '0s' });
    const ids = (c: (typeof cut.chains)[number]) => c.steps.map((s) => cut.findings.find((f) => f.ref === s.ref)!.id);
    expect(cut.chains.map((c) => [ids(c).length, !!c.open])).toEqual([
      [8, true],
      [1, true],
    ]);
    expect(cut.chains[1]!.open!.hint).toBe('Look for I/O errors on sdc in kern.log/dmesg of k8s02 just before 20:27:31 AEST.');
    expect(cut.chains[1]!.open!.question).toBe('How did the journal on sdc abort?');
  });
});

describe('a caused_by window read from evidence', () => {
  it('uses the recovery timeout the evidence shows (300 s), not the default', () => {
    const set2 = loadPatterns([path.join(ROOT, 'test/fixtures/patterns/cascade')], { files: [path.join(ROOT, 'patterns/entities.yml')] });
    const timeout = set2.signatures.find((s) => s.id === 'iscsi-session-timeout')!;
    // window: 130 s by default, or the evidence's "after N secs" plus nothing (exactly N)
    timeout.params = { window: { default: '130s', from: { id: 'iscsi-session-timeout', capture: 'secs', unit: 's' } } };
    const { compiled: c2 } = compileSignatures(set2);
    const kern = [
      'May 28 10:00:00 k8s03 kernel: connection4:0: detected conn error (1020)',
      'May 28 10:05:00 k8s03 kernel: session4: session recovery timed out after 300 secs',
    ];
    const ev = buildEvidence(c2, { 'k8s03/kern.log': kern }, { year: 2026, offsetHours: 0 });
    const out = correlate({ ...ev, state: EMPTY_STATE, signatures: c2, displayTz: 'UTC' });
    const t = out.findings.find((f) => f.id === 'iscsi-session-timeout')!;
    expect(t.causes.map((c) => c.via)).toEqual(['host=k8s03, session=4, connection=4:0']);
    // with the default (130 s) the error 300 s earlier would be out of the window
    const out2 = correlate({ ...ev, state: EMPTY_STATE, signatures: c2, displayTz: 'UTC', params: { 'iscsi-session-timeout.window': '130s' } });
    expect(out2.findings.find((f) => f.id === 'iscsi-session-timeout')!.causes).toEqual([]);
  });
});
