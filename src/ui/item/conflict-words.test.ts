import { describe, expect, it } from 'vitest';
import { conflictWords } from './conflict-words.ts';

describe('conflictWords', () => {
  it('uses the note the merge wrote', () => {
    expect(conflictWords({ field: 'name', kept: 'B', discarded: 'A', note: 'Both devices renamed this; kept “B”, discarded “A”.' })).toBe(
      'Both devices renamed this; kept “B”, discarded “A”.',
    );
  });

  it('says what was kept and discarded when there is no note', () => {
    expect(conflictWords({ field: 'state', kept: 'next', discarded: 'done' })).toBe('Both devices changed state: kept “next”, discarded “done”.');
    expect(conflictWords({ field: 'context', kept: 'x' })).toBe('Both devices changed context: kept “x”, the other device removed it.');
    expect(conflictWords({ field: 'name', kept: 'B', discarded: 'A', note: '  ' })).toContain('kept “B”');
  });
});
