import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The committed samples must be exactly what the generators write (so anyone can regenerate and
// diff), stay small and noisy enough to be realistic, and carry a well-formed expected.json.

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.join(ROOT, 'samples');

// Signature ids of issues 5 and 10: expected.json may name no other.
const IDS = new Set([
  'iscsi-conn-error-1020', 'iscsi-session-timeout', 'scsi-offline-io-error', 'jbd2-journal-abort', 'ext4-ro-remount', 'iscsi-ro-cascade',
  'iscsi-link-flap-recovered', 'iscsi-login-pdu-failure', 'iscsi-hairpin-cosched', 'fsck-uncorrectable', 'taint-eviction', 'taint-eviction-batch',
  'kcm-reconnect', 'kine-disconnect', 'node-not-ready', 'processorlistener-stall', 'wait-for-attach-mount-stall', 'stale-terminating-replicas',
  'node-volumes-in-use-stale', 'pod-stuck-terminating', 'container-not-found', 'container-creating-stuck', 'mount-failed', 'crashloop',
  'jvm-dns-unknown-host', 'restart-storm', 'image-gc-failed', 'csi-already-mounted-elsewhere', 'jiva-nodeid-mismatch', 'jiva-stale-iscsi-session',
  'jiva-replica-divergence', 'jiva-wo-replica-conflict', 'jiva-ghost-replica',
  'dqlite-write-contention', 'dqlite-no-leader', 'k8s-dqlite-bad-args', 'kine-watch-failed', 'kubelite-leaderelection-lost', 'leader-lease-renew-failed',
  'apiserver-watch-cache-freeze', 'scheduler-stall-no-events', 'systemd-pid1-frozen', 'kubelet-pod-watch-stall', 'pleg-deadlock', 'kubelet-ghost-container',
  'eviction-manager-imagefs-stall', 'cgroup-v1-unsupported', 'containerd-runtime-shim-missing', 'iscsi-ping-timeout-1022', 'ext4-metadata-corruption',
  'csi-unmount-wedged', 'csi-teardown-readonly', 'jiva-snapshot-chain-corrupt', 'jiva-replica-ctrl-unreachable', 'jiva-ctrl-endpoint-notready',
  'jiva-ctrl-rescheduled', 'nfs-stale-file-handle', 'calico-cni-unauthorized', 'calico-pod-route-missing', 'calico-ipam-block-full', 'calico-kube-controllers-panic',
]);

interface Summary { files: number; bytes: number; uncompressed: number; lines: number; noise: number; noiseShare: number; logNoiseShare: number }

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const text = (file: string): string => {
  const b = readFileSync(file);
  return (b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b).toString('utf8');
};

let out = '';
let summary: Record<string, Summary> = {};

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'hows-samples-'));
  const json = execFileSync(process.execPath, [path.join(__dirname, 'gen-all.mjs'), '--out', out], { encoding: 'utf8', maxBuffer: 1 << 24 });
  summary = JSON.parse(json) as Record<string, Summary>;
}, 120_000);
afterAll(() => { if (out) rmSync(out, { recursive: true, force: true }); });

