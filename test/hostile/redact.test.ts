import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlText, toHtml } from '../report/markdown.js';
import { expectNoCrash, hows, scratch, writeTree, type Run } from './harness.js';

/**
 * `--redact-hosts` end to end: evidence full of addresses, credentials and host names in every
 * format hows reads; every output of analyze, timeline and correlate (pir.md, timeline.md,
 * findings.json, timeline jsonl/csv/md, stderr) is searched for every original value. Correlation runs on the real values: the
 * findings and chains are the same as without --redact.
 */
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.abcDEF123-_ghiJKL456';
const SECRETS = {
  ip: ['10.44.3.17', '192.168.77.201', '172.31.250.9', '10.44.3.99', '2001:db8:42::17', 'fe80::a00:27ff:fe4e:66a1'],
  mac: ['52:54:00:ab:cd:ef', '08:00:27:4e:66:a1', '08-00-27-4E-66-A1'],
  email: ['oncall.person@corp-example.com'],
  token: ['s3cr3tT0k3nValue1234567890', JWT],
  cred: ['deploy-bot', 'Sup3rS3cret', 'dXNlcjpwYXNzd29yZDEyMw=='],
  host: ['alpha-node-7', 'bravo-node-9', 'charlie-node-3', 'registry.corp-example.com', 'corp-example.com'],
};
const ALL = Object.values(SECRETS).flat();

const PVC = 'pvc-746b2837-ca3c-4b95-9168-7b767573f799';
const KERN = [
  `May 28 08:47:21 alpha-node-7 iscsid[1187]: Connection1:0 to [target: iqn.2016-09.com.openebs.jiva:${PVC}, portal: 10.44.3.17,3260] through [iface: default] is operational now`,
  'May 28 20:21:04 alpha-node-7 kernel: [ 5800.100000] connection1:0: detected conn error (1020)',
  'May 28 20:23:09 alpha-node-7 kernel: [ 5904.874118]  session1: session recovery timed out after 120 secs',
  'May 28 20:23:11 alpha-node-7 kernel: [ 5906.986230] sd 3:0:0:0: [sdb] rejecting I/O to offline device',
  'May 28 20:23:15 alpha-node-7 kernel: [ 5910.000000] Aborting journal on device sdb-8.',
  'May 28 20:23:15 alpha-node-7 kernel: [ 5911.300000] EXT4-fs (sdb): Remounting filesystem read-only',
  'May 28 20:23:16 alpha-node-7 kernel: [ 5911.400000] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:ab:cd:ef:08:00:27:4e:66:a1:08:00 SRC=192.168.77.201 DST=10.44.3.17 LEN=60',
  'May 28 20:23:17 alpha-node-7 dockerd[900]: pull https://deploy-bot:Sup3rS3cret@registry.corp-example.com/v2/ Authorization: Bearer s3cr3tT0k3nValue1234567890 or Basic dXNlcjpwYXNzd29yZDEyMw==',
  `May 28 20:23:18 alpha-node-7 kubelet[77]: token ${JWT} for oncall.person@corp-example.com from [2001:db8:42::17]:443 via fe80::a00:27ff:fe4e:66a1%eth0 (08-00-27-4E-66-A1)`,
  // Not a syslog line: reported on stderr with this text as its snippet.
  '!! alpha-node-7 10.44.3.17 oncall.person@corp-example.com 172.31.250.9 charlie-node-3',
];
const JOURNAL = [
  { __REALTIME_TIMESTAMP: '1779963600000000', _HOSTNAME: 'bravo-node-9', SYSLOG_IDENTIFIER: 'kubelite', PRIORITY: '3', MESSAGE: 'E0528 10:20:00.000000 1234 reflector.go:147] dial tcp 172.31.250.9:6443: connect: connection refused node="charlie-node-3"' },
];
const NODES = {
  apiVersion: 'v1',
  kind: 'List',
  items: ['charlie-node-3', 'alpha-node-7'].map((name, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, creationTimestamp: '2026-05-01T00:00:00Z' },
    status: {
      addresses: [{ type: 'InternalIP', address: i === 0 ? '10.44.3.99' : '10.44.3.17' }, { type: 'Hostname', address: name }],
      conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: '2026-05-28T10:21:00Z', reason: 'KubeletNotReady', message: `node ${name} at ${i === 0 ? '10.44.3.99' : '10.44.3.17'} stopped posting status` }],
    },
  })),
};

let dir: string;
const runs: Record<string, Run> = {};
const outs: Record<string, string> = {};

beforeAll(() => {
  dir = scratch('redact');
  const ev = writeTree(path.join(dir, 'evidence'), {
    'alpha-node-7/kern.log': `${KERN.join('\n')}\n`,
    'bravo-node-9/kubelite.json': `${JOURNAL.map((o) => JSON.stringify(o)).join('\n')}\n`,
    'kubectl/nodes.json': `${JSON.stringify(NODES, null, 2)}\n`,
  });
  const common = [ev, '--year', '2026', '--tz', 'UTC', '--snapshot-time', '2026-05-28T11:00:00Z'];
  const run = (name: string, args: string[]): void => {
    outs[name] = path.join(dir, name);
    runs[name] = hows([...args, ...common, '-o', outs[name]!], { timeout: 60_000 });
  };
  run('plain', ['analyze']);
  run('plain-tl', ['timeline', '--format', 'jsonl']);
  run('redacted', ['analyze', '--redact-hosts']);
  run('again', ['analyze', '--redact-hosts']);
  for (const f of ['jsonl', 'csv', 'md']) run(`tl-${f}`, ['timeline', '--redact-hosts', '--format', f]);
  // scan writes raw hits (by design); correlate renders them, redacted.
  const hits = path.join(dir, 'hits.jsonl');
  runs.scan = hows(['scan', ...common, '-o', hits, '-q'], { timeout: 60_000 });
  outs.corr = path.join(dir, 'corr');
  runs.corr = hows(['correlate', hits, ...common.slice(1), '--redact-hosts', '-o', outs.corr], { timeout: 60_000 });
});

