import { describe, expect, it } from 'vitest';
import { ModelError } from '../../model/index.ts';
import { describeError } from './describe-error.ts';

describe('describeError', () => {
  it('shows a ModelError as its message, which is written for the person', () => {
    expect(describeError(new ModelError('refused', 'Cannot delete “Ann”: used by “Call bank”.'))).toBe('Cannot delete “Ann”: used by “Call bank”.');
  });

  it('says any other failure was not saved', () => {
    expect(describeError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(
      'The change could not be saved: The quota has been exceeded..',
    );
    expect(describeError('boom')).toBe('The change could not be saved: boom.');
    expect(describeError(new Error(''))).toBe('The change could not be saved: unknown error.');
  });
});