describe('sample generators', () => {
  it('generate every sample folder that is committed', () => {
    const committed = readdirSync(SAMPLES).filter((n) => statSync(path.join(SAMPLES, n)).isDirectory()).sort();
    expect(Object.keys(summary).sort()).toEqual(committed);
  });

  it('regenerate the committed files exactly (gzip compared after decompression)', () => {
    for (const name of Object.keys(summary)) {
      const gen = walk(path.join(out, name)).map((f) => path.relative(path.join(out, name), f)).filter((f) => f !== 'STATS.md').sort();
      const com = walk(path.join(SAMPLES, name)).map((f) => path.relative(path.join(SAMPLES, name), f)).filter((f) => f !== 'README.md' && f !== 'expected.json' && f !== '.howsignore' && !f.startsWith('expected/')).sort();
      expect(com, name).toEqual(gen);
      for (const f of gen) expect(text(path.join(SAMPLES, name, f)) === text(path.join(out, name, f)), `${name}/${f}`).toBe(true);
    }
  });

  it('write a sample alone exactly as in a full run (no state shared between samples)', () => {
    const name = Object.keys(summary).at(-1)!;
    const alone = mkdtempSync(path.join(tmpdir(), 'hows-sample-'));
    try {
      execFileSync(process.execPath, [path.join(__dirname, 'gen-all.mjs'), '--out', alone, '--only', name], { encoding: 'utf8' });
      for (const f of walk(path.join(out, name))) expect(text(path.join(alone, name, path.relative(path.join(out, name), f))) === text(f), f).toBe(true);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  }, 60_000);

  it('keep the README statistics block in step with the files', () => {
    for (const name of Object.keys(summary)) {
      const readme = readFileSync(path.join(SAMPLES, name, 'README.md'), 'utf8');
      const block = /<!-- stats:begin -->\n([\s\S]*?)<!-- stats:end -->/.exec(readme)?.[1];
      expect(block, name).toBe(readFileSync(path.join(out, name, 'STATS.md'), 'utf8'));
    }
  });

  it('keep samples small and at least 95% noise', () => {
    for (const [name, s] of Object.entries(summary)) {
      expect(s.bytes, name).toBeLessThan(4.5e6);
      expect(s.noiseShare, name).toBeGreaterThanOrEqual(0.95);
      expect(s.files, name).toBeGreaterThan(3);
    }
  });
});

describe('expected.json', () => {
  const names = readdirSync(SAMPLES).filter((n) => statSync(path.join(SAMPLES, n)).isDirectory());
  for (const name of names) {
    it(`${name} follows the schema and names known ids`, () => {
      const e = JSON.parse(readFileSync(path.join(SAMPLES, name, 'expected.json'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(e).sort()).toEqual(['absent', 'args', 'chains', 'contrasts', 'description', 'findings', 'source', 'timeline']);
      expect(typeof e.description).toBe('string');
      expect(String(e.source)).toMatch(/^(seed 00[0-4]|issue 10)/);
      expect((e.args as unknown[]).every((a) => typeof a === 'string')).toBe(true);
      const findings = e.findings as Record<string, Record<string, number>>;
      for (const [id, c] of Object.entries(findings)) {
        expect(IDS.has(id), id).toBe(true);
        expect(Object.keys(c).length, id).toBe(1);
        const [k, v] = Object.entries(c)[0]!;
        expect(['findings', 'events', 'min_findings', 'min_events'], id).toContain(k);
        expect(Number.isInteger(v) && v >= 1, id).toBe(true);
      }
      for (const ch of e.chains as { steps: string[]; match: string; open: boolean }[]) {
        expect(ch.steps.length).toBeGreaterThan(0);
        expect(['exact', 'subsequence']).toContain(ch.match);
        expect(typeof ch.open).toBe('boolean');
        for (const s of ch.steps) expect(Object.keys(findings), `chain step ${s}`).toContain(s);
      }
      for (const id of e.contrasts as string[]) expect(Object.keys(findings)).toContain(id);
      for (const id of e.absent as string[]) {
        expect(IDS.has(id), id).toBe(true);
        expect(Object.keys(findings), `${id} both expected and absent`).not.toContain(id);
      }
    });

    it(`${name} timeline texts occur in its evidence`, () => {
      const e = JSON.parse(readFileSync(path.join(SAMPLES, name, 'expected.json'), 'utf8')) as { timeline: { at: string; contains: string; tolerance: string }[] };
      const all = walk(path.join(SAMPLES, name)).filter((f) => !/README\.md$|expected\.json$/.test(f)).map(text).join('\n');
      for (const t of e.timeline) {
        expect(t.at, t.contains).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
        expect(t.tolerance).toMatch(/^\d+(s|m|h)$/);
        expect(all.includes(t.contains), t.contains).toBe(true);
      }
    });
  }
});