/** Every output file of the redacted runs, with the stderr of each run. */
function outputs(): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  for (const name of ['redacted', 'tl-jsonl', 'tl-csv', 'tl-md', 'corr']) {
    for (const f of readdirSync(outs[name]!)) {
      const p = path.join(outs[name]!, f);
      if (statSync(p).isFile()) files.push([`${name}/${f}`, readFileSync(p, 'utf8')]);
    }
    files.push([`${name}/stderr`, runs[name]!.stderr]);
  }
  return files;
}

describe('--redact-hosts', () => {
  it('runs clean (exit 0) and says what it replaced', () => {
    for (const [name, r] of Object.entries(runs)) {
      expectNoCrash(r);
      expect(r.code, name).toBe(0);
    }
    expect(runs.redacted!.stderr).toMatch(/^hows: redacted \d+ \w+(, \d+ \w+)* \(distinct values; pseudonyms are stable for the same input\)$/m);
  });

  it('has every value in its outputs without --redact (so the search below can find them)', () => {
    const plain = `${readFileSync(path.join(outs['plain-tl']!, 'timeline.jsonl'), 'utf8')}${runs['plain-tl']!.stderr}`.toLowerCase();
    for (const secret of ALL) expect(plain.includes(secret.toLowerCase()), secret).toBe(true);
  });

  it('leaves no original value in any output: raw text, Markdown unescaped, Markdown rendered', () => {
    const files = outputs();
    expect(files.length).toBe(14); // analyze and correlate: pir.md, timeline.md, findings.json; 3 timelines; 5 stderr
    for (const [name, text] of files) {
      const views = [text, text.replace(/\\/g, '')];
      if (name.endsWith('.md')) views.push(htmlText(toHtml(text)));
      for (const view of views) {
        const lower = view.toLowerCase();
        for (const secret of ALL) expect(lower.includes(secret.toLowerCase()), `${secret} in ${name}`).toBe(false);
      }
    }
    // The unparsed line's snippet is on stderr, redacted.
    expect(runs.redacted!.stderr).toMatch(/ {3}\| !! host-\d+ ip-\d+ email-\d+ ip-\d+ host-\d+/);
  });

  it('gives a value the same pseudonym everywhere, and the same names on the same input', () => {
    const findings = JSON.parse(readFileSync(path.join(outs.redacted!, 'findings.json'), 'utf8'));
    const login = findings.findings.find((f: { id: string }) => f.id === 'iscsi-login-operational');
    const portal = login.captures.portal as string;
    expect(portal).toMatch(/^ip-\d+$/);
    const jsonl = readFileSync(path.join(outs['tl-jsonl']!, 'timeline.jsonl'), 'utf8');
    expect(jsonl).toContain(`portal: ${portal},3260]`);
    expect(jsonl).toContain(`DST=${portal} LEN=60`);
    expect(readFileSync(path.join(outs.redacted!, 'timeline.md'), 'utf8')).toContain(`portal: ${portal},3260`);
    // One MAC written two ways (08:00:27:4e:66:a1 in the UFW line, 08-00-27-4E-66-A1 later): one name.
    const macs = [...jsonl.matchAll(/MAC=(mac-\d+):(mac-\d+):08:00|\((mac-\d+)\)/g)];
    expect(macs.length).toBeGreaterThanOrEqual(2);
    expect(macs.find((m) => m[3])![3]).toBe(macs.find((m) => m[2])![2]);
    for (const f of ['pir.md', 'timeline.md', 'findings.json']) {
      expect(readFileSync(path.join(outs.again!, f), 'utf8'), f).toBe(readFileSync(path.join(outs.redacted!, f), 'utf8'));
    }
  });

  it('correlates on the real values: the same findings, causes and chains as without --redact', () => {
    const shape = (name: string) => {
      const r = JSON.parse(readFileSync(path.join(outs[name]!, 'findings.json'), 'utf8'));
      return {
        findings: r.findings.map((f: { ref: string; id: string; count: number; causes: Array<{ ref: string; strength: string }> }) => [f.ref, f.id, f.count, f.causes.map((c) => [c.ref, c.strength])]),
        chains: r.chains.map((c: { steps: Array<{ ref: string }> }) => c.steps.map((s) => s.ref)),
      };
    };
    const plain = shape('plain');
    expect(shape('redacted')).toEqual(plain);
    const ids = plain.findings.map((f: unknown[]) => f[1]);
    expect(ids).toEqual(expect.arrayContaining(['iscsi-login-operational', 'iscsi-conn-error-1020', 'ext4-ro-remount']));
    expect(plain.chains.some((c: string[]) => c.length >= 4)).toBe(true);
  });
});
