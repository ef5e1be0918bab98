import { createRecord, type CreateInput } from './commands/index.ts';
import { addDays, todayOf } from './dates.ts';
import { ModelError } from './errors.ts';
import type { Edit, Snapshot } from './snapshot.ts';
import type { AnyRecord, Day } from './types.ts';

/**
 * The weekly review's id, the same on every device: two devices that each started on their own
 * and later sync hold one weekly review, not two (merged field by field when both changed it).
 */
export const WEEKLY_REVIEW_ID = '5eedc0de-3ee1-4e7a-9e0e-000000000001';

/** The name of the repeating weekly-review action both first-run choices create. */
export const WEEKLY_REVIEW_NAME = 'Weekly review';

/** The GTD weekly review as a Markdown checklist: the weekly-review action's notes. */
export const WEEKLY_REVIEW_CHECKLIST = `Once a week, get clear, get current and get creative. Tick each step as you go.

## Get clear
- [ ] Collect loose papers and materials into the inbox
- [ ] Get the inbox to zero: process every capture
- [ ] Empty your head: capture anything still on your mind

## Get current
- [ ] Review the next actions: tick off what is done, note new reminders
- [ ] Review the past calendar for loose ends
- [ ] Review the upcoming calendar
- [ ] Review the waiting-for list: chase what is late
- [ ] Review every project: each active one has a next action
- [ ] Review any relevant checklists

## Get creative
- [ ] Review the someday/maybe list: activate or drop
- [ ] Be creative and courageous: any new projects?
`;

/** Commit message of {@link demoDataEdit}. */
export const DEMO_DATA_MESSAGE = 'Start with demo data';
/** Commit message of {@link startEmptyEdit}. */
export const START_EMPTY_MESSAGE = 'Start empty, with a weekly review';

/**
 * The first commit of "Start empty": only the weekly-review action, repeating every week from
 * today (so it is due today). Having a commit is what tells the app the choice was made.
 *
 * @throws ModelError 'refused' when the repository already holds records.
 */
export function startEmptyEdit(snapshot: Snapshot, now: Date, newId: () => string): Edit {
  const builder = new DemoBuilder(snapshot, now, newId);
  builder.weeklyReview();
  return { changes: builder.changes(), message: START_EMPTY_MESSAGE };
}

/**
 * The first commit of "Start with demo data": a small, realistic set of records that shows
 * every feature: areas with sub-areas; active, someday and done projects; actions in every
 * state (inbox, next, waiting, waiting for a contact, scheduled, future, done); contexts;
 * contacts; repeats on a cadence and after done; deadlines; a tickler date weeks ahead;
 * Markdown notes; and the weekly review, repeating weekly, with the GTD checklist as its
 * notes. Days are counted from `now`.
 *
 * @throws ModelError 'refused' when the repository already holds records.
 */
