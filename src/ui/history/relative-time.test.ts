import { describe, expect, it } from 'vitest';
import { formatWhen, relativeTime } from './relative-time.ts';

const NOW = new Date('2026-03-04T12:00:00Z');
const ago = (seconds: number): Date => new Date(NOW.getTime() - seconds * 1000);

describe('relativeTime', () => {
  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime(ago(10), NOW, 'en')).toBe('just now');
    expect(relativeTime(ago(60), NOW, 'en')).toBe('1 minute ago');
    expect(relativeTime(ago(5 * 60 + 30), NOW, 'en')).toBe('5 minutes ago');
    expect(relativeTime(ago(2 * 3600), NOW, 'en')).toBe('2 hours ago');
    expect(relativeTime(ago(86_400), NOW, 'en')).toBe('yesterday');
    expect(relativeTime(ago(3 * 7 * 86_400), NOW, 'en')).toBe('3 weeks ago');
    expect(relativeTime(ago(400 * 86_400), NOW, 'en')).toBe('last year');
  });

  it('reads a date in the future (another clock) forwards', () => {
    expect(relativeTime(ago(-120), NOW, 'en')).toBe('in 2 minutes');
  });
});

describe('formatWhen', () => {
  it('shows the date and time in the locale and zone', () => {
    expect(formatWhen(NOW, 'en-US', 'UTC')).toBe('Mar 4, 2026, 12:00 PM');
    expect(formatWhen(NOW, 'en-GB', 'Europe/London')).toBe('4 Mar 2026, 12:00');
  });
});
