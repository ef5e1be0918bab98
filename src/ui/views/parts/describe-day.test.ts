import { describe, expect, it } from 'vitest';
import { describeDay, dueWords } from './describe-day.ts';

describe('describeDay', () => {
  it('names the days next to today, and dates the others', () => {
    // Punctuation inside a full date differs between ICU versions; the words do not.
    expect(describeDay('2026-03-10', '2026-03-10', 'en-GB')).toMatchObject({ short: 'Today', long: expect.stringMatching(/^Today, Tuesday,? 10 March 2026$/), offset: 0 });
    expect(describeDay('2026-03-11', '2026-03-10', 'en-GB').short).toBe('Tomorrow');
    expect(describeDay('2026-03-09', '2026-03-10', 'en-GB').short).toBe('Yesterday');
    expect(describeDay('2026-03-17', '2026-03-10', 'en-GB')).toMatchObject({ short: expect.stringMatching(/^Tue,? 17 Mar$/), long: expect.stringMatching(/^Tuesday,? 17 March 2026$/), offset: 7 });
  });

  it('counts across a month and a year end', () => {
    expect(describeDay('2027-01-01', '2026-12-31', 'en-GB').short).toBe('Tomorrow');
    expect(describeDay('2026-02-27', '2026-03-02', 'en-GB').offset).toBe(-3);
  });
});

describe('dueWords', () => {
  it('says how late an action is', () => {
    expect(dueWords('2026-03-10', '2026-03-10', 'en-GB')).toBe('due today');
    expect(dueWords('2026-03-09', '2026-03-10', 'en-GB')).toBe('due yesterday');
    expect(dueWords('2026-03-07', '2026-03-10', 'en-GB')).toBe('3 days overdue');
    expect(dueWords('2026-03-17', '2026-03-10', 'en-GB')).toMatch(/^due Tue,? 17 Mar$/);
    expect(dueWords(undefined, '2026-03-10', 'en-GB')).toBe('due');
  });
});
