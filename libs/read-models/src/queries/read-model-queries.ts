import { businessDateOf, projectStream, type DomainEvent, type LaunchedProject } from '@portfolio/domain';
import { StreamNotFoundError, type EventStore, type StoredEvent } from '@portfolio/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { knownBy, toPosition } from '../database/read-model-tables';
import { diffDocuments, type DocumentDiff } from '../diff/diff-documents';
import { summariseEvent } from '../history/summarise-event';
import type { ProjectionRuntime } from '../projection/projection-runtime';
import { loadSnapshot, type PortfolioSnapshot, type TemporalPoint } from '../temporal/portfolio-snapshot';
import type { PortfolioDocument, ProjectDetail, ProjectSummary, TemporalStamp } from '../views/documents';
import { portfolioDocument } from '../views/portfolio-view';
import { projectDetail, projectSummary } from '../views/project-view';
import { cycleChanges, type CycleChanges } from '../views/cycle-changes';
import { InvalidQueryError, ReadModelNotFoundError } from './query-errors';
import { parseInstant, parsePosition, resolveTemporal, stampOf, type TemporalParameters } from './temporal-parameters';

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` (or `after`) for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export interface ProjectFilters {
  readonly missionCode?: string;
  readonly status?: string;
  readonly health?: string;
  readonly limit?: string;
  readonly cursor?: string;
}

export interface EventFilters {
  readonly after?: string;
  readonly fromPosition?: string;
  readonly toPosition?: string;
  readonly limit?: string;
  readonly type?: string;
  readonly projectId?: string;
  readonly missionCode?: string;
  readonly actor?: string;
  readonly recordedFrom?: string;
  readonly recordedTo?: string;
}

/** The names of the audit log's filters, as query parameters of /events and /audit/export. */
export const EVENT_CRITERIA_NAMES = [
  'type',
  'projectId',
  'missionCode',
  'actor',
  'recordedFrom',
  'recordedTo',
  'fromPosition',
  'toPosition',
] as const;

/** The audit log's filters, validated: what /events and the exports select. */
export interface EventCriteria {
  readonly type?: string;
  readonly projectId?: string;
  readonly missionCode?: string;
  readonly actor?: string;
  readonly recordedFrom?: string;
  readonly recordedTo?: string;
  readonly fromPosition?: bigint;
  readonly toPosition?: bigint;
}

/** Validates the audit-log filters of a query string. */
export function eventCriteria(filters: EventFilters): EventCriteria {
  const criteria: Record<string, unknown> = {
    type: filters.type,
    projectId: filters.projectId,
    missionCode: filters.missionCode,
    actor: filters.actor,
    recordedFrom: instantOf(filters.recordedFrom, 'recordedFrom'),
    recordedTo: instantOf(filters.recordedTo, 'recordedTo'),
    fromPosition: filters.fromPosition === undefined ? undefined : parsePosition(filters.fromPosition, 'fromPosition'),
    toPosition: filters.toPosition === undefined ? undefined : parsePosition(filters.toPosition, 'toPosition'),
  };
  return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined)) as EventCriteria;
}

export interface HistoryItem {
  readonly position: string;
  readonly revision: string;
  readonly type: string;
  readonly businessDate: string;
  readonly recordedAt: string;
  readonly summary: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

export interface ReviewCycleSummary {
  readonly cycleId: string;
  readonly title: string;
  readonly heldOn: string;
  readonly position: string;
  readonly recordedAt: string;
  readonly seal: { sealedPosition: string; merkleRoot: string; eventCount: number; signature: string };
}

export interface ReviewCycleReport extends ReviewCycleSummary {
  readonly previousCycle: { readonly cycleId: string; readonly heldOn: string } | null;
  /** The portfolio at `heldOn` as the committee knew it: up to the sealed position. */
  readonly portfolio: PortfolioDocument;
  readonly changes: CycleChanges;
}

function limitOf(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^[1-9][0-9]{0,5}$/.test(raw) || Number(raw) > max) {
    throw new InvalidQueryError('limit', `limit must be a whole number from 1 to ${max}`);
  }
  return Number(raw);
}

function decodeCursor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const decoded = Buffer.from(raw, 'base64url').toString('utf8');
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(decoded))
    throw new InvalidQueryError('cursor', 'cursor is not one this API gave');
  return decoded;
}

function oneOf<T extends string>(raw: string | undefined, allowed: readonly T[], parameter: string): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new InvalidQueryError(parameter, `${parameter} must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

