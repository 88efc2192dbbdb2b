import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel, renderMarkdown, type ReportModel } from '../../src/report/index.js';
import { openChain, OPEN_ROOT } from '../fixtures/report/open-chain.js';
import { SAMPLE_ROOT, seed001 } from '../fixtures/report/seed-001.js';
import { expectGolden } from './golden.js';
import { fences, headings, section } from './md-structure.js';
import { expectWellFormed } from './well-formed.js';

const GOLDEN = path.resolve(__dirname, '../fixtures/report/golden');

const seedModel = (): ReportModel => buildReportModel({ ...seed001(), displayTz: 'Australia/Brisbane', all: false, sampleRoot: SAMPLE_ROOT });
const openModel = (): ReportModel => buildReportModel({ ...openChain(), displayTz: 'UTC', all: false, sampleRoot: OPEN_ROOT });

describe('the PIR of a seed-001-shaped analysis', () => {
  const md = renderMarkdown(seedModel(), 'pir');

  it('has the sections of the seed PIRs, in order', () => {
    expect(headings(md, 1)).toEqual(["Post Incident Review (draft): sdb read-only on k8s02 after the Jiva controller eviction (and 1 more chain)"]);
    expect(headings(md, 2)).toEqual([
      'Executive Summary',
      'Timeline — AEST (UTC+10)',
      "Root Causes: The Infinite How's Chain",
      'Chain 1: sdb read-only on k8s02 after the Jiva controller eviction',
      'Chain 2: sdc read-only on k8s02 after the Jiva controller eviction',
      'Contrasts: What Looked Related but Was Not',
      'How Was This Not Detected?',
      'Impact',
      'Action Items',
      'Key Error Signatures',
      'Evidence Appendix',
    ]);
    expect(md).toMatch(/\*\*Date:\*\* 2026-05-28 · \*\*Duration:\*\* 6m 38s .* · \*\*Severity:\*\* High \(a suggestion: .*\) · \*\*Status:\*\* Draft/);
  });

  it('walks chain 1 from the EXT4 read-only remount of sdb back to the KCM reconnect at 20:21:03 AEST, each step quoting its line', () => {
    const chain = section(md, 'Chain 1: sdb read-only on k8s02 after the Jiva controller eviction');
    expect(headings(chain, 3)).toEqual([
      'How did the filesystem on sdb go read-only?',
      'How did the journal on sdb abort?',
      'How did writes to sdb fail?',
      'How did sdb go offline?',
      'How did the iSCSI connection 1:0 fail?',
      'How did the iSCSI targets go away?',
      'How did all six evictions fire in the same second?',
    ]);
    const first = section(chain, 'How did the filesystem on sdb go read-only?');
    expect(fences(first, 'log')).toEqual(['{sample}/k8s02/syslog.2.gz:22:May 28 20:23:10 k8s02 kernel: [ 7544.002600] EXT4-fs (sdb): Remounting filesystem read-only']);
    expect(first).toContain('*How this links to the next step:* the same device sdb is named on both sides; F010 started in the same second.');
    const last = section(chain, 'How did all six evictions fire in the same second?');
    expect(last).toContain('F003 `kcm-reconnect` on k8s02, 2026-05-28 20:21:03 AEST');
    expect(fences(last, 'log')[0]).toMatch(/^\{sample\}\/k8s02\/syslog\.2\.gz:4:May 28 20:21:03 .*quota admission added evaluator for: daemonsets\.apps$/);
    for (const q of headings(chain, 3)) expect(fences(section(chain, q), 'log')[0]).toMatch(/^\{sample\}\/k8s02\/syslog\.2\.gz:\d+:May 28 /);
    expect(section(chain, 'How did the iSCSI targets go away?')).toContain('linked by time alone: 1s before');
  });

  it('names the 19:16 flap as a contrast and says why', () => {
    const x = section(md, 'Contrasts: What Looked Related but Was Not');
    expect(x).toContain('**F001 iSCSI link flap that recovered** on k8s02 at 2026-05-28 19:16:07 AEST, which looks like `iscsi-conn-error-1020`');
    expect(x).toContain('dropped at 19:16:07 AEST and came back (link up after 7s): the targets stayed up, so nothing failed.');
  });

  it('gives detection rules to paste and a deduplicated action table', () => {
    expect(fences(section(md, 'How Was This Not Detected?'), 'promql')).toContain('sum by (node) (increase(kube_pod_deletion_timestamp{namespace="openebs",pod=~".*jiva-ctrl.*"}[1m])) >= 3');
    const actions = section(md, 'Action Items');
    expect(actions.match(/EXT4 read-only remount and iSCSI session failure/g)).toHaveLength(1);
  });

  it('is well-formed Markdown with valid Mermaid', () => {
    expectWellFormed(md);
    expect(fences(md, 'mermaid')).toHaveLength(3);
  });

  it('matches its golden file byte for byte', async () => {
    await expectGolden(md, path.join(GOLDEN, 'seed-001.pir.md'));
  });
});

