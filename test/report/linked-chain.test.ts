import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel, renderMarkdown, type ReportModel } from '../../src/report/index.js';
import { linkage } from '../../src/report/linkage.js';
import { CTRL_PODS, linkedChain, LINKED_ROOT, PVC_SDB } from '../fixtures/report/linked-chain.js';
import { expectGolden } from './golden.js';
import { headings, section } from './md-structure.js';
import { expectWellFormed } from './well-formed.js';

const GOLDEN = path.resolve(__dirname, '../fixtures/report/golden');
const model = (): ReportModel => buildReportModel({ ...linkedChain(), displayTz: 'Australia/Brisbane', all: false, sampleRoot: LINKED_ROOT });

describe('where each finding stands relative to the chains', () => {
  const { result } = linkedChain();
  const l = linkage(result.findings, result.chains);

  it('separates the path, the parallel branches and the causes linked beside the path', () => {
    expect([...l.path].sort()).toEqual(['F007', 'F011', 'F012', 'F014', 'F016', 'F017', 'F021']);
    expect([...l.also].sort()).toEqual(['F013', 'F015']);
    // F010 is cited as a time cause of F012 but is a member of the batch on the path: not "beside" it.
    expect([...l.side].sort()).toEqual(['F005', 'F006']);
  });

  it('covers burst members, findings a contrast explains and the contrasts themselves', () => {
    expect(Object.fromEntries(l.covered)).toEqual({
      F001: 'contrast',
      F002: 'explained by F004',
      F003: 'explained by F004',
      F004: 'contrast',
      F008: 'member of F011',
      F009: 'member of F011',
      F010: 'member of F011',
    });
  });

  it('leaves only the problem nothing reaches as unlinked, and counts the context findings', () => {
    expect(l.unlinked.map((f) => f.ref)).toEqual(['F020']);
    expect(l.contextCount).toBe(3);
  });
});

