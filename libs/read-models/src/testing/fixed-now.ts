// Test support: the time of day the tests' runtimes read, fixed so that what they stamp with it can be asserted.
export const FIXED_NOW = '2021-06-30T10:00:00.000Z';

export const fixedNow = (): Date => new Date(FIXED_NOW);