function instantOf(raw: string | undefined, parameter: string): string | undefined {
  return raw === undefined ? undefined : parseInstant(raw, parameter);
}

/** Every read of §6, framework-free: the API and the CLI call these. */
export class ReadModelQueries {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly runtime: ProjectionRuntime,
    private readonly store: EventStore,
    private readonly today: () => string,
  ) {}

  private get db() {
    return this.database.db;
  }

  private get generation(): number {
    return this.runtime.activeGenerationNumber;
  }

  async resolve(parameters: TemporalParameters): Promise<{ point: TemporalPoint; stamp: TemporalStamp }> {
    const point = await resolveTemporal(parameters, { store: this.store, runtime: this.runtime, today: this.today() });
    return { point, stamp: stampOf(point, await this.recordedAtOf(point.asOf)) };
  }

  async portfolio(parameters: TemporalParameters): Promise<PortfolioDocument> {
    const { point, stamp } = await this.resolve(parameters);
    return portfolioDocument(await loadSnapshot(this.db, this.generation, point), stamp);
  }

  async projects(
    parameters: TemporalParameters,
    filters: ProjectFilters,
  ): Promise<TemporalStamp & Page<ProjectSummary>> {
    const limit = limitOf(filters.limit, 50, 500);
    const after = decodeCursor(filters.cursor);
    const status = oneOf(filters.status, ['active', 'closed'] as const, 'status');
    const health = oneOf(filters.health, ['green', 'amber', 'red'] as const, 'health');
    const { point, stamp } = await this.resolve(parameters);
    const snapshot = await loadSnapshot(this.db, this.generation, point);
    const matching = [...snapshot.projects.values()]
      .map((project) => projectSummary(project, point.at))
      .filter((p) => filters.missionCode === undefined || p.missionCode === filters.missionCode)
      .filter((p) => status === undefined || p.status === status)
      .filter((p) => health === undefined || p.health === health)
      .filter((p) => after === undefined || p.projectId > after)
      .sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
    const items = matching.slice(0, limit);
    const more = matching.length > limit;
    return {
      ...stamp,
      items,
      nextCursor: more ? Buffer.from(items[items.length - 1].projectId).toString('base64url') : null,
    };
  }

  async project(projectId: string, parameters: TemporalParameters): Promise<TemporalStamp & ProjectDetail> {
    const { point, stamp } = await this.resolve(parameters);
    return { ...stamp, ...projectDetail(await this.requireProject(projectId, point), point.at) };
  }

  /** The project's events with metadata and a one-line summary each, oldest first, in pages after a revision. */
  async history(
    projectId: string,
    parameters: TemporalParameters & { readonly after?: string; readonly limit?: string },
  ): Promise<TemporalStamp & Page<HistoryItem>> {
    const limit = limitOf(parameters.limit, 100, 1000);
    const { point, stamp } = await this.resolve(parameters);
    await this.requireProject(projectId, point);
    const items: HistoryItem[] = [];
    let more = false;
    for await (const { stored, event } of this.projectEvents(projectId, point, parameters.after)) {
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(historyItem(stored, event));
    }
    return { ...stamp, items, nextCursor: more ? items[items.length - 1].revision : null };
  }

  /** Each event of the project with the project as it stood right after it: at its business date, known up to it. */
  async replay(
    projectId: string,
    parameters: TemporalParameters & { readonly after?: string; readonly limit?: string },
  ): Promise<TemporalStamp & Page<HistoryItem & { readonly state: ProjectDetail | null }>> {
    const limit = limitOf(parameters.limit, 100, 1000);
    const { point, stamp } = await this.resolve(parameters);
    await this.requireProject(projectId, point);
    const items: (HistoryItem & { state: ProjectDetail | null })[] = [];
    let more = false;
    for await (const { stored, event } of this.projectEvents(projectId, point, parameters.after)) {
      if (items.length === limit) {
        more = true;
        break;
      }
      // The project as any time-travel read would give it at the event's business date, known up to the event.
      const businessDate = businessDateOf(event);
      const snapshot = await loadSnapshot(this.db, this.generation, { at: businessDate, asOf: stored.position }, [
        projectId,
      ]);
      const project = snapshot.projects.get(projectId);
      items.push({
        ...historyItem(stored, event),
        state: project === undefined ? null : projectDetail(project, businessDate),
      });
    }
    return { ...stamp, items, nextCursor: more ? items[items.length - 1].revision : null };
  }

  /** Values by period for one indicator and territory, each with every value recorded for it (restatements). */
  async series(
    projectId: string,
    indicatorId: string,
    parameters: TemporalParameters & { readonly territory?: string },
  ) {
    const territory = parameters.territory ?? 'national:FR';
    if (!/^(national|region|departement):[0-9A-Z]{2,3}$/.test(territory)) {
      throw new InvalidQueryError(
        'territory',
        'territory must be level:code, e.g. national:FR, region:84, departement:2A',
      );
    }
    const { point, stamp } = await this.resolve(parameters);
    const project = await this.requireProject(projectId, point);
    if (!Object.hasOwn(project.indicators, indicatorId)) throw new ReadModelNotFoundError('indicator', indicatorId);
    const rows = await this.db
      .selectFrom('rm_measurements')
      .select(['period', 'value', 'supersedes', 'position', 'recorded_at'])
      .where('generation', '=', this.generation)
      .where('territory_key', '=', territory)
      .where('project_id', '=', projectId)
      .where('indicator_id', '=', indicatorId)
      .where('period', '<=', point.at)
      .where(knownBy(point.asOf))
      .orderBy('period')
      .orderBy('position')
      .execute();
    const byPeriod = new Map<
      string,
      { value: number; position: string; recordedAt: string; supersedes: number | null }[]
    >();
    for (const row of rows) {
      const values = byPeriod.get(row.period) ?? [];
      values.push({
        value: Number(row.value),
        position: toPosition(row.position).toString(),
        recordedAt: row.recorded_at,
        supersedes: row.supersedes === null ? null : Number(row.supersedes),
      });
      byPeriod.set(row.period, values);
    }
    const values = [...byPeriod].map(([period, recorded]) => ({
      period,
      value: recorded[recorded.length - 1].value,
      restated: recorded.length > 1,
      recorded,
    }));
    return { ...stamp, projectId, indicatorId, territory, values };
  }

  async reviewCycles(parameters: TemporalParameters): Promise<TemporalStamp & { items: ReviewCycleSummary[] }> {
    const { point, stamp } = await this.resolve(parameters);
    return { ...stamp, items: await this.cyclesKnownAt(point) };
  }

  async reviewCycle(cycleId: string, parameters: TemporalParameters): Promise<TemporalStamp & ReviewCycleReport> {
    const { point, stamp } = await this.resolve(parameters);
    const cycles = await this.cyclesKnownAt(point);
    const index = cycles.findIndex((c) => c.cycleId === cycleId);
    if (index < 0) throw new ReadModelNotFoundError('review_cycle', cycleId);
    const cycle = cycles[index];
    const previous = index > 0 ? cycles[index - 1] : undefined;
    const current = await this.cycleSnapshot(cycle);
    const before = previous === undefined ? { missions: [], projects: new Map() } : await this.cycleSnapshot(previous);
    return {
      ...stamp,
      ...cycle,
      previousCycle: previous === undefined ? null : { cycleId: previous.cycleId, heldOn: previous.heldOn },
      portfolio: portfolioDocument(current, await this.cycleStamp(cycle)),
      changes: cycleChanges(before, current, cycle.heldOn, previous?.heldOn ?? null),
    };
  }

  /** What differs between two review cycles' portfolios (by default, this cycle against the one before). */
  async reviewCycleDiff(cycleId: string, parameters: TemporalParameters & { readonly against?: string }) {
    const { point, stamp } = await this.resolve(parameters);
    const cycles = await this.cyclesKnownAt(point);
    const index = cycles.findIndex((c) => c.cycleId === cycleId);
    if (index < 0) throw new ReadModelNotFoundError('review_cycle', cycleId);
    const against =
      parameters.against === undefined ? cycles[index - 1] : cycles.find((c) => c.cycleId === parameters.against);
    if (against === undefined) {
      if (parameters.against !== undefined) throw new ReadModelNotFoundError('review_cycle', parameters.against);
      throw new InvalidQueryError('against', `review cycle ${cycleId} is the first: name one to compare it against`);
    }
    const from = portfolioDocument(await this.cycleSnapshot(against), await this.cycleStamp(against));
    const to = portfolioDocument(await this.cycleSnapshot(cycles[index]), await this.cycleStamp(cycles[index]));
    return { ...stamp, from: against.cycleId, to: cycleId, ...comparePortfolios(from, to) };
  }

  /** GET /diff: the portfolio at one (at, asOf) against another. */
  async diff(from: TemporalParameters, to: TemporalParameters) {
    const before = await renamingParameters('from', () => this.portfolio(from));
    const after = await renamingParameters('to', () => this.portfolio(to));
    return {
      from: { at: before.at, asOf: before.asOf },
      to: { at: after.at, asOf: after.asOf },
      ...comparePortfolios(before, after),
    };
  }

  /** GET /events: a page of the audit log, filtered by the event index, oldest first. */
  async events(filters: EventFilters): Promise<Page<unknown>> {
    const limit = limitOf(filters.limit, 100, 1000);
    const after = filters.after === undefined ? undefined : parsePosition(filters.after, 'after');
    const positions = await this.indexedPositions(eventCriteria(filters), after, limit + 1);
    const more = positions.length > limit;
    const events = await this.store.readPositions(positions.slice(0, limit));
    return {
      items: events.map((stored) => ({
        ...historyItem(stored, { type: stored.type, data: stored.data } as unknown as DomainEvent),
        streamId: stored.streamId,
        eventId: stored.eventId,
        hash: stored.hash,
        prevHash: stored.prevHash,
      })),
      nextCursor: more ? events[events.length - 1].position.toString() : null,
    };
  }

  /** Every event the filters select, in position order, read page by page (constant memory, for exports). */
  async *filteredEvents(criteria: EventCriteria, pageSize = 1000): AsyncIterable<StoredEvent> {
    let after = criteria.fromPosition === undefined ? undefined : criteria.fromPosition - 1n;
    for (;;) {
      const positions = await this.indexedPositions(criteria, after, pageSize);
      if (positions.length === 0) return;
      yield* await this.store.readPositions(positions);
      if (positions.length < pageSize) return;
      after = positions[positions.length - 1];
    }
  }

  private async indexedPositions(criteria: EventCriteria, after: bigint | undefined, limit: number): Promise<bigint[]> {
    let query = this.db
      .selectFrom('rm_event_index')
      .select('position')
      .where('generation', '=', this.generation)
      .orderBy('position')
      .limit(limit);
    if (after !== undefined) query = query.where('position', '>', after.toString());
    if (criteria.toPosition !== undefined) query = query.where('position', '<=', criteria.toPosition.toString());
    if (criteria.type !== undefined) query = query.where('type', '=', criteria.type);
    if (criteria.projectId !== undefined) query = query.where('project_id', '=', criteria.projectId);
    if (criteria.missionCode !== undefined) query = query.where('mission_code', '=', criteria.missionCode);
    if (criteria.actor !== undefined) query = query.where('actor_id', '=', criteria.actor);
    if (criteria.recordedFrom !== undefined) query = query.where('recorded_at', '>=', criteria.recordedFrom);
    if (criteria.recordedTo !== undefined) query = query.where('recorded_at', '<=', criteria.recordedTo);
    return (await query.execute()).map((row) => toPosition(row.position));
  }

  private async *projectEvents(
    projectId: string,
    point: TemporalPoint,
    afterRevision: string | undefined,
  ): AsyncIterable<{ stored: StoredEvent; event: DomainEvent }> {
    const fromRevision = afterRevision === undefined ? 0n : parsePosition(afterRevision, 'after') + 1n;
    try {
      for await (const stored of this.store.readStream(projectStream(projectId), {
        fromRevision,
        toPosition: point.asOf,
      })) {
        const event = { type: stored.type, data: stored.data } as unknown as DomainEvent;
        if (businessDateOf(event) <= point.at) yield { stored, event };
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new ReadModelNotFoundError('project', projectId);
      throw error;
    }
  }

  /** The project as it stands at the point, or 404: every read of one project agrees on whether it exists. */
  private async requireProject(projectId: string, point: TemporalPoint): Promise<LaunchedProject> {
    const project = (await loadSnapshot(this.db, this.generation, point, [projectId])).projects.get(projectId);
    if (project === undefined) throw new ReadModelNotFoundError('project', projectId);
    return project;
  }

  private async cyclesKnownAt(point: TemporalPoint): Promise<ReviewCycleSummary[]> {
    const rows = await this.db
      .selectFrom('rm_review_cycles')
      .select(['cycle_id', 'position', 'held_on', 'recorded_at', 'data'])
      .where('generation', '=', this.generation)
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

  private cycleSnapshot(cycle: ReviewCycleSummary): Promise<PortfolioSnapshot> {
    return loadSnapshot(this.db, this.generation, { at: cycle.heldOn, asOf: BigInt(cycle.seal.sealedPosition) });
  }

  private async cycleStamp(cycle: ReviewCycleSummary): Promise<TemporalStamp> {
    const asOf = BigInt(cycle.seal.sealedPosition);
    return stampOf({ at: cycle.heldOn, asOf }, await this.recordedAtOf(asOf));
  }

  private async recordedAtOf(position: bigint): Promise<string | null> {
    const row = await this.db
      .selectFrom('rm_event_index')
      .select('recorded_at')
      .where('generation', '=', this.generation)
      .where('position', '<=', position.toString())
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.recorded_at ?? null;
  }
}

/** Runs a read whose parameters the caller sent prefixed (`fromAt`), so that a refusal names what was sent. */
async function renamingParameters<T>(prefix: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof InvalidQueryError)) throw error;
    const sent = `${prefix}${error.parameter[0].toUpperCase()}${error.parameter.slice(1)}`;
    throw new InvalidQueryError(sent, error.message.replace(error.parameter, sent));
  }
}

function historyItem(stored: StoredEvent, event: DomainEvent): HistoryItem {
  return {
    position: stored.position.toString(),
    revision: stored.revision.toString(),
    type: stored.type,
    businessDate: businessDateOf(event),
    recordedAt: stored.recordedAt,
    summary: summariseEvent(event),
    data: stored.data,
    metadata: stored.metadata,
  };
}

/** Compares the missions of two portfolio documents (their stamps differ by construction, so they are left out). */
function comparePortfolios(before: PortfolioDocument, after: PortfolioDocument): DocumentDiff {
  return diffDocuments(
    JSON.parse(JSON.stringify({ missions: before.missions, totals: before.totals })),
    JSON.parse(JSON.stringify({ missions: after.missions, totals: after.totals })),
  );
}
