import type { IsoDate } from './iso-date';

/** What a decision needs from the outside world: the business date it is taken on (the domain reads no clock). */
export interface DecisionContext {
  readonly today: IsoDate;
}