export function demoDataEdit(snapshot: Snapshot, now: Date, newId: () => string): Edit {
  const b = new DemoBuilder(snapshot, now, newId);
  const today = todayOf(now);
  const inDays = (days: number): Day => addDays(today, days);

  const home = b.add({ kind: 'context', name: '@home' });
  const computer = b.add({ kind: 'context', name: '@computer' });
  const phone = b.add({ kind: 'context', name: '@phone' });
  const errands = b.add({ kind: 'context', name: '@errands' });

  const alice = b.add({ kind: 'contact', name: 'Alice Martin', email: 'alice@example.com', description: 'Runs the design agency for the **new website**.' });
  const ben = b.add({ kind: 'contact', name: 'Ben Okafor', description: 'My brother. Best reached by phone in the evening.' });

  const personal = b.add({ kind: 'area', name: 'Personal', description: 'Everything outside work.' });
  const house = b.add({ kind: 'area', name: 'House and garden', parent: personal });
  const money = b.add({ kind: 'area', name: 'Money', parent: personal });
  const health = b.add({ kind: 'area', name: 'Health', parent: personal });
  const work = b.add({ kind: 'area', name: 'Work' });
  const team = b.add({ kind: 'area', name: 'Team', parent: work, description: 'One-to-ones, hiring and everything that keeps the team going.' });

  const holiday = b.add({
    kind: 'project',
    name: 'Plan the summer holiday',
    parent: personal,
    starred: true,
    description: '## Goal\nA week by the sea in **July**, for the whole family.\n\n- Budget: about 2,000\n- Somewhere with a train connection',
  });
  b.add({ kind: 'action', name: 'Compare train and flight prices to Lisbon', parent: holiday, context: computer, description: 'Check [seat61](https://www.seat61.com/) for the train route.' });
  b.add({ kind: 'action', name: 'Ask Ben which week suits him', parent: holiday, state: 'waiting-for-contact', contact: ben, description: 'Sent him a message; he will check with work.' });
  b.add({ kind: 'action', name: 'Book the flat', parent: holiday, state: 'future' });

  const shed = b.add({ kind: 'project', name: 'Rebuild the garden shed', parent: house, state: 'someday', description: 'Maybe next spring. *Wood or metal?*' });
  b.add({ kind: 'action', name: 'Get a quote for a new shed roof', parent: shed, state: 'future' });

  const taxes = b.add({ kind: 'project', name: 'File last year’s tax return', parent: money, state: 'done' });
  b.add({ kind: 'action', name: 'Gather the receipts', parent: taxes, state: 'done' });
  b.add({ kind: 'action', name: 'Pay the rent', parent: money, repeat: { every: 1, unit: 'month', from: inDays(3) }, description: 'Standing order is **not** set up yet.' });
  b.add({ kind: 'action', name: 'Send the insurance claim', parent: money, context: computer, deadline: inDays(2), description: 'The insurer wants it within 30 days of the burst pipe.' });
  b.add({ kind: 'action', name: 'Renew the passport', parent: personal, waitUntil: inDays(45), description: 'It runs out in the spring; renewing takes about six weeks.' });
  b.add({ kind: 'action', name: 'Get a haircut', parent: health, context: errands, repeat: { every: 6, unit: 'week', from: inDays(9), afterDone: true } });

  const website = b.add({
    kind: 'project',
    name: 'Launch the new website',
    parent: work,
    contact: alice,
    deadline: inDays(30),
    description: 'Launch by the end of the quarter.\n\n1. Design\n2. Content\n3. Launch\n\nSee the brief in the shared drive.',
  });
  b.add({ kind: 'action', name: 'Write the launch announcement', parent: website, context: computer, starred: true });
  b.add({ kind: 'action', name: 'Review the design mock-ups', parent: website, state: 'waiting', description: 'Alice sends the second round this week.' });
  b.add({ kind: 'action', name: 'Publish the site', parent: website, waitUntil: inDays(5) });
  b.add({ kind: 'action', name: 'Set up the analytics', parent: website, state: 'done' });

  b.add({ kind: 'action', name: 'Prepare the one-to-one with Sam', parent: team, context: computer, waitUntil: inDays(1) });
  b.add({ kind: 'action', name: 'Book a dentist check-up', parent: health, context: phone });
  b.add({ kind: 'action', name: 'Water the tomatoes', parent: house, context: home, repeat: { every: 2, unit: 'day', from: today } });
  b.add({ kind: 'action', name: 'Buy a birthday present for Alice', context: errands, contact: alice });
  b.add({ kind: 'action', name: 'Call the plumber about the dripping tap' });
  b.add({ kind: 'action', name: 'Idea: try a standing desk', description: 'Captured on the go; clarify in *Process*.' });
  b.weeklyReview();
  return { changes: b.changes(), message: DEMO_DATA_MESSAGE };
}

/** Creates records one by one with {@link createRecord}, each checked against those before it. */
class DemoBuilder {
  private readonly records: Map<string, AnyRecord>;

  constructor(
    private readonly snapshot: Snapshot,
    private readonly now: Date,
    private readonly newId: () => string,
  ) {
    if (snapshot.records.size > 0 || snapshot.malformed.length > 0) {
      throw new ModelError('refused', 'This repository already holds records; a first-run start only fills an empty one.');
    }
    this.records = new Map();
  }

  /** Creates one record (with the id `id`, else a new one); returns its id. */
  add(input: CreateInput, id?: string): string {
    const current: Snapshot = { head: this.snapshot.head, records: this.records, malformed: [] };
    const edit = createRecord(current, input, this.now, id === undefined ? this.newId : () => id);
    for (const change of edit.changes) if ('put' in change) this.records.set(change.put.id, change.put);
    const first = edit.changes[0];
    if (!first || !('put' in first)) throw new Error('createRecord wrote no record');
    return first.put.id;
  }

  /** The weekly review: repeats every week from today, so it is due today. */
  weeklyReview(): string {
    return this.add({
      kind: 'action',
      name: WEEKLY_REVIEW_NAME,
      starred: true,
      repeat: { every: 1, unit: 'week', from: todayOf(this.now) },
      description: WEEKLY_REVIEW_CHECKLIST,
    }, WEEKLY_REVIEW_ID);
  }

  changes(): Edit['changes'] {
    return [...this.records.values()].map((put) => ({ put }));
  }
}
