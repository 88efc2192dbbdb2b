// Entities and aliases: extraction from entities.yml, normalisation, binds as versioned
// union-find per host (identifiers are reused after a logout/login).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { EntityIndex } from '../../src/correlate/entities.js';
import { compileSignatures, loadPatterns } from '../../src/signatures/index.js';
import { buildEvidence } from './evidence.js';

const ROOT = path.resolve(__dirname, '../..');
const set = loadPatterns([path.join(ROOT, 'test/fixtures/patterns/cascade')], { files: [path.join(ROOT, 'patterns/entities.yml')] });
const { compiled } = compileSignatures(set);
const login = (t: string, host: string, conn: string, pvc: string, ip: string): string =>
  `May 28 ${t} ${host} iscsid: Connection${conn} to [target: iqn.2016-09.com.openebs.jiva:${pvc}, portal: ${ip},3260] through [iface: default] is operational now`;
const err = (t: string, host: string, conn: string): string => `May 28 ${t} ${host} kernel: [ 1.0] connection${conn}: detected conn error (1020)`;

function entitiesOfErrors(syslog: string[], kern: string[]) {
  const ev = buildEvidence(compiled, { syslog, 'kern.log': kern }, { year: 2026, offsetHours: 0 });
  const out = correlate({ ...ev, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' });
  return out.findings.filter((f) => f.id === 'iscsi-conn-error-1020').map((f) => [f.first.slice(11, 19), f.host, f.entities.pvc ?? []]);
}

const A = 'pvc-746b2837-ca3c-4b95-9168-7b767573f799';
const B = 'pvc-a3a7e012-5d2e-4a8c-9b1f-0c6f2d9e8a71';

describe('aliases', () => {
  it('binds a connection to the PVC of its target, per host, and versions a reused connection id', () => {
    const rows = entitiesOfErrors(
      [login('10:00:00', 'k8s02', '1:0', A, '10.152.183.57'), login('12:00:00', 'k8s02', '1:0', B, '10.152.183.22'), login('10:00:00', 'k8s03', '1:0', B, '10.152.183.22')],
      [err('09:00:00', 'k8s02', '1:0'), err('11:00:00', 'k8s02', '1:0'), err('13:00:00', 'k8s02', '1:0'), err('11:00:00', 'k8s03', '1:0'), err('11:00:00', 'k8s01', '1:0')],
    );
    expect(rows).toEqual([
      ['09:00:00', 'k8s02', [A]], // before any login: the first binding
      ['11:00:00', 'k8s01', []], // no binding on this host
      ['11:00:00', 'k8s02', [A]],
      ['11:00:00', 'k8s03', [B]], // the same connection id on another host is another connection
      ['13:00:00', 'k8s02', [B]], // after the re-login to another target
    ]);
  });

  it('normalises devices (partition and jbd2 suffixes) and extracts PVC prefixes from pod names', () => {
    const ev = buildEvidence(
      compiled,
      {
        'kern.log': ['May 28 20:23:11 k8s02 kernel: [ 5023.1] Aborting journal on device sdb-8.'],
        syslog: ['May 28 20:21:04 k8s02 microk8s.daemon-kubelite[1]: I0528 20:21:04.118402 1 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="openebs/pvc-746b2837-jiva-ctrl-5c8f9-x"'],
      },
      { year: 2026, offsetHours: 0 },
    );
    const out = correlate({ ...ev, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' });
    expect(out.findings.find((f) => f.id === 'jbd2-journal-abort')!.entities.device).toEqual(['sdb']);
    expect(out.findings.find((f) => f.id === 'jbd2-journal-abort')!.captures.device).toBe('sdb-8');
    expect(out.findings.find((f) => f.id === 'taint-eviction')!.entities).toEqual({
      host: ['k8s02'],
      namespace: ['openebs'],
      pod: ['openebs/pvc-746b2837-jiva-ctrl-5c8f9-x'],
      pvc: ['pvc-746b2837'],
    });
  });
});

describe('EntityIndex: one set per distinct naming', () => {
  it('events naming the same entities share one set; other entities get sets of their own', () => {
    const ev = buildEvidence(compiled, { 'kern.log': [err('09:00:00', 'k8s02', '1:0'), err('09:00:05', 'k8s02', '1:0'), err('09:00:07', 'k8s03', '1:0'), err('09:00:09', 'k8s02', '2:0')] }, { year: 2026, offsetHours: 0 });
    const index = new EntityIndex(compiled, ev.events, ev.hits);
    const [a, b, c, d] = ev.events.map((e) => index.own(e.seq));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
    expect([...a!].map(([k, vs]) => [k, [...vs]])).toEqual([...c!].map(([k, vs]) => [k, [...vs].map((v) => (v === 'k8s03' ? 'k8s02' : v))]));
    expect(d!.get('host')).toEqual(new Set(['k8s02']));
  });
});
