import { AuthFailureThrottle, DEFAULT_AUTH_THROTTLE } from './auth-failure-throttle';

describe('AuthFailureThrottle', () => {
  let now: number;
  const clock = { now: () => now };
  const throttle = (options: { limit?: number; maxClients?: number } = {}) =>
    new AuthFailureThrottle({ limit: 3, windowMs: 60_000, maxClients: 100, clock, ...options });

  beforeEach(() => {
    now = 1_000_000;
  });

  it('refuses a client once it has failed `limit` times in its window, until the window ends', () => {
    const subject = throttle();
    for (let i = 0; i < 3; i += 1) {
      expect(subject.retryAfterSeconds('10.0.0.1')).toBeUndefined();
      subject.recordFailure('10.0.0.1');
      now += 1_000;
    }
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(57);
    expect(subject.retryAfterSeconds('10.0.0.2')).toBeUndefined();
    now = 1_000_000 + 59_500;
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(1);
    now = 1_000_000 + 60_000;
    expect(subject.retryAfterSeconds('10.0.0.1')).toBeUndefined();
    expect(subject.size).toBe(0);
  });

  it('starts a fresh count after the window', () => {
    const subject = throttle();
    subject.recordFailure('a');
    subject.recordFailure('a');
    now += 60_000;
    subject.recordFailure('a');
    subject.recordFailure('a');
    expect(subject.retryAfterSeconds('a')).toBeUndefined();
    subject.recordFailure('a');
    expect(subject.retryAfterSeconds('a')).toBe(60);
  });

  it('keeps at most maxClients, forgetting ended windows first, then the oldest', () => {
    const subject = throttle({ limit: 1, maxClients: 3 });
    subject.recordFailure('old');
    now += 30_000;
    subject.recordFailure('b');
    subject.recordFailure('c');
    now += 30_000; // 'old' has ended
    subject.recordFailure('d');
    expect(subject.size).toBe(3);
    expect(subject.retryAfterSeconds('b')).toBe(30);
    subject.recordFailure('e'); // full of live windows: 'b', the oldest, goes
    expect(subject.size).toBe(3);
    expect(subject.retryAfterSeconds('b')).toBeUndefined();
    expect(['c', 'd', 'e'].map((client) => subject.retryAfterSeconds(client))).toEqual([30, 60, 60]);
  });

  it('stays bounded under a flood of addresses', () => {
    const subject = throttle({ maxClients: 1_000 });
    for (let i = 0; i < 50_000; i += 1) subject.recordFailure(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(subject.size).toBe(1_000);
  });

  it('defaults to 20 failures a minute and refuses nonsense limits', () => {
    expect(DEFAULT_AUTH_THROTTLE).toMatchObject({ limit: 20, windowMs: 60_000 });
    expect(() => new AuthFailureThrottle({ limit: 0 })).toThrow(RangeError);
    expect(() => new AuthFailureThrottle({ windowMs: 1.5 })).toThrow(RangeError);
  });
});
