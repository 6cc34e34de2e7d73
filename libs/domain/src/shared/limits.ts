/** Bounds on inputs, shared with the request DTOs so that both layers refuse exactly the same values. */
export const LIMITS = {
  /** Titles, names, labels, units, organisations, sources' names, deciders. */
  shortText: 200,
  /** Objectives, descriptions, reasons, notes, evidence, sources. */
  longText: 2000,
  /** Milestones or indicators in one plan, or in one list of a redesign's changes. */
  planItems: 500,
  /** Measurements in one RecordMeasurements command (one atomic append). */
  batchSize: 10_000,
  /** Decimal places a measured value may be given with. */
  decimals: 10,
  /** How many days after today a measured period may end: the current month is often reported before it is over. */
  periodLeadDays: 31,
} as const;
