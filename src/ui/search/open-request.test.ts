import { describe, expect, it } from 'vitest';
import { registerOpener, requestOpen } from './open-request.ts';

describe('open requests', () => {
  it('open at once in the listening view, and wait for one when none listens', () => {
    const opened: string[] = [];
    const stop = registerOpener((id) => opened.push(`a:${id}`));
    expect(requestOpen('1')).toBe(true);
    stop();
    expect(requestOpen('2')).toBe(false);
    expect(opened).toEqual(['a:1']);
    const stopB = registerOpener((id) => opened.push(`b:${id}`));
    expect(opened).toEqual(['a:1', 'b:2']);
    stopB();
  });

  it('an old view unregistering does not remove the new one', () => {
    const opened: string[] = [];
    const stopOld = registerOpener((id) => opened.push(`old:${id}`));
    const stopNew = registerOpener((id) => opened.push(`new:${id}`));
    stopOld();
    requestOpen('3');
    expect(opened).toEqual(['new:3']);
    stopNew();
  });
});
