import { toPosition } from '../database/read-model-tables';
import { loadSnapshot, type PortfolioSnapshot, type TemporalPoint } from '../temporal/portfolio-snapshot';
import type { TemporalStamp } from '../views/documents';
import { ReadModelNotFoundError } from './query-errors';
import type { ReadContext } from './read-context';
import { stampOf } from './temporal-query';

/** A CITP review as held, with the seal of the history it saw. */
export interface ReviewCycleSummary {
  readonly cycleId: string;
  readonly title: string;
  readonly heldOn: string;
  readonly position: string;
  readonly recordedAt: string;
  readonly seal: { sealedPosition: string; merkleRoot: string; eventCount: number; signature: string };
}

/** The cycles held by `at` and recorded by `asOf`, in the order they were held. */
export async function cyclesKnownAt(context: ReadContext, point: TemporalPoint): Promise<ReviewCycleSummary[]> {
  const rows = await context.db
    .selectFrom('rm_review_cycles')
    .select(['cycle_id', 'position', 'held_on', 'recorded_at', 'data'])
    .where('generation', '=', context.projections.activeGenerationNumber)
    .where('position', '<=', point.asOf.toString())
    .where('held_on', '<=', point.at)
    .orderBy('held_on')
    .orderBy('position')
    .execute();
  return rows.map((row) => {
    const data = JSON.parse(row.data) as Record<string, never>;
    return {
      cycleId: row.cycle_id,
      title: data.title,
      heldOn: row.held_on,
      position: toPosition(row.position).toString(),
      recordedAt: row.recorded_at,
      seal: {
        sealedPosition: data.sealedPosition,
        merkleRoot: data.merkleRoot,
        eventCount: data.eventCount,
        signature: data.signature,
      },
    };
  });
}

/** Where `cycleId` stands among the cycles, or 404. */
export function indexOfCycle(cycles: readonly ReviewCycleSummary[], cycleId: string): number {
  const index = cycles.findIndex((c) => c.cycleId === cycleId);
  if (index < 0) throw new ReadModelNotFoundError('review_cycle', cycleId);
  return index;
}

/** What a committee saw: the portfolio at its date, known up to the position it sealed. */
export function cyclePoint(cycle: ReviewCycleSummary): TemporalPoint {
  return { at: cycle.heldOn, asOf: BigInt(cycle.seal.sealedPosition) };
}

export function cycleSnapshot(context: ReadContext, cycle: ReviewCycleSummary): Promise<PortfolioSnapshot> {
  return loadSnapshot(context, cyclePoint(cycle));
}

export function cycleStamp(context: ReadContext, cycle: ReviewCycleSummary): Promise<TemporalStamp> {
  return stampOf(context, cyclePoint(cycle));
}
