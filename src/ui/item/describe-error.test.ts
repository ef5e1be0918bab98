import { describe, expect, it } from 'vitest';
import { ModelError } from '../../model/index.ts';
import { describeError } from './describe-error.ts';

describe('describeError', () => {
  it('shows a ModelError as its message, which is written for the person', () => {
    expect(describeError(new ModelError('refused', 'Cannot delete “Ann”: used by “Call bank”.'))).toBe('Cannot delete “Ann”: used by “Call bank”.');
  });

  it('says a full storage quota is full, and that earlier changes are safe', () => {
    const text = describeError(new DOMException('', 'QuotaExceededError'));
    expect(text).toMatch(/^Could not save the change: the storage this browser gives Taskgit is full\./);
    expect(text).toContain('Earlier changes are safe');
  });

  it('says any other failure was not saved', () => {
    expect(describeError('boom')).toBe('Could not save the change: boom.');
    expect(describeError(new Error(''))).toBe('Could not save the change: unknown error.');
  });
});
