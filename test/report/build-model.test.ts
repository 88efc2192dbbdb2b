import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/index.js';
import { leadOf, linkSentence } from '../../src/report/chains-view.js';
import { fill } from '../../src/report/fill.js';
import { openChain, OPEN_ROOT } from '../fixtures/report/open-chain.js';
import { SAMPLE_ROOT, seed001 } from '../fixtures/report/seed-001.js';

const model = () => buildReportModel({ ...seed001(), displayTz: 'Australia/Brisbane', all: false, sampleRoot: SAMPLE_ROOT });

describe('buildReportModel on a seed-001-shaped analysis', () => {
  it('runs chain 1 from the EXT4 read-only remount of sdb back to the KCM reconnect at 20:21:03 AEST', () => {
    const c = model().chains[0]!;
    expect(c.steps.map((s) => s.finding?.id)).toEqual([
      'ext4-ro-remount',
      'jbd2-journal-abort',
      'scsi-offline-io-error',
      'iscsi-session-timeout',
      'iscsi-conn-error-1020',
      'taint-eviction-batch',
      'kcm-reconnect',
    ]);
    expect(c.steps[0]!.question).toBe('How did the filesystem on sdb go read-only?');
    const root = c.steps[c.steps.length - 1]!.finding!;
    expect(root.host).toBe('k8s02');
    expect(root.first?.zoned).toBe('20:21:03 AEST');
    expect(c.open).toBeNull();
  });

  it('quotes every step with its log lines as file:line:text', () => {
    const c = model().chains[0]!;
    expect(c.steps[0]!.finding!.quote).toEqual(['{sample}/k8s02/syslog.2.gz:22:May 28 20:23:10 k8s02 kernel: [ 7544.002600] EXT4-fs (sdb): Remounting filesystem read-only']);
    expect(c.steps[6]!.finding!.quote[0]).toMatch(/^\{sample\}\/k8s02\/syslog\.2\.gz:4:May 28 20:21:03 .*quota admission added evaluator for: daemonsets\.apps$/);
    for (const s of c.steps) expect(s.finding!.quote.length).toBeGreaterThan(0);
  });

  it('says how each link is supported', () => {
    const steps = model().chains[0]!.steps;
    expect(steps[0]!.link).toMatchObject({ to: 'F010', text: 'the same device sdb is named on both sides', lead: 'in the same second' });
    expect(steps[2]!.link!.text).toBe('the same iSCSI session 1 and host k8s02 are named on both sides');
    expect(steps[4]!.link).toMatchObject({ text: 'the same PVC pvc-746b2837 is named on both sides', lead: '5s before' });
    expect(steps[5]!.link!.text).toBe('linked by time alone: 1s before; no device, PVC, pod or other object is named on both sides');
    expect(steps[6]!.link).toBeNull();
  });

  it('names the 19:16 flap as a contrast, with why, and keeps the unlinked finding', () => {
    const m = model();
    expect(m.contrasts).toHaveLength(1);
    const x = m.contrasts[0]!;
    expect(x.finding).toMatchObject({ ref: 'F001', id: 'iscsi-link-flap-recovered' });
    expect(x.finding.first?.zoned).toBe('19:16:07 AEST');
    expect(x.lookalikeOf).toEqual(['iscsi-conn-error-1020']);
    expect(x.chains).toEqual(['1', '2']);
    expect(x.why).toBe('The iSCSI connection 1:0 on k8s02 dropped at 19:16:07 AEST and came back (link up after 7s): the targets stayed up, so nothing failed.');
    expect(m.otherFindings.map((f) => f.ref)).toEqual(['F002']);
    expect(m.chains[0]!.flow.edges.filter((e) => e.from === 'F001')).toEqual([{ from: 'F001', to: 'F005', label: 'looked related, was not', dashed: true }]);
  });

  it('fills the header, summary, impact, actions and detection from the evidence', () => {
    const m = model();
    expect(m.incident).toMatchObject({ date: '2026-05-28', duration: '6m 38s', severity: 'High', status: 'Draft', hosts: ['k8s01', 'k8s02'] });
    expect(m.incident.start?.zoned).toBe('20:21:03 AEST');
    expect(m.summary[0]).toBe(
      'Chain 1: sdb read-only on k8s02 after the Jiva controller eviction. Seen on k8s02 at 2026-05-28 20:23:10 AEST (device sdb; PVC pvc-746b2837). ' +
        'The evidence traces it back through 6 causal links (1 of them by timing alone) to kube-controller-manager reconnected to the datastore on k8s02 at 20:21:03 AEST.',
    );
    const sdb = m.impact.entities.find((e) => e.kind === 'device' && e.name === 'sdb')!;
    expect(sdb).toMatchObject({ hosts: ['k8s02'], span: '2m 1s', findings: ['F005', 'F007', 'F009', 'F010', 'F011'] });
    const shared = m.actions.filter((a) => /EXT4 read-only remount and iSCSI session failure/.test(a.text));
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ priority: 'High', signatures: ['ext4-ro-remount', 'iscsi-session-timeout'] });
    expect(m.actions.map((a) => a.priorityKey)).toEqual(['high', 'high', 'medium', 'medium', 'low']);
    expect(m.detection.rules.map((r) => r.id)).toEqual(['ext4-ro-remount', 'iscsi-session-timeout', 'iscsi-conn-error-1020', 'taint-eviction-batch', 'node-not-ready']);
    expect(m.detection.missing.map((r) => r.id)).toEqual(['jbd2-journal-abort', 'scsi-offline-io-error', 'kcm-reconnect']);
  });

  it('shows paths under the sample root as {sample}/...', () => {
    const m = model();
    expect(m.appendix.inputs.map((i) => i.path)).toEqual(['{sample}/k8s01/syslog', '{sample}/k8s02/syslog.2.gz']);
    expect(m.appendix.warnings[0]!.place).toBe('{sample}/k8s02/syslog.2.gz');
    expect(buildReportModel({ ...seed001(), displayTz: 'UTC', all: false }).appendix.inputs[0]!.path).toBe(`${SAMPLE_ROOT}/k8s01/syslog`);
  });
});

