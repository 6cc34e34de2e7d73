export { describeSeedSummary } from './describe-seed-summary';
export { seedDemo } from './seed-demo';
export type { SeedOptions, SeedSummary } from './types';
