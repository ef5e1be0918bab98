import { describe, expect, it } from 'vitest';
import { SLICE_MS, TimeSlice, yieldToEventLoop } from './time-slice.ts';

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
