export { describeSeedSummary } from './describe-seed-summary';
export { factDateOf, idempotencyKeyOf, isBarometreStep, isInLedger, seedDemo } from './seed-demo';
export { PROGRAMME, TECH_GOUV_LAUNCH, TECH_GOUV_PORTFOLIO } from './tech-gouv-portfolio';
export type {
  BarometreImport,
  BarometreRelease,
  BarometreStep,
  CommandStep,
  RefusedStep,
  SeedOptions,
  SeedStep,
  SeedSummary,
} from './types';
