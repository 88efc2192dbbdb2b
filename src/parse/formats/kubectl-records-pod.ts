import type { K8sObject } from '../../model/index.js';
import { isRecordValue } from './kubectl-object.js';
import { conditionDrafts, lifecycleDrafts, objectName, str, timeOf, type Draft, type RecordEnv } from './kubectl-records.js';
import { AT_SNAPSHOT } from './kubectl-time.js';

/** Pod records: lifecycle, phase, conditions, and each container's start/finish/wait. */

function containerDrafts(obj: K8sObject, env: RecordEnv, list: 'containerStatuses' | 'initContainerStatuses', node?: string): Draft[] {
  const status = isRecordValue(obj.body.status) ? obj.body.status : {};
  const items = Array.isArray(status[list]) ? status[list] : [];
  const label = list === 'initContainerStatuses' ? 'init container' : 'container';
  const out: Draft[] = [];
  items.filter(isRecordValue).forEach((cs, i) => {
    const name = str(cs.name) ?? '?';
    const base = `status.${list}[${i}]`;
    const common = {
      'container.name': name,
      'container.id': str(cs.containerID),
      'container.restartCount': typeof cs.restartCount === 'number' ? cs.restartCount : undefined,
      'container.ready': typeof cs.ready === 'boolean' ? cs.ready : undefined,
      'spec.nodeName': node,
    };
    const host = node ? { host: node } : {};
    const who = `${objectName(obj)} ${label} ${name}`;
    const states: Array<['state' | 'lastState', unknown]> = [
      ['lastState', cs.lastState],
      ['state', cs.state],
    ];
    for (const [which, st] of states) {
      if (!isRecordValue(st)) continue;
      const p = `${base}.${which}`;
      const running = isRecordValue(st.running) ? st.running : undefined;
      const term = isRecordValue(st.terminated) ? st.terminated : undefined;
      const waiting = isRecordValue(st.waiting) ? st.waiting : undefined;
      const startedAt = running?.startedAt ?? term?.startedAt;
      const started = timeOf(obj, env, startedAt, `${p}.${running ? 'running' : 'terminated'}.startedAt`);
      if (started) {
        out.push({ ...host, stamp: started, message: `${who} started`, what: 'container-started', fields: { ...common, 'container.state': running ? 'running' : 'terminated' }, path: running ? `${p}.running.startedAt` : `${p}.terminated.finishedAt` });
      }
      if (term) {
        const reason = str(term.reason) ?? 'Unknown';
        const code = typeof term.exitCode === 'number' ? term.exitCode : undefined;
        out.push({
          ...host,
          stamp: timeOf(obj, env, term.finishedAt, `${p}.terminated.finishedAt`) ?? AT_SNAPSHOT,
          message: `${who} terminated: ${reason}${code !== undefined ? ` (exit code ${code})` : ''}`,
          what: 'container-terminated',
          fields: { ...common, 'container.state': 'terminated', 'container.reason': reason, 'container.exitCode': code, 'container.signal': typeof term.signal === 'number' ? term.signal : undefined, 'container.message': str(term.message), 'container.which': which },
          path: `${p}.terminated.reason`,
          severity: code === 0 ? 'info' : 'warning',
        });
      }
      if (waiting && which === 'state') {
        const reason = str(waiting.reason) ?? 'Waiting';
        out.push({
          ...host,
          stamp: AT_SNAPSHOT,
          message: `${who} waiting: ${reason}`,
          what: 'container-waiting',
          fields: { ...common, 'container.state': 'waiting', 'container.reason': reason, 'container.message': str(waiting.message) },
          path: `${p}.waiting.reason`,
          severity: reason === 'ContainerCreating' || reason === 'PodInitializing' ? 'info' : 'warning',
        });
      }
    }
  });
  return out;
}

export function podDrafts(obj: K8sObject, env: RecordEnv): Draft[] {
  const spec = isRecordValue(obj.body.spec) ? obj.body.spec : {};
  const status = isRecordValue(obj.body.status) ? obj.body.status : {};
  const node = str(spec.nodeName);
  const phase = str(status.phase);
  const reason = str(status.reason);
  const extra = { 'spec.nodeName': node, 'status.phase': phase };
  const out = lifecycleDrafts(obj, env, extra, node);
  if (phase) {
    out.push({
      stamp: AT_SNAPSHOT,
      message: `${objectName(obj)} phase ${phase}${reason ? `: ${reason}` : ''}`,
      what: 'phase',
      fields: { ...extra, 'status.reason': reason, 'status.message': str(status.message), 'status.podIP': str(status.podIP) },
      path: 'status.phase',
      severity: phase === 'Failed' || phase === 'Unknown' ? 'warning' : 'info',
      ...(node ? { host: node } : {}),
    });
  }
  out.push(...conditionDrafts(obj, env, node));
  out.push(...containerDrafts(obj, env, 'initContainerStatuses', node), ...containerDrafts(obj, env, 'containerStatuses', node));
  return out;
}
