import { businessDateOf, upcastEvent, type ProjectEvent } from '@portfolio/domain';
import type { StoredEvent } from '@portfolio/event-store';
import type { Insertable } from 'kysely';
import type {
  MeasurementsTable,
  MissionsTable,
  ProjectFactsTable,
  ReleaseValuesTable,
  ReviewCyclesTable,
} from '../database/read-model-tables';
import type { ProjectedRows, Projector } from '../projection/projector';

const PORTFOLIO_TABLES = [
  'rm_missions',
  'rm_project_facts',
  'rm_measurements',
  'rm_release_values',
  'rm_review_cycles',
] as const;
type PortfolioTable = (typeof PORTFOLIO_TABLES)[number];

/**
 * The bi-temporal tables behind every portfolio query (ARCHITECTURE §7): each fact is kept with the position that
 * made it known and its business date, so that any (at, asOf) is a filtered read, never a replay.
 */
export class PortfolioProjector implements Projector<PortfolioTable> {
  readonly name = 'portfolio';
  readonly tables = PORTFOLIO_TABLES;

  async rowsFor(generation: number, events: readonly StoredEvent[]): Promise<ProjectedRows<PortfolioTable>> {
    const missions: Insertable<MissionsTable>[] = [];
    const facts: Insertable<ProjectFactsTable>[] = [];
    const measurements: Insertable<MeasurementsTable>[] = [];
    const releaseValues: Insertable<ReleaseValuesTable>[] = [];
    const cycles: Insertable<ReviewCyclesTable>[] = [];
    for (const stored of events) {
      // In its type's newest schema version: the tables hold one shape whatever version each event was stored in.
      const event = upcastEvent(stored);
      const position = stored.position.toString();
      switch (event.type) {
        case 'MissionDefined':
          missions.push({
            generation,
            mission_code: event.data.missionCode,
            position,
            defined_on: event.data.definedOn,
            data: JSON.stringify(event.data),
          });
          break;
        case 'IndicatorMeasured':
          if (event.data.publishedCurrent === true) {
            // Beside the series: folded with the plan facts into each project's published current values.
            facts.push(factRow(generation, position, event));
          } else {
            measurements.push({
              generation,
              project_id: event.data.projectId,
              indicator_id: event.data.indicatorId,
              territory_key: `${event.data.territory.level}:${event.data.territory.code}`,
              period: event.data.period,
              value: event.data.value,
              supersedes: event.data.supersedes ?? null,
              position,
              recorded_at: stored.recordedAt,
            });
          }
          if (event.data.release !== undefined) {
            const { series, id, publishedOn } = event.data.release;
            releaseValues.push({ generation, position, series, release_id: id, published_on: publishedOn });
          }
          break;
        case 'ProjectLaunched':
        case 'MilestoneReached':
        case 'ProjectRedesigned':
        case 'ProjectClosed':
          facts.push(factRow(generation, position, event));
          break;
        case 'ReviewCycleHeld':
          cycles.push({
            generation,
            cycle_id: event.data.cycleId,
            position,
            held_on: event.data.heldOn,
            recorded_at: stored.recordedAt,
            data: JSON.stringify(event.data),
          });
          break;
        case 'PersonalDataErased':
          // Nothing of the portfolio: the audit log indexes it, the data-subject report reads its stream.
          break;
        default: {
          const unknown: never = event;
          throw new Error(`no projection for event ${JSON.stringify(unknown)}`);
        }
      }
    }
    return {
      rm_missions: missions,
      rm_project_facts: facts,
      rm_measurements: measurements,
      rm_release_values: releaseValues,
      rm_review_cycles: cycles,
    };
  }
}

function factRow(generation: number, position: string, event: ProjectEvent): Insertable<ProjectFactsTable> {
  return {
    generation,
    project_id: event.data.projectId,
    position,
    business_date: businessDateOf(event),
    type: event.type,
    data: JSON.stringify(event.data),
  };
}
