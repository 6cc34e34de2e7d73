import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles from the first pause up to the longest, and starts over after a reset', () => {
    const backoff = new Backoff(100, 500);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([
      100, 200, 400, 500, 500,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });
});
