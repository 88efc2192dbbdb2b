// Findings cite the input lines they rest on, exactly as read: a state finding over a kubectl
// snapshot quotes the JSON lines of the fields its conditions read (not a summary of the
// object), each with the seq of the record read there; a finding on a goroutine bucket quotes
// every header line of the bucket.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hows } from './run-bin.js';

interface Ev {
  file: string;
  line: number;
  text: string;
  seq: number;
}

const pod = (name: string, phase: string, reason: string | null): string => `    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "name": "${name}",
        "namespace": "media",
        "creationTimestamp": "2026-05-28T09:00:00Z",
        "uid": "${name}-0000-0000-0000-000000000000"
      },
      "spec": {
        "nodeName": "k8s03",
        "containers": [{"name": "app", "image": "app:1"}]
      },
      "status": {
        "phase": "${phase}",
        "containerStatuses": [
          {
            "name": "app",
            "ready": false,
            "restartCount": 0,
            "state": ${reason ? `{
              "waiting": {
                "reason": "${reason}"
              }
            }` : '{"running": {"startedAt": "2026-05-28T09:01:00Z"}}'}
          }
        ]
      }
    }`;

describe('evidence of state findings', () => {
  it('quotes the JSON lines of the fields a state signature read, with real seqs', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hows-evidence-'));
    mkdirSync(path.join(dir, 'kubectl'));
    const file = path.join(dir, 'kubectl', 'pods.json');
    writeFileSync(file, `{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [\n${pod('radarr-0', 'Pending', 'ContainerCreating')},\n${pod('sonarr-0', 'Running', null)}\n  ]\n}\n`);
    const r = hows(['analyze', dir, '--tz', 'UTC', '--snapshot-time', '2026-05-28T11:00:00Z', '--format', 'json']);
    expect(r.code, r.stderr).toBeLessThan(2);
    const findings = JSON.parse(r.stdout).findings as Array<{ id: string; evidence: Ev[]; captures: Record<string, string> }>;
    const stuck = findings.filter((f) => f.id === 'container-creating-stuck');
    expect(stuck.map((f) => f.captures.name)).toEqual(['radarr-0']);
    const lines = readFileSync(file, 'utf8').split('\n');
    const ev = stuck[0]!.evidence;
    for (const e of ev) {
      expect(e.text).toBe(lines[e.line - 1]);
      expect(e.seq).toBeGreaterThanOrEqual(0);
    }
    const texts = ev.map((e) => e.text.trim());
    expect(texts).toContain('"reason": "ContainerCreating"');
    expect(texts).toContain('"phase": "Pending",');
    expect(texts.every((t) => !t.includes('sonarr'))).toBe(true);
  });
});

const goroutine = (id: number, minutes: number): string => `goroutine ${id} [select, ${minutes} minutes]:
k8s.io/client-go/tools/cache.(*processorListener).pop(0xc000a1b0e0)
	/go/pkg/mod/k8s.io/client-go@v0.35.0/tools/cache/shared_informer.go:1146 +0x10f
k8s.io/apimachinery/pkg/util/wait.(*Group).Start.func1()
	/go/pkg/mod/k8s.io/apimachinery@v0.35.0/pkg/util/wait/wait.go:72 +0x52
created by k8s.io/apimachinery/pkg/util/wait.(*Group).Start in goroutine 380
	/go/pkg/mod/k8s.io/apimachinery@v0.35.0/pkg/util/wait/wait.go:70 +0x73
`;

describe('evidence of goroutine bucket findings', () => {
  it('quotes every header line of the stalled bucket', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hows-evidence-'));
    const file = path.join(dir, 'goroutines-k8s03.txt');
    writeFileSync(file, [goroutine(412, 33), goroutine(977, 33), goroutine(1204, 32)].join('\n'));
    const r = hows(['analyze', dir, '--tz', 'UTC', '--dump-time', '2026-05-28T11:20:11Z', '--format', 'json']);
    expect(r.code, r.stderr).toBeLessThan(2);
    const stall = (JSON.parse(r.stdout).findings as Array<{ id: string; evidence: Ev[] }>).filter((f) => f.id === 'processorlistener-stall');
    expect(stall).toHaveLength(1);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(stall[0]!.evidence.map((e) => [e.line, e.text])).toEqual([
      [1, 'goroutine 412 [select, 33 minutes]:'],
      [9, 'goroutine 977 [select, 33 minutes]:'],
      [17, 'goroutine 1204 [select, 32 minutes]:'],
    ]);
    for (const e of stall[0]!.evidence) expect(e.text).toBe(lines[e.line - 1]);
  });
});
