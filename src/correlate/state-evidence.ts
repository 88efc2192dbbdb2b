/**
 * The input lines a state finding rests on: for each field its conditions read (`where`, the
 * joined objects' `where`, both sides of `compare`), the line the kubectl reader recorded for
 * that field (`K8sObject.lines`), quoted through the record the reader emitted at that line
 * (its `seq` and its text exactly as in the input: `"reason": "ContainerCreating",`). A
 * goroutine bucket object is quoted through its bucket record (bucket-evidence.ts adds the
 * other header lines).
 */
import type { Event } from '../model/event.js';
import type { K8sObject } from '../model/state.js';
import { fieldLine } from '../parse/index.js';

/** The kubectl/goroutine record read at `file:line`, if the scan kept one. */
export type LineEvents = (file: string, line: number) => Event | undefined;

export function lineEventIndex(events: readonly Event[]): LineEvents {
  const byLine = new Map<string, Event>();
  for (const e of events) {
    if (e.source !== 'kubectl' && e.source !== 'goroutine') continue;
    for (const at of e.from) {
      const k = `${at.file}\u0000${at.line}`;
      if (!byLine.has(k)) byLine.set(k, e);
    }
  }
  return (file, line) => byLine.get(`${file}\u0000${line}`);
}

/** Collects the records quoting fields of objects; `events()` returns them in input order. */
export class FieldEvidence {
  private readonly found = new Map<number, Event>();

  constructor(private readonly lookup: LineEvents) {}

  add(obj: K8sObject, path: string): void {
    const line = fieldLine(obj, path);
    if (line !== undefined) this.addLine(obj.at.file, line);
  }

  addLine(file: string, line: number): void {
    const e = this.lookup(file, line);
    if (e) this.found.set(e.seq, e);
  }

  events(): Event[] {
    return [...this.found.values()].sort((a, b) => a.seq - b.seq);
  }
}
