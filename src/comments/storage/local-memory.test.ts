// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { LocalMemory } from './local-memory.ts';

describe('LocalMemory', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the name, drafts per form and secrets per remote across instances (reloads)', () => {
    const first = new LocalMemory('http://a/comments.git');
    first.author = 'Ada';
    first.saveDraft('chapter-3#p1', { body: 'Half a thought' });
    first.saveSecret('id-1', 'secret-one-secret-one');
    const again = new LocalMemory('http://a/comments.git');
    expect(again.author).toBe('Ada');
    expect(again.draft('chapter-3#p1')).toEqual({ body: 'Half a thought' });
    expect(again.draft('chapter-3#p2')).toEqual({ body: '' });
    expect(again.secret('id-1')).toBe('secret-one-secret-one');
    expect(new LocalMemory('http://b/comments.git').secret('id-1')).toBeUndefined();
  });

  it('forgets an emptied draft and survives garbage in storage', () => {
    const memory = new LocalMemory('r');
    memory.saveDraft('k', { body: 'x' });
    memory.saveDraft('k', { body: '' });
    expect(localStorage.length).toBe(0);
    localStorage.setItem('git-comments:secrets:r', 'not json');
    localStorage.setItem('git-comments:draft:r:k', '{oops');
    expect(memory.secret('id')).toBeUndefined();
    expect(memory.draft('k')).toEqual({ body: '' });
  });

  it('works without localStorage at all', () => {
    const memory = new LocalMemory('r', null);
    memory.author = 'Ada';
    expect(memory.author).toBe('');
  });
});
