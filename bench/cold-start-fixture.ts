// The repositories the cold-start bench opens: 10,000 items (areas, projects, actions) plus the
// contexts and contacts they use, as the app's own records (model types, encoded by the page with
// the model's `encodeRecord`), and a history of 10,000 commits: the records in commits of 1,000,
// then single-record edits until the count is reached; and the same at 100,000 items and 100,000
// commits. Deterministic (seeded), so every run opens the same snapshot. Imported by bench/page
// (browser) and bench/cold-start-run.ts (Node): no I/O.
import type { ActionRecord, ActionState, AnyRecord, AreaRecord, ContactRecord, ContextRecord, ProjectRecord } from '../src/model/index.ts';
import { seededIds, seededRandom } from './fixture.ts';

/** How big a cold-start repository is. Items are areas + projects + actions. */
export interface ColdStartPlan {
  areas: number;
  projects: number;
  actions: number;
  contexts: number;
  contacts: number;
  /** Commits in the history, the fill's included. */
  commits: number;
  /** Records per fill commit. */
  fillBatch: number;
  seed: number;
}

export const COLD_START_PLAN: ColdStartPlan = {
  areas: 30,
  projects: 270,
  actions: 9700,
  contexts: 8,
  contacts: 12,
  commits: 10_000,
  fillBatch: 1000,
  seed: 20_250_202,
};

/** Ten times as many items and commits (issue 14's goal: a cold start within twice a bare read). */
export const COLD_START_PLAN_100K: ColdStartPlan = { ...COLD_START_PLAN, areas: 300, projects: 2700, actions: 97_000, commits: 100_000 };

/** The plans by the name the bench and its pages use. */
export const COLD_START_PLANS = { '10k': COLD_START_PLAN, '100k': COLD_START_PLAN_100K } as const;
export type ColdStartSize = keyof typeof COLD_START_PLANS;

/**
 * The file, beside the bare page (`/bench/`), where the driver writes the ids of the record blobs
 * at the head (a JSON array): the bare page reads them from there.
 */
export const RECORD_KEYS_FILE = 'cold-start-record-keys.json';

/** Number of items (areas, projects and actions) of a plan. */
export function itemsOf(plan: ColdStartPlan): number {
  return plan.areas + plan.projects + plan.actions;
}

/**
 * A day long past and a day far ahead: scheduled actions waiting until the first are due (so the
 * Work view shows them), those waiting until the second are not, whatever day the bench runs.
 */
export const PAST_DAY = '2025-03-01';
export const FUTURE_DAY = '2099-03-01';

const CONTEXT_NAMES = ['@computer', '@home', '@office', '@phone', '@errands', '@reading', '@garden', '@anywhere'];
const WORDS = [
  'draft', 'review', 'call', 'email', 'order', 'fix', 'plan', 'book', 'write', 'check', 'pay', 'clean', 'update', 'read',
  'report', 'invoice', 'budget', 'slides', 'garden', 'tyres', 'dentist', 'taxes', 'backup', 'release', 'notes', 'agenda',
];

/**
 * Action states by share (per cent), a plausible long-used GTD list: most actions are done, a
 * fifth are next actions; scheduled ones are half due (in the Work view), half not yet.
 */
const STATE_SHARES: ReadonlyArray<[ActionState, number]> = [
  ['next', 20],
  ['inbox', 5],
  ['waiting', 8],
  ['waiting-for-contact', 2],
  ['scheduled', 10],
  ['future', 10],
  ['done', 45],
];

function pickState(roll: number): ActionState {
  let threshold = 0;
  for (const [state, share] of STATE_SHARES) {
    threshold += share;
    if (roll < threshold) return state;
  }
  return 'done';
}

/** An ISO timestamp `minutes` after 2024-01-01T00:00Z. */
function timestamp(minutes: number): string {
  return new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString();
}

