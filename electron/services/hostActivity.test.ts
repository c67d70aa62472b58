import { describe, expect, it } from 'vitest';
import { HostActivity } from './hostActivity.ts';

/** Whether `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
}

describe('HostActivity', () => {
  it('gives background work the next turn when no request is in flight or just answered', async () => {
    const activity = new HostActivity();
    expect(await settlesWithin(activity.turn(), 5)).toBe(true);
  });

  it('holds the turn while a request is in flight, and gives it as soon as the last one ends', async () => {
    const activity = new HostActivity({ afterRequestMs: 0 });
    const endFirst = activity.begin();
    const endSecond = activity.begin();
    const turn = activity.turn(10_000);
    expect(await settlesWithin(turn, 30)).toBe(false);
    endFirst();
    // Ending the same request twice must not count as the other one ending.
    endFirst();
    expect(activity.requestsInFlight()).toBe(1);
    expect(await settlesWithin(turn, 30)).toBe(false);
    endSecond();
    expect(await settlesWithin(turn, 5)).toBe(true);
    expect(activity.requestsInFlight()).toBe(0);
  });

  it('holds the turn for a while after the last request ended: the page is busy with the answer', async () => {
    const activity = new HostActivity({ afterRequestMs: 60 });
    activity.begin()();
    const started = performance.now();
    await activity.turn(10_000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    // Quiet for long enough: the next turn is at once.
    expect(await settlesWithin(activity.turn(10_000), 5)).toBe(true);
  });

  it('gives the turn after the cap when a request never ends, so the load cannot stall', async () => {
    const activity = new HostActivity();
    activity.begin();
    const started = performance.now();
    await activity.turn(40);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(activity.requestsInFlight()).toBe(1);
  });
});
