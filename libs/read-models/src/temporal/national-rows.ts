// The territory of the values as-of reads show, and the shape in which each way of finding them answers.
export const NATIONAL = 'national:FR';

/** One series' answer: its latest period known at (at, asOf) and the value known last for that period. */
export interface LatestRow {
  readonly project_id: string;
  readonly indicator_id: string;
  readonly period: string;
  readonly value: number | string;
}