describe('the PIR of a chain with parallel branches, linked causes and contrasts', () => {
  const m = model();
  const md = renderMarkdown(m, 'pir');

  it('summarises each chain by its symptom and its root, not by every entity of every step (item 1)', () => {
    const s = m.chains[0]!.summary.join(' ');
    expect(s).toContain(`Seen on k8s02 at 2026-05-28 20:23:14 AEST (device sdb; PVC ${PVC_SDB}), and in 1 more finding like it (device sdc).`);
    expect(s).toContain('back through 4 causal links to kube-controller-manager active again after a datastore disconnect on k8s02 at 20:21:03 AEST.');
    for (const pod of CTRL_PODS) expect(s).not.toContain(pod);
    expect(s).not.toContain('pvc-32fec213');
  });

  it('writes a long id in full once, then in its short form', () => {
    const summary = section(md, 'Executive Summary');
    expect(summary.split(PVC_SDB).length - 1).toBe(1);
    const step = section(md, 'How did iSCSI session 1 on k8s02 die?');
    expect(step).toContain('(iSCSI session 1; PVC pvc-746b2837…)');
  });

  it('places a symptom with no host in the cluster, by its object, not on the chain hosts (item 2)', () => {
    const s = m.chains[1]!.summary[0]!;
    expect(s).toBe('Seen in the cluster at 2026-05-28 21:52:36 AEST (ReplicaSet media/radarr-nvm4wqjf2k).');
  });

  it('lists only problems no chain reaches as unlinked, and counts context findings without listing them (item 3)', () => {
    expect(m.otherFindings.map((f) => f.ref)).toEqual(['F020']);
    expect(m.contextFindings).toBe(3);
    const root = section(md, 'Chain 2: ReplicaSet waits for a terminating pod that no longer exists');
    expect(root).toContain('**Problem findings not linked into any chain**\n\n- F020 `oom-kill`');
    expect(root).not.toMatch(/^- F0(02|08|09|10|18|19) /m);
    expect(root).toContain('3 context findings (milestones such as a pod becoming ready or a service restarting) are not listed here');
    expect(section(md, 'Executive Summary')).toContain('1 other problem finding is not linked into any chain: F020 Process killed by the OOM killer.');
  });

  it('says why a contrast was ruled out with Finding.ruledOut.reason when it has one (item 4)', () => {
    const fsck = m.contrasts.find((c) => c.finding.ref === 'F001')!;
    expect(fsck.why).toBe(linkedChain().result.findings.find((f) => f.ref === 'F001')!.ruledOut!.reason);
    expect(fsck.against).toBe('F016 EXT4 filesystem remounted read-only');
    expect(fsck.chains).toEqual(['1']);
    const flap = m.contrasts.find((c) => c.finding.ref === 'F004')!;
    expect(flap.why).toBe('The iSCSI connection 1:0 on k8s02 came back at 19:16:14 AEST: the targets stayed up.');
    expect(flap.against).toBeNull();
    expect(section(md, 'Contrasts: What Looked Related but Was Not')).toContain(
      'Why it is not part of the chain (ruled out against F016 EXT4 filesystem remounted read-only): fsck found errors it could not correct at mount, for device sdb, at 18:41:10 AEST: it ended 1h 42m before F016',
    );
  });

  it('renders each step\'s parallel branches as "also" with their evidence references (item 5)', () => {
    const steps = m.chains[0]!.steps;
    expect(steps.map((s) => s.also.map((a) => a.ref))).toEqual([['F017'], ['F015'], ['F013'], [], []]);
    expect(steps[0]!.also[0]).toMatchObject({ objects: 'device sdc; PVC pvc-a3a7e012…', refs: ['{sample}/k8s02/kern.log:8'], place: 'on k8s02' });
    const step = section(md, 'How did the filesystem on sdb on k8s02 go read-only?');
    expect(step).toContain('**Also, on parallel branches**');
    expect(step).toContain('- F017 `ext4-ro-remount` EXT4 filesystem remounted read-only on k8s02 at 20:27:45 AEST (device sdc; PVC pvc-a3a7e012…), first at `{sample}/k8s02/kern.log:8`');
  });

  it('shows causes linked to a step but off the path as "also linked", with their strength, each once (item 6)', () => {
    const [, , conn, batch, kcm] = m.chains[0]!.steps;
    expect(conn!.linked).toEqual([]); // F010 is a member of the batch the chain follows
    expect(batch!.linked.map((l) => [l.ref, l.strength, l.seeStep])).toEqual([['F006', 'time', null]]);
    expect(batch!.linked[0]!.behind.map((b) => [b.ref, b.effect, b.strength, b.text])).toEqual([['F005', 'F006', 'identity', 'the same node k8s01 is named on both sides']]);
    expect(kcm!.linked.map((l) => [l.ref, l.seeStep, l.behind.length])).toEqual([['F006', 4, 0]]);
    const step = section(md, 'How did 3 pods get evicted at once?');
    expect(step).toContain('**Also linked to this step**');
    expect(step).toContain('- F006 `node-not-ready` Node went NotReady on k8s02 at 20:16:03 AEST (node k8s01), first at `{sample}/k8s02/kubelite.journal:2`: linked by time alone: 5m before;');
    expect(step).toContain('  - behind F006: F005 `kubelet-node-status-failed` kubelet cannot update its node status on k8s01 at 20:11:04 AEST, first at `{sample}/k8s01/kubelite.journal:1`: the same node k8s01 is named on both sides; F005 started 4m 59s before.');
    expect(m.chains[0]!.flow.edges).toContainEqual({ from: 'F011', to: 'F006', label: 'time: 5m before', dashed: true });
  });

  it('collapses a burst and its members into one key-event row with the count and the objects (item 7)', () => {
    const rows = m.keyEvents.filter((r) => r.tags.includes('taint-eviction-batch') || r.tags.includes('taint-eviction'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'burst', count: 3, refs: ['{sample}/k8s02/kubelite.journal:4', '{sample}/k8s02/kubelite.journal:6'] });
    expect(rows[0]!.objects).toEqual(CTRL_PODS);
    expect(rows[0]!.what).toBe(
      'Batched taint eviction (many pods in one burst): 3x "Deleting pod" controller="taint-eviction-controller": openebs/pvc-746b2837…-jiva-ctrl-sj9wdd89d5-866mw, openebs/pvc-a3a7e012…-ctrl-8gdwxz5vlg-ddwkw, openebs/pvc-32fec213…-jiva-ctrl-pwsbwzxvzh-5vkd5',
    );
    expect(m.keyEvents.map((r) => r.tags[0])).not.toContain('net-link-up');
  });

  it('keeps the sections of the seed PIRs and is well-formed', () => {
    expect(headings(md, 2).slice(0, 5)).toEqual([
      'Executive Summary',
      'Timeline — AEST (UTC+10)',
      "Root Causes: The Infinite How's Chain",
      'Chain 1: EXT4 filesystem remounted read-only',
      'Chain 2: ReplicaSet waits for a terminating pod that no longer exists',
    ]);
    expectWellFormed(md);
  });

  it('matches its golden file byte for byte', async () => {
    await expectGolden(md, path.join(GOLDEN, 'linked-chain.pir.md'));
  });
});
