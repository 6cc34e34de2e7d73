import { foldProject, type DomainEvent, type LaunchedProject, type ProjectEvent } from '@portfolio/domain';
import { revealedData, type ReadContext } from '../queries/read-context';
import { latestNationalValues } from './latest-national-values';
import { withTerritorialValues } from './latest-territorial-values';

/** A point of the bi-temporal plane: business date `at` (YYYY-MM-DD), knowledge up to position `asOf`. */
export interface TemporalPoint {
  readonly at: string;
  readonly asOf: bigint;
}

export interface MissionFacts {
  readonly missionCode: string;
  readonly name: string;
  readonly programme: string;
  readonly definedOn: string;
  readonly description: string | null;
}

/** The whole portfolio as it stood at `at`, as known at `asOf`. */
export interface PortfolioSnapshot {
  readonly missions: readonly MissionFacts[];
  /**
   * Launched projects, by id; their measurements hold each indicator's latest national value, or, for an indicator
   * with none whose national values are made from its territories, each of those territories' latest value.
   */
  readonly projects: ReadonlyMap<string, LaunchedProject>;
}

/**
 * Loads a snapshot without replaying the log: the few plan facts of each project (launch, milestones, redesigns,
 * closure) are folded with the domain's evolve, and each indicator's latest national value is read from the
 * bi-temporal measurement table (see latestNationalValues), for whatever (at, asOf).
 */
export async function loadSnapshot(
  context: Pick<ReadContext, 'db' | 'projections' | 'revealData'>,
  point: TemporalPoint,
  projectIds?: readonly string[],
): Promise<PortfolioSnapshot> {
  const { db } = context;
  const generation = context.projections.activeGenerationNumber;
  const asOf = point.asOf.toString();
  const missionRows = await db
    .selectFrom('rm_missions')
    .select('data')
    .where('generation', '=', generation)
    .where('position', '<=', asOf)
    .where('defined_on', '<=', point.at)
    .orderBy('mission_code')
    .execute();
  let facts = db
    .selectFrom('rm_project_facts')
    .select(['project_id', 'type', 'data'])
    .where('generation', '=', generation)
    .where('position', '<=', asOf)
    .where('business_date', '<=', point.at);
  if (projectIds !== undefined) facts = facts.where('project_id', 'in', projectIds.length > 0 ? projectIds : ['']);
  const factRows = await facts.orderBy('position').execute();
  const factData = await revealedData<unknown>(
    context,
    factRows.map((row) => row.data),
  );

  const eventsByProject = new Map<string, ProjectEvent[]>();
  for (const [index, row] of factRows.entries()) {
    const events = eventsByProject.get(row.project_id) ?? [];
    events.push({ type: row.type, data: factData[index] } as unknown as ProjectEvent);
    eventsByProject.set(row.project_id, events);
  }
  const latest = await latestNationalValues(db, generation, point, projectIds);
  const projects = new Map<string, LaunchedProject>();
  for (const [projectId, events] of eventsByProject) {
    const state = foldProject(events);
    if (state.status === 'not_launched') continue;
    const withNational = { ...state, measurements: latest.get(projectId) ?? {} };
    projects.set(projectId, await withTerritorialValues(db, generation, point, withNational));
  }
  return {
    missions: missionRows.map((row) =>
      missionFacts(JSON.parse(row.data) as Extract<DomainEvent, { type: 'MissionDefined' }>['data']),
    ),
    projects,
  };
}

function missionFacts(data: Extract<DomainEvent, { type: 'MissionDefined' }>['data']): MissionFacts {
  return {
    missionCode: data.missionCode,
    name: data.name,
    programme: data.programme,
    definedOn: data.definedOn,
    description: data.description ?? null,
  };
}
