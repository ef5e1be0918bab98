import { describe, expect, it } from 'vitest';
import { mapInGroups, SLICE_MS, TimeSlice, yieldToEventLoop } from './time-slice.ts';

describe('yieldToEventLoop', () => {
  it('lets a task queued before it run first', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('queued task'));
    await yieldToEventLoop();
    order.push('after the yield');
    expect(order).toEqual(['queued task', 'after the yield']);
  });
});

describe('TimeSlice', () => {
  it('is due once its time has run, and its pause then lets queued tasks run', async () => {
    const slice = new TimeSlice();
    const until = performance.now() + SLICE_MS + 1;
    while (performance.now() < until) {
      // work past the slice's time
    }
    expect(slice.due()).toBe(true);
    const order: string[] = [];
    setImmediate(() => order.push('queued task'));
    await slice.pause();
    order.push('next slice');
    expect(order).toEqual(['queued task', 'next slice']);
  });
});

describe('mapInGroups', () => {
  it('gives every result in order, with never more than a group started at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapInGroups([...Array(50).keys()], 8, async (n) => {
      most = Math.max(most, ++running);
      await yieldToEventLoop();
      running--;
      return n * 2;
    });
    expect(results).toEqual([...Array(50).keys()].map((n) => n * 2));
    expect(most).toBe(8);
  });

  it('fails as the first failing item does', async () => {
    const failing = mapInGroups([1, 2, 3], 2, async (n) => {
      if (n === 3) throw new Error('item 3');
      return n;
    });
    await expect(failing).rejects.toThrow('item 3');
  });
});