describe('an open chain', () => {
  it('ends with the open question and its hint, and nothing invented after it', () => {
    const m = buildReportModel({ ...openChain(), displayTz: 'UTC', all: false, sampleRoot: OPEN_ROOT });
    const c = m.chains[0]!;
    expect(c.steps.map((s) => s.finding?.id)).toEqual(['ext4-ro-remount', 'iscsi-session-timeout', 'iscsi-conn-error-1020', 'taint-eviction-batch']);
    expect(c.steps[3]!.link).toBeNull();
    expect(c.open).toEqual({ question: 'How did the jiva-ctrl pods get evicted?', hint: 'collect the kube-controller-manager log of k8s02 around 10:21 UTC (kcm-reconnect, node-not-ready)' });
    expect(c.summary.join(' ')).toContain('The evidence ends there: How did the jiva-ctrl pods get evicted? Not determined from the evidence given. Where to look next: collect the kube-controller-manager log');
    expect(c.flow.nodes.at(-1)).toEqual({ id: 'C1_open', label: 'open: How did the jiva-ctrl pods get evicted?', shape: 'box', cls: 'open' });
    expect(m.clock.label).toBe('UTC');
  });
});

describe('link sentences and signature text', () => {
  it('reads identity and time links', () => {
    expect(linkSentence({ strength: 'identity', via: 'pvc=pvc-746b2837, host=k8s02' })).toBe('the same PVC pvc-746b2837 and host k8s02 are named on both sides');
    expect(linkSentence({ strength: 'identity', via: 'device=sdb, pvc=pvc-1, pod=ns/p' })).toBe('the same device sdb, PVC pvc-1 and pod ns/p are named on both sides');
    expect(linkSentence({ strength: 'identity', via: 'something odd' })).toBe('linked by identity: something odd');
    expect(linkSentence({ strength: 'time', via: 'time: 5s before' })).toMatch(/^linked by time alone: 5s before;/);
    expect(leadOf(undefined, undefined)).toBeNull();
  });

  it('fills placeholders strictly and returns null when one is missing', () => {
    expect(fill('{{device}} on {{host}}', { device: 'sdb', host: 'k8s02' })).toBe('sdb on k8s02');
    expect(fill('{{device}} on {{nope}}', { device: 'sdb' })).toBeNull();
    expect(fill('{{constructor.constructor}}', {})).toBeNull();
  });
});
