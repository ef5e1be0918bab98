import { describe, expect, it } from 'vitest';
import { clearDraft, readDraft, watchDraft, writeDraft } from './draft-store.ts';

// Node has no localStorage: these run the store's in-memory fallback (the browser path is
// covered by e2e/app/drafts.spec.ts against Chromium's localStorage).
describe('the draft store', () => {
  it('keeps a draft until cleared, and tells the watchers of its key', () => {
    const heard: Array<string | undefined> = [];
    const stop = watchDraft('notes:a', (draft) => heard.push(draft?.text));
    expect(readDraft('notes:a')).toBeUndefined();
    writeDraft('notes:a', 'half a thought', 42);
    writeDraft('notes:b', 'another field');
    expect(readDraft('notes:a')).toEqual({ text: 'half a thought', at: 42 });
    clearDraft('notes:a');
    expect(readDraft('notes:a')).toBeUndefined();
    expect(readDraft('notes:b')?.text).toBe('another field');
    stop();
    writeDraft('notes:a', 'unheard');
    expect(heard).toEqual(['half a thought', undefined]);
  });
});