describe('the timeline of a seed-001-shaped analysis', () => {
  const md = renderMarkdown(seedModel(), 'timeline');

  it('collapses the eviction burst, states the gap and the clock assumptions', () => {
    expect(md).toContain('| 20:21:04 † | k8s02 | microk8s.daemon-kubelite | 6x "Deleting pod" controller="taint-eviction-controller": openebs/pvc-746b2837-jiva-ctrl-5f7b9c8d4-xk2p9, ');
    expect(md).toContain('| 19:16:15 – 20:21:02 | | | *no notable events for 1h 4m* | |');
    expect(md).toContain('- **year**: Year 2026 inferred for RFC 3164 stamps');
    expect(md).not.toContain('Started Session 42');
    expectWellFormed(md);
  });

  it('shows every event with all', () => {
    const all = renderMarkdown(buildReportModel({ ...seed001(), displayTz: 'Australia/Brisbane', all: true, sampleRoot: SAMPLE_ROOT }), 'timeline');
    expect(all).toContain('Started Session 42 of user root.');
    expect(all).toContain('Every event of every input is shown');
  });

  it('matches its golden file byte for byte', async () => {
    await expectGolden(md, path.join(GOLDEN, 'seed-001.timeline.md'));
  });
});

describe('an open chain', () => {
  const md = renderMarkdown(openModel(), 'pir');

  it('ends with its open question and hint, never an invented cause', () => {
    const chain = section(md, 'Chain 1: sdb read-only on k8s02; the eviction of the Jiva controllers is unexplained');
    const qs = headings(chain, 3);
    expect(qs.at(-1)).toBe('How did the jiva-ctrl pods get evicted?');
    expect(section(chain, 'How did the jiva-ctrl pods get evicted?').trim()).toBe(
      '**Open question: not determined from the evidence given.** Where to look next: collect the kube-controller-manager log of k8s02 around 10:21 UTC (kcm-reconnect, node-not-ready)',
    );
    expect(section(chain, 'How did the iSCSI target go away?')).not.toContain('How this links to the next step');
    expectWellFormed(md);
  });

  it('matches its golden files byte for byte', async () => {
    await expectGolden(md, path.join(GOLDEN, 'open-chain.pir.md'));
    await expectGolden(renderMarkdown(openModel(), 'timeline'), path.join(GOLDEN, 'open-chain.timeline.md'));
  });
});

describe('determinism', () => {
  it('renders the same bytes twice, and does not depend on the order findings arrive in', () => {
    const a = renderMarkdown(seedModel(), 'pir');
    const f = seed001();
    f.result.findings.reverse();
    f.result.inputs.reverse();
    f.timeline.reverse();
    const b = renderMarkdown(buildReportModel({ ...f, displayTz: 'Australia/Brisbane', all: false, sampleRoot: SAMPLE_ROOT }), 'pir');
    expect(b).toBe(a);
  });
});
