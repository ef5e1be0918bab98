import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_NAME, messageName, nameList, quoteName } from './record-name.ts';

describe('messageName', () => {
  it('keeps a name as typed, on one line', () => {
    expect(messageName('Buy milk')).toBe('Buy milk');
    expect(messageName('  Buy\n  milk\t')).toBe('Buy milk');
    expect(messageName('“Quotes” and <html> & $shell')).toBe('“Quotes” and <html> & $shell');
  });

  it('cuts long names to 60 characters with an ellipsis, never inside a character', () => {
    const long = 'x'.repeat(100);
    expect(messageName(long)).toBe(`${'x'.repeat(MAX_MESSAGE_NAME - 1)}…`);
    expect(Array.from(messageName('😀'.repeat(70)))).toHaveLength(MAX_MESSAGE_NAME);
    expect(messageName('y'.repeat(60))).toBe('y'.repeat(60));
  });
});

describe('quoteName and nameList', () => {
  it('quotes with curly quotes and lists at most five', () => {
    expect(quoteName('Alice')).toBe('“Alice”');
    expect(nameList([{ name: 'A' }, { name: 'B' }])).toBe('“A”, “B”');
    expect(nameList([1, 2, 3, 4, 5, 6].map((n) => ({ name: `N${n}` })))).toBe('“N1”, “N2”, “N3”, “N4”, “N5” and 1 more');
  });
});