/** The records of the repository at the end of its fill, in the order they are committed. */
export function coldStartRecords(plan = COLD_START_PLAN): AnyRecord[] {
  const next = seededRandom(plan.seed);
  const below = (n: number) => next() % n;
  const words = (count: number) => Array.from({ length: count }, () => WORDS[below(WORDS.length)] as string).join(' ');
  const ids = seededIds(plan.contexts + plan.contacts + plan.areas + plan.projects + plan.actions, plan.seed);
  let taken = 0;
  const take = (count: number) => ids.slice(taken, (taken += count));
  let minute = 0;
  const created = () => timestamp((minute += 7));

  const contexts: ContextRecord[] = take(plan.contexts).map((id, i) => ({
    kind: 'context',
    id,
    name: CONTEXT_NAMES[i % CONTEXT_NAMES.length] as string,
    created: created(),
  }));
  const contacts: ContactRecord[] = take(plan.contacts).map((id, i) => ({
    kind: 'contact',
    id,
    name: `Contact ${i + 1}`,
    email: `contact${i + 1}@example.invalid`,
    created: created(),
  }));
  const areas: AreaRecord[] = [];
  for (const [i, id] of take(plan.areas).entries()) {
    // A third are top-level areas; the rest sit below one of those.
    const top = Math.ceil(plan.areas / 3);
    areas.push({ kind: 'area', id, name: `Area ${i + 1}: ${words(2)}`, created: created(), ...(i < top ? {} : { parent: (areas[below(top)] as AreaRecord).id }) });
  }
  const projects: ProjectRecord[] = take(plan.projects).map((id, i) => {
    const roll = below(10);
    return {
      kind: 'project',
      id,
      name: `Project ${i + 1}: ${words(3)}`,
      created: created(),
      parent: (areas[below(areas.length)] as AreaRecord).id,
      state: roll < 7 ? 'active' : roll < 9 ? 'someday' : 'done',
      ...(roll === 9 ? { completed: created() } : {}),
    };
  });
  const actions: ActionRecord[] = take(plan.actions).map((id, i) => {
    const state = pickState(below(100));
    const where = below(10);
    const action: ActionRecord = {
      kind: 'action',
      id,
      name: `${words(1)} ${words(3)} (${i + 1})`,
      created: created(),
      state,
    };
    if (where < 8) action.parent = (projects[below(projects.length)] as ProjectRecord).id;
    else if (where < 9) action.parent = (areas[below(areas.length)] as AreaRecord).id;
    if (below(10) < 9) action.context = (contexts[below(contexts.length)] as ContextRecord).id;
    if (state === 'waiting-for-contact') action.contact = (contacts[below(contacts.length)] as ContactRecord).id;
    if (state === 'scheduled') action.waitUntil = below(2) === 0 ? PAST_DAY : FUTURE_DAY;
    if (state === 'done') action.completed = created();
    if (below(20) === 0) action.starred = true;
    if (below(5) === 0) action.description = `Notes on ${words(6)}.\n\n- ${words(4)}\n- ${words(4)}\n`;
    return action;
  });
  return [...contexts, ...contacts, ...areas, ...projects, ...actions];
}

/** Number of fill commits for `records` records. */
export function fillCommits(records: number, plan = COLD_START_PLAN): number {
  return Math.ceil(records / plan.fillBatch);
}

/**
 * The `index`-th single-record edit of the history: a pseudo-random record of `records` renamed
 * (its base name and an edit number), the same on every run. The 10,000 plan renames actions; the
 * 100,000 plan renames contexts and contacts (see bench/page/cold-start-prep.ts).
 */
export function coldStartEdit<T extends AnyRecord>(records: readonly T[], index: number, plan = COLD_START_PLAN): T {
  const record = records[seededRandom(plan.seed + index + 1)() % records.length] as T;
  return { ...record, name: `${record.name.replace(/ \[edit \d+\]$/, '')} [edit ${index + 1}]` };
}
