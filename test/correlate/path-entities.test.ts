// Entities named by a file's path (patterns/entities.yml `paths`): a CRI container log names its
// pod, namespace and container, so an error in the container's own log joins the pod's crash
// loop in the kubelet journal by identity.
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { compileSignatures, pathEntities } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';
import { buildEvidence } from './evidence.js';

const set = loadInline({
  crash: sig(
    'crash',
    "{kind: event, regex: 'restarting failed container=(?<container>[a-z0-9-]+) pod=(?<name>[a-z0-9.-]+)_(?<namespace>[a-z0-9-]+)'}",
    'entities: {namespace: namespace, container: container}\ncaused_by:\n  - {id: dns, within: 1h, skew: 7d, prefer: [pod, container]}',
  ),
  dns: sig('dns', "{kind: event, regex: 'UnknownHostException: (?<hostname>[a-z0-9.-]+)'}"),
});
const { compiled } = compileSignatures(set);
const config = compiled.entities;
const UID = '4af6880c-2219-44bb-8202-3dfeb70ca8d8';

describe('entities from file paths', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it.each([
    [`/var/log/pods/ci_dependency-track-api-server-0_${UID}/dependency-track-apiserver/499.log`],
    [`k8s01/pods/ci_dependency-track-api-server-0_${UID}/dependency-track-apiserver/0.log.20260528-101010.gz`],
    [`k8s01\\pods\\ci_dependency-track-api-server-0_${UID}\\dependency-track-apiserver\\3.log`],
    [`k8s01/var/log/containers/dependency-track-api-server-0_ci_dependency-track-apiserver-${'ab12'.repeat(16)}.log`],
  ])('reads pod, namespace and container from %s', (file) => {
    expect(pathEntities(config, file)).toEqual([
      { kind: 'namespace', value: 'ci' },
      { kind: 'pod', value: 'ci/dependency-track-api-server-0' },
      { kind: 'container', value: 'dependency-track-apiserver' },
    ]);
  });

  it.each([['k8s01/syslog'], ['kubectl-logs/dependency-track-api-server-0.log'], [`pods/ci_x_${UID}/c/notes.txt`]])('names nothing for %s', (file) => {
    expect(pathEntities(config, file)).toEqual([]);
  });

  it("links a container log's error to its pod's crash loop by identity", () => {
    const ev = buildEvidence(
      compiled,
      {
        'k8s01/syslog': [
          'May 28 00:04:41 k8s01 kubelite: back-off 5m0s restarting failed container=dependency-track-apiserver pod=dependency-track-api-server-0_ci(4af6880c)" pod="ci/dependency-track-api-server-0"',
          'May 28 00:05:00 k8s01 kubelite: back-off 5m0s restarting failed container=web pod=other-0_ci(1234)" pod="ci/other-0"',
        ],
        [`k8s01/pods/ci_dependency-track-api-server-0_${UID}/dependency-track-apiserver/499.log`]: ['May 29 09:58:12 k8s01 java: java.net.UnknownHostException: dtrack-postgresql.ci'],
      },
      { year: 2026, offsetHours: 10 },
    );
    const out = correlate({ ...ev, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' });
    const dns = out.findings.find((f) => f.id === 'dns')!;
    expect(dns.entities.pod).toEqual(['ci/dependency-track-api-server-0']);
    const [dt, other] = out.findings.filter((f) => f.id === 'crash');
    expect(dt!.causes).toEqual([{ ref: dns.ref, strength: 'identity', via: 'pod=ci/dependency-track-api-server-0, container=dependency-track-apiserver' }]);
    // another pod of the namespace is not that pod (a pod names its namespace, not the reverse)
    expect(other!.entities.pod).toEqual(['ci/other-0']);
    expect(other!.causes.map((c) => c.strength)).toEqual(['time']);
  });
});
