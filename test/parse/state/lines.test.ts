import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kubectlJsonFormat } from '../../../src/parse/formats/kubectl-json.js';
import { notableOf } from '../../../src/parse/formats/kubectl-shapes.js';
import { fieldLine } from '../../../src/parse/state/index.js';
import { run } from '../k8s/helpers.js';
import { asList, jivaVolume, NODE_K8S03, PV_SEERR, RADARR_WAITING, replicaSet } from '../k8s/k8s-fixtures.js';

/** The input line of the field a state finding talks about (item: cite `file:line` of it). */

const lineText = (text: string, line: number | undefined) => (line === undefined ? undefined : text.split('\n')[line - 1]!.trim());

describe('fieldLine: the line of the field a state record talks about', () => {
  it('finds the exact JSON line of each field state signatures test, in either index form', () => {
    const running = { ...RADARR_WAITING, metadata: { ...RADARR_WAITING.metadata, name: 'sonarr-0', uid: 'u2' }, status: { phase: 'Running', containerStatuses: [{ name: 's', ready: true, restartCount: 7, state: { running: { startedAt: '2026-05-28T10:06:00Z' } } }] } };
    const text = asList([RADARR_WAITING, running, NODE_K8S03, replicaSet('radarr-5d8f7c9b6', 'media', { matchLabels: { app: 'radarr' } }, { replicas: 1, terminatingReplicas: 1, observedGeneration: 2 }), jivaVolume(PV_SEERR, { nodeLabel: 'k8s03' })]);
    const [waiting, run1, node, rs, jv] = run(kubectlJsonFormat, text, 'pods.json').objects;
    const at = (o: typeof waiting, p: string) => lineText(text, fieldLine(o!, p));
    expect(at(waiting, 'status.containerStatuses.0.state.waiting.reason')).toBe('"reason": "ContainerCreating"');
    expect(at(waiting, 'status.containerStatuses[0].state.waiting.reason')).toBe('"reason": "ContainerCreating"');
    expect(at(waiting, 'status.phase')).toBe('"phase": "Pending",');
    expect(at(waiting, 'spec.nodeName')).toBe('"nodeName": "k8s03",');
    expect(at(waiting, 'metadata.creationTimestamp')).toBe('"creationTimestamp": "2026-05-28T10:05:11Z",');
    expect(at(run1, 'status.containerStatuses.0.state.running')).toBe('"running": {');
    expect(at(run1, 'status.containerStatuses.0.restartCount')).toBe('"restartCount": 7,');
    expect(at(run1, 'status.containerStatuses.0.ready')).toBe('"ready": true,');
    expect(at(node, 'status.volumesInUse')).toBe('"volumesInUse": [');
    expect(at(rs, 'status.terminatingReplicas')).toBe('"terminatingReplicas": 1,');
    expect(at(rs, 'metadata.generation')).toBe('"generation": 3,');
    expect(at(rs, 'status.observedGeneration')).toBe('"observedGeneration": 2');
    expect(at(jv, 'metadata.labels.nodeID')).toBe('"nodeID": "k8s03"');
    expect(at(jv, 'labels.nodeID')).toBe('"nodeID": "k8s03"');
    // not recorded, nothing inside it recorded: undefined (the caller cites the object)
    expect(fieldLine(waiting!, 'spec.hostNetwork')).toBeUndefined();
  });

  it('records a line for every field a shipped state signature tests', () => {
    const dir = path.resolve(__dirname, '../../../patterns');
    const relationKind: Record<string, string> = { 'pods-on-node': 'Pod', 'selected-pods': 'Pod', 'consumer-pods': 'Pod', 'jiva-ctrl-pods': 'Pod', 'owned-pods': 'Pod', endpoints: 'Endpoints', events: 'Event' };
    const missing: string[] = [];
    const covered = (kind: string, p: string) => {
      const norm = p.replace(/^labels\./, 'metadata.labels.').replace(/\.\d+(?=\.|$)/g, '[]');
      return notableOf(kind).some((n) => n === norm || n.startsWith(`${norm}.`) || n.startsWith(`${norm}[]`));
    };
    const check = (kind: string, where: Record<string, unknown> | undefined, id: string) => {
      for (const [p, cond] of Object.entries(where ?? {})) {
        const absent = typeof cond === 'object' && cond !== null && (cond as { exists?: boolean }).exists === false;
        if (!absent && !covered(kind, p)) missing.push(`${id}: ${kind} ${p}`);
      }
    };
    let states = 0;
    for (const family of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(path.join(dir, family.name)).filter((n) => n.endsWith('.yml'))) {
        const sig = parse(readFileSync(path.join(dir, family.name, f), 'utf8')) as { id: string; match: { kind: string; object?: string; where?: Record<string, unknown>; join?: Record<string, { relation: string; where?: Record<string, unknown> }> } };
        if (sig.match?.kind !== 'state' || !sig.match.object || sig.match.object === 'GoroutineBucket') continue;
        states++;
        check(sig.match.object, sig.match.where, sig.id);
        for (const j of Object.values(sig.match.join ?? {})) if (relationKind[j.relation]) check(relationKind[j.relation]!, j.where, sig.id);
      }
    }
    expect(states).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
