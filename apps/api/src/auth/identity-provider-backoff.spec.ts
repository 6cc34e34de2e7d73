import { IdentityProviderBackoff, KeySetRetryPending, KeySetUnavailable } from './identity-provider-backoff';

describe('IdentityProviderBackoff', () => {
  let now: number;
  const clock = { now: () => now };
  const fail = async (): Promise<never> => {
    throw new Error('HTTP 503');
  };

  beforeEach(() => {
    now = 0;
  });

  it('runs the work while nothing failed, and counts nothing', async () => {
    const backoff = new IdentityProviderBackoff({ clock });
    await expect(backoff.attempt('the JWKS', async () => 'keys')).resolves.toBe('keys');
    await expect(backoff.attempt('the JWKS', async () => 'keys')).resolves.toBe('keys');
    expect(backoff.failures).toBe(0);
  });

  it('does not run the work until the wait after a failure has passed', async () => {
    const backoff = new IdentityProviderBackoff({ initialMs: 5_000, clock });
    let runs = 0;
    const work = async () => {
      runs += 1;
      return fail();
    };
    const failure = await backoff.attempt('the JWKS', work).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KeySetUnavailable);
    expect(failure).not.toBeInstanceOf(KeySetRetryPending);
    expect((failure as Error).message).toBe('HTTP 503; next attempt in 5 s');
    now = 4_999;
    const pending = await backoff.attempt('the JWKS', work).catch((error: unknown) => error);
    expect(pending).toBeInstanceOf(KeySetRetryPending);
    expect((pending as Error).message).toBe('the JWKS is not retried for another 1 s after 1 failure in a row');
    expect(runs).toBe(1);
    now = 5_000;
    await expect(backoff.attempt('the JWKS', work)).rejects.toThrow('HTTP 503; next attempt in 10 s');
    expect(runs).toBe(2);
  });

  it('starts again from the initial wait after a success, and keeps counting every failure', async () => {
    const backoff = new IdentityProviderBackoff({ initialMs: 1_000, maxMs: 3_000, clock });
    for (const wait of [1_000, 2_000, 3_000, 3_000]) {
      await expect(backoff.attempt('x', fail)).rejects.toThrow(`next attempt in ${wait / 1000} s`);
      now += wait;
    }
    await backoff.attempt('x', async () => undefined);
    await expect(backoff.attempt('x', fail)).rejects.toThrow('next attempt in 1 s');
    expect(backoff.failures).toBe(5);
  });

  it('refuses nonsense waits', () => {
    expect(() => new IdentityProviderBackoff({ initialMs: 0 })).toThrow(RangeError);
    expect(() => new IdentityProviderBackoff({ maxMs: 1.5 })).toThrow(RangeError);
  });
});
