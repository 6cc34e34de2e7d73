/**
 * Injection token of the Clock: where the service reads the time of day (today's business date, export, verification
 * and signature stamps), handed to the libraries as an input. The stores stamp `recordedAt` themselves (§4).
 */
export const CLOCK = Symbol('Clock');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// The programme office works on French time: a fact dated "today" in Paris must not be refused as future at 00:30.
const PARIS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (YYYY-MM-DD) in Paris. */
export function todayInParis(clock: Clock): string {
  return PARIS_DATE.format(clock.now());
}
