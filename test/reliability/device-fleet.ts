// The devices of the devices model (devices.test.ts): each a real store (fake-indexeddb, one
// IDBFactory per device) opened by the real model (`Tasks`, with its merge rules), editing with
// the model's commands and syncing through the real `git http-backend`. Each step it takes is
// recorded in a WriteLedger, so the test can say afterwards which values must have survived.
import { IDBFactory } from 'fake-indexeddb';
import {
  createRecord,
  deleteRecord,
  isItem,
  isModelError,
  Tasks,
  updateRecord,
  type Edit,
  type ItemRecord,
  type Snapshot,
} from '../../src/model/index.ts';
import type { SyncSuccess } from '../../src/sync/index.ts';
import { syncOk } from '../support/sync-ok.ts';
import type { WriteLedger } from './write-ledger.ts';

/** One step of a device: `pick` and `other` choose among the records it holds when the step runs. */
export type DeviceStep =
  | { kind: 'rename' | 'describe' | 'delete'; device: number; pick: number }
  | { kind: 'move'; device: number; pick: number; other: number }
  | { kind: 'create'; device: number; other: number; project: boolean }
  | { kind: 'sync'; device: number };

/** The devices of one run, their shared remote and the ledger of what they wrote. */
export class DeviceFleet {
  private nextId = 1;
  private clock = Date.UTC(2026, 0, 1);
  /** What each step and sync did, in order, for the report of a failing run. */
  readonly log: string[] = [];

  private constructor(
    readonly devices: readonly Tasks[],
    private readonly url: string,
    readonly ledger: WriteLedger,
  ) {}

  /** Opens `count` empty devices that sync with the (empty) repository at `url`. */
  static async open(count: number, url: string, ledger: WriteLedger): Promise<DeviceFleet> {
    const devices: Tasks[] = [];
    for (let index = 0; index < count; index++) {
      devices.push(await Tasks.open({ name: `device-${index}`, indexedDB: new IDBFactory(), author: { name: `Device ${index}`, email: `d${index}@example.org` } }));
    }
    return new DeviceFleet(devices, url, ledger);
  }

  /**
   * Runs one step. A command the model refuses (a move that would make a cycle, deleting a
   * project that holds items) is skipped, as the app would show its reason and change nothing.
   * What happened goes to {@link log}.
   */
  async run(step: DeviceStep): Promise<void> {
    if (step.kind === 'sync') {
      await this.sync(step.device);
      return;
    }
    try {
      this.log.push(await this.edit(step));
    } catch (error) {
      if (!isModelError(error)) throw error;
      this.log.push(`${step.kind} ${step.device}: refused (${error.message})`);
    }
  }

  /** Syncs `device`, then waits for the model's after-merge repair; throws on any failure. */
  async sync(device: number): Promise<SyncSuccess & { repaired: boolean }> {
    const tasks = this.device(device);
    this.log.push(`sync ${device}`);
    const result = await syncOk(tasks.repo.git, { url: this.url });
    this.ledger.synced(device);
    const repaired = (await tasks.settle()) !== undefined;
    this.log.push(`  -> ${result.kind}${repaired ? ', links repaired' : ''}`);
    return { ...result, repaired };
  }

  /** Syncs every device in turn until a whole round changes nothing; returns the rounds taken. */
  async converge(maxRounds: number): Promise<number> {
    for (let round = 1; round <= maxRounds; round++) {
      let changed = false;
      for (let device = 0; device < this.devices.length; device++) {
        const result = await this.sync(device);
        if (result.kind !== 'up-to-date' || result.repaired) changed = true;
      }
      if (!changed) return round;
    }
    throw new Error(`the devices did not settle in ${maxRounds} rounds of syncs`);
  }

  /** Closes every device. */
  async close(): Promise<void> {
    for (const tasks of this.devices) await tasks.close();
  }

  private async edit(step: Exclude<DeviceStep, { kind: 'sync' }>): Promise<string> {
    const tasks = this.device(step.device);
    const items = itemsOf(tasks.snapshot);
    const now = new Date((this.clock += 60_000));
    if (step.kind === 'create') {
      const holders = items.filter((item) => item.kind !== 'action');
      const parent = step.other % (holders.length + 1) === 0 ? undefined : holders[(step.other % (holders.length + 1)) - 1];
      const id = this.freshId();
      const name = this.token('name');
      await this.apply(tasks, createRecord(tasks.snapshot, { kind: step.project ? 'project' : 'action', name, ...(parent ? { parent: parent.id } : {}) }, now, () => id));
      this.ledger.write(step.device, id, 'name', name);
      if (parent) this.ledger.write(step.device, id, 'parent', parent.id);
      return `create ${step.device}: ${name} in ${parent?.name ?? 'top level'}`;
    }
    const target = items[step.pick % Math.max(items.length, 1)];
    if (target === undefined) return `${step.kind} ${step.device}: nothing to edit`;
    if (step.kind === 'delete') {
      await this.apply(tasks, deleteRecord(tasks.snapshot, target.id));
      this.ledger.remove(step.device, target.id);
      return `delete ${step.device}: ${target.name}`;
    }
    if (step.kind === 'move') {
      const holders = items.filter((item) => item.kind !== 'action' && item.id !== target.id);
      const parent = holders[step.other % (holders.length + 1)];
      if (parent?.id === target.parent) return `move ${step.device}: ${target.name} is already there`;
      await this.apply(tasks, updateRecord(tasks.snapshot, target.id, { parent: parent?.id ?? null }, now));
      if (parent) this.ledger.write(step.device, target.id, 'parent', parent.id);
      else this.ledger.clear(step.device, target.id, 'parent');
      return `move ${step.device}: ${target.name} to ${parent?.name ?? 'top level'}`;
    }
    const field = step.kind === 'rename' ? 'name' : 'description';
    const value = this.token(field);
    await this.apply(tasks, updateRecord(tasks.snapshot, target.id, { [field]: value }, now));
    this.ledger.write(step.device, target.id, field, value);
    return `${step.kind} ${step.device}: ${target.name} -> ${value}`;
  }

  private async apply(tasks: Tasks, edit: Edit): Promise<void> {
    if (edit.changes.length === 0) throw new Error(`a command changed nothing: ${edit.message}`);
    await tasks.apply(edit);
  }

  /** A text no other write uses, so finding it in the final state proves this write survived. */
  private token(field: string): string {
    return `${field} [w${this.nextId++}]`;
  }

  private freshId(): string {
    return `00000000-0000-4000-8000-${(this.nextId++).toString(16).padStart(12, '0')}`;
  }

  private device(index: number): Tasks {
    const tasks = this.devices[index];
    if (tasks === undefined) throw new RangeError(`no device ${index}`);
    return tasks;
  }
}

/** The areas, projects and actions of a snapshot, in id order (the same order on every device). */
export function itemsOf(snapshot: Snapshot): ItemRecord[] {
  return [...snapshot.records.values()].filter(isItem).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
