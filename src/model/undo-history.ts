/**
 * The person's own changes made through one {@link import('./tasks.ts').Tasks}, newest last,
 * for "undo the last change": only commits the person made here enter it (never a sync's merge
 * or the model's own repairs), and an undone one leaves it.
 */
export class UndoHistory {
  private readonly ids: string[] = [];

  constructor(private readonly limit = 100) {}

  /** Records the person's change `id` as the newest. */
  push(id: string): void {
    this.remove(id);
    this.ids.push(id);
    if (this.ids.length > this.limit) this.ids.shift();
  }

  /** Forgets `id` (it was undone). */
  remove(id: string): void {
    const at = this.ids.lastIndexOf(id);
    if (at >= 0) this.ids.splice(at, 1);
  }

  /** The newest change not undone yet. */
  last(): string | undefined {
    return this.ids.at(-1);
  }
}
