// IndexedDB's own quota, met while a fetch's runs are stored (by the page or either worker), is
// said in the same words as a quota foreseen before the fetch; any other error passes unchanged.
import { describe, expect, it } from 'vitest';
import { quotaAsStorageFull, StorageFullError } from './errors.ts';

describe('quotaAsStorageFull', () => {
  it('turns a QuotaExceededError into StorageFullError with the bytes needed', () => {
    const said = quotaAsStorageFull(new DOMException('over quota', 'QuotaExceededError'), 5_000_000, undefined);
    expect(said).toBeInstanceOf(StorageFullError);
    expect((said as StorageFullError).message).toContain('more than 5 MB on this device, but the browser refused to store more');
  });

  it('passes any other error through as it is', () => {
    const other = new DOMException('closing', 'InvalidStateError');
    expect(quotaAsStorageFull(other, 1, 1)).toBe(other);
  });
});
