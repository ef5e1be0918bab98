// The bookkeeping of the devices model (devices.test.ts): every value a person wrote, which
// writes each device (and the remote) has seen, and which writes a later edit replaced on
// purpose. A value must survive a merge unless the person who replaced it had seen it: a
// write is superseded only by a write to the same field of the same record, or a deletion of
// the record, made on a device that already held it. Everything else is "live" and must be
// found in the final state or in a conflict note.
// Two refinements, which are how three-way merges work (git's included): a merge compares a
// field's value on each side with its value in the merge base, not who wrote it, so
//   - a write that sets a field back to a value it held before (on any device) is not owed: when
//     the merge base holds that value, the merge cannot tell the write from no change (a move to
//     B and back to A, while another device moved the item to C, ends in C);
//   - two devices writing the same value merge into one: a device that has seen one of them has
//     seen the value, so its next write to the field replaces both.

/** The fields the model's random edits write. */
export type WrittenField = 'name' | 'description' | 'parent';

/** One value a person wrote, through a model command, on one device. */
export interface Write {
  id: number;
  device: number;
  record: string;
  field: WrittenField;
  value: string;
}

/** What the devices and the remote have seen, and which writes are still owed to the final state. */
export class WriteLedger {
  private readonly writes: Write[] = [];
  private readonly superseded = new Set<number>();
  private readonly known: Array<Set<number>>;
  private remote = new Set<number>();

  constructor(devices: number) {
    this.known = Array.from({ length: devices }, () => new Set<number>());
  }

  /** Records `value` written to `field` of `record` on `device`, replacing what that device had seen there. */
  write(device: number, record: string, field: WrittenField, value: string): Write {
    const repeated = this.writes.some((earlier) => valueKey(earlier) === valueKey({ record, field, value }));
    this.supersede(device, (write) => write.record === record && write.field === field);
    const write = { id: this.writes.length, device, record, field, value };
    this.writes.push(write);
    this.knownBy(device).add(write.id);
    if (repeated) this.superseded.add(write.id);
    return write;
  }

  /** Records `field` of `record` cleared on `device` (moved to the top level): nothing new to keep, what it had seen there is replaced. */
  clear(device: number, record: string, field: WrittenField): void {
    this.supersede(device, (write) => write.record === record && write.field === field);
  }

  /** Records the deletion of `record` on `device`: every write to it that device had seen is gone on purpose. */
  remove(device: number, record: string): void {
    this.supersede(device, (write) => write.record === record);
  }

  /** Records a successful sync of `device`: afterwards it and the remote hold the same history. */
  synced(device: number): void {
    const union = new Set([...this.knownBy(device), ...this.remote]);
    this.known[device] = union;
    this.remote = new Set(union);
  }

  /** The writes no one replaced knowingly: each must be in the final state or in a note. */
  live(): Write[] {
    return this.writes.filter((write) => !this.superseded.has(write.id));
  }

  /** How many writes were made in all. */
  get count(): number {
    return this.writes.length;
  }

  private supersede(device: number, matches: (write: Write) => boolean): void {
    const known = this.knownBy(device);
    const seen = new Set(this.writes.filter((write) => known.has(write.id) && matches(write)).map(valueKey));
    for (const write of this.writes) if (matches(write) && seen.has(valueKey(write))) this.superseded.add(write.id);
  }

  private knownBy(device: number): Set<number> {
    const known = this.known[device];
    if (known === undefined) throw new RangeError(`no device ${device}`);
    return known;
  }
}

/** A write's record, field and value: writes with the same key are one value to a merge. */
function valueKey(write: Pick<Write, 'record' | 'field' | 'value'>): string {
  return `${write.record} ${write.field} ${write.value}`;
}
