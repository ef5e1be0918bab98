// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { LocalMemory } from '../storage/index.ts';
import { en } from '../strings/index.ts';
import type { ThreadEntry } from '../threads/index.ts';
import { CommentForm, type CommentRequest } from './comment-form.ts';

function makeForm(onSubmit: (request: CommentRequest) => Promise<string | undefined>): { form: CommentForm; memory: LocalMemory } {
  const memory = new LocalMemory('http://r/comments.git');
  const form = new CommentForm({ strings: en, memory, draftKey: 'chapter-3#block:p1', anchor: { kind: 'block', block: 'p1' }, onSubmit });
  document.body.replaceChildren(form.element);
  return { form, memory };
}

const field = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLTextAreaElement;
const type = (name: string, value: string) => {
  field(name).value = value;
  field(name).dispatchEvent(new Event('input', { bubbles: true }));
  field(name).dispatchEvent(new Event('change', { bubbles: true }));
};
const submit = () => document.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CommentForm', () => {
  beforeEach(() => localStorage.clear());

  it('asks for a name and a body before sending anything', async () => {
    const sent: CommentRequest[] = [];
    makeForm(async (request) => void sent.push(request));
    type('body', 'Text');
    submit();
    await settle();
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(en.needName);
    expect(sent).toEqual([]);
  });

  it('keeps the text as a draft, restored by the next form (a reload), and empties it once posted', async () => {
    const sent: CommentRequest[] = [];
    makeForm(async (request) => void sent.push(request));
    type('author', 'Ada');
    type('body', 'A thought');
    const again = makeForm(async (request) => void sent.push(request));
    expect(field('body').value).toBe('A thought');
    expect(field('author').value).toBe('Ada');
    submit();
    await settle();
    expect(sent).toEqual([{ author: 'Ada', body: 'A thought', parent: null, anchor: { kind: 'block', block: 'p1' } }]);
    expect(field('body').value).toBe('');
    expect(again.memory.draft('chapter-3#block:p1')).toEqual({ body: '' });
  });

  it('keeps what was typed while the last comment was being saved', async () => {
    let finish: (problem: string | undefined) => void = () => undefined;
    makeForm(() => new Promise((resolve) => (finish = resolve)));
    type('author', 'Ada');
    type('body', 'First');
    submit();
    type('body', 'Second, typed meanwhile');
    finish(undefined);
    await settle();
    expect(field('body').value).toBe('Second, typed meanwhile');
  });

  it('keeps the text and shows why when saving fails', async () => {
    makeForm(async () => en.tooManyPending(5));
    type('author', 'Ada');
    type('body', 'Kept');
    submit();
    await settle();
    expect(field('body').value).toBe('Kept');
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(en.tooManyPending(5));
  });

  it('sends a reply with its parent and the parent’s anchor', async () => {
    const sent: CommentRequest[] = [];
    const { form } = makeForm(async (request) => void sent.push(request));
    const parent = { id: 'c1', anchor: { kind: 'quote', block: 'p1', exact: 'x', prefix: '', suffix: '' }, comment: { author: 'Bo' } } as unknown as ThreadEntry;
    form.replyTo(parent);
    expect(document.querySelector('label:nth-of-type(2)')?.textContent).toContain(en.replyBodyLabel);
    type('author', 'Ada');
    type('body', 'Indeed');
    submit();
    await settle();
    expect(sent[0]).toMatchObject({ parent: 'c1', anchor: parent.anchor });
  });
});
