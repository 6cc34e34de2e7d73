import {
  missionDocument,
  missionListDocument,
  type MissionDocument,
  type MissionListDocument,
} from '../views/mission-view';
import { portfolioAt } from './portfolio-at';
import { ReadModelNotFoundError } from './query-errors';
import type { ReadContext } from './read-context';
import type { TemporalQuery } from './temporal-query';

// The missions are the portfolio's, read at the same (at, asOf): a mission is known when it is defined by `at` or when
// a project launched by `at` belongs to it.

/** GET /missions: every mission with its roll-up, at (at, asOf). */
export async function missionsAt(context: ReadContext, query: TemporalQuery): Promise<MissionListDocument> {
  return missionListDocument(await portfolioAt(context, query));
}

/** GET /missions/{missionCode}: the mission with its roll-up and its projects at (at, asOf), or 404. */
export async function missionAt(
  context: ReadContext,
  missionCode: string,
  query: TemporalQuery,
): Promise<MissionDocument> {
  const mission = missionDocument(await portfolioAt(context, query), missionCode);
  if (mission === undefined) throw new ReadModelNotFoundError('mission', missionCode);
  return mission;
}
