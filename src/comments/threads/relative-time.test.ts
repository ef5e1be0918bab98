import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('formatRelativeTime', () => {
  it('picks the largest unit that fits', () => {
    expect(formatRelativeTime(ago(5), NOW, 'en')).toBe('5 seconds ago');
    expect(formatRelativeTime(ago(3 * 60), NOW, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime(ago(2 * 3600), NOW, 'en')).toBe('2 hours ago');
    expect(formatRelativeTime(ago(86_400), NOW, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(3 * 7 * 86_400), NOW, 'en')).toBe('3 weeks ago');
    expect(formatRelativeTime(ago(400 * 86_400), NOW, 'en')).toBe('last year');
  });

  it('speaks of the future too, and in other languages', () => {
    expect(formatRelativeTime(new Date(NOW.getTime() + 2 * 86_400_000), NOW, 'en')).toBe('in 2 days');
    expect(formatRelativeTime(ago(3 * 60), NOW, 'de')).toBe('vor 3 Minuten');
  });
});
