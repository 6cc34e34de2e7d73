import type {
  DomainEvent,
  IndicatorMeasured,
  MilestoneReached,
  MissionDefined,
  PlanChanges,
  ProjectClosed,
  ProjectLaunched,
  ProjectRedesigned,
  ReviewCycleHeld,
  Territory,
} from '@portfolio/domain';
import { countOf, formatNumber, oneLine, quoted } from './plain-text';

/**
 * A one-line English account of an event for the history a reviewer reads (GET /projects/{id}/history): it names the
 * ids, values and dates, says how late a milestone was and when a value restates an earlier one.
 */
export function summariseEvent(event: DomainEvent): string {
  switch (event.type) {
    case 'MissionDefined':
      return summariseMissionDefined(event.data);
    case 'ProjectLaunched':
      return summariseProjectLaunched(event.data);
    case 'MilestoneReached':
      return summariseMilestoneReached(event.data);
    case 'IndicatorMeasured':
      return summariseIndicatorMeasured(event.data);
    case 'ProjectRedesigned':
      return summariseProjectRedesigned(event.data);
    case 'ProjectClosed':
      return summariseProjectClosed(event.data);
    case 'ReviewCycleHeld':
      return summariseReviewCycleHeld(event.data);
    default:
      return unhandled(event);
  }
}

function summariseMissionDefined(data: MissionDefined['data']): string {
  const summary = `Defined mission ${data.missionCode} ${quoted(data.name)} in programme ${oneLine(data.programme)} on ${data.definedOn}`;
  return data.description === undefined ? summary : `${summary} — ${quoted(data.description)}`;
}

function summariseProjectLaunched(data: ProjectLaunched['data']): string {
  const plan = `${countOf(data.milestones.length, 'milestone')} and ${countOf(data.indicators.length, 'indicator')}`;
  return (
    `Launched ${quoted(data.title)} in mission ${data.missionCode} on ${data.launchedOn} with ${plan}` +
    ` (lead: ${oneLine(data.leadOrganisation)})`
  );
}

function summariseMilestoneReached(data: MilestoneReached['data']): string {
  // daysLate is 0 when on time; it is never negative, but an early date would still not be late.
  const timing = data.daysLate > 0 ? `${countOf(data.daysLate, 'day')} late` : 'on time';
  const summary = `Reached milestone ${data.milestoneId} on ${data.reachedOn}, ${timing}`;
  return data.evidence === undefined ? summary : `${summary} (evidence: ${oneLine(data.evidence)})`;
}

function summariseIndicatorMeasured(data: IndicatorMeasured['data']): string {
  const where = `for the period ending ${data.period} (${territoryLabel(data.territory)})`;
  // A restatement is told apart by `supersedes`, which may legitimately be 0.
  const summary =
    data.supersedes === undefined
      ? `Measured ${data.indicatorId} = ${formatNumber(data.value)} ${where}`
      : `Restated ${data.indicatorId} ${where}: ${formatNumber(data.supersedes)} → ${formatNumber(data.value)}`;
  return data.source === undefined ? summary : `${summary}, source: ${oneLine(data.source)}`;
}

function territoryLabel(territory: Territory): string {
  switch (territory.level) {
    case 'national':
      return `national ${territory.code}`;
    case 'region':
      return `region ${territory.code}`;
    case 'departement':
      return `department ${territory.code}`;
    default:
      return unhandled(territory.level);
  }
}

function summariseProjectRedesigned(data: ProjectRedesigned['data']): string {
  const by = data.decidedBy === undefined ? '' : ` by ${oneLine(data.decidedBy)}`;
  return `Redesigned (plan v${data.planVersion}) on ${data.decidedOn}${by}: ${describeChanges(data.changes)} — ${quoted(data.reason)}`;
}

/** The changes as counts, in a fixed order: objective, then milestones, then indicators. */
function describeChanges(changes: PlanChanges): string {
  const { milestones, indicators } = changes;
  const parts = [
    changes.objective === undefined ? undefined : 'changed the objective',
    counted('added', milestones.added.length, 'milestone'),
    counted('removed', milestones.removed.length, 'milestone'),
    counted('rescheduled', milestones.rescheduled.length, 'milestone'),
    counted('added', indicators.added.length, 'indicator'),
    counted('retired', indicators.retired.length, 'indicator'),
    counted('retargeted', indicators.retargeted.length, 'indicator'),
  ].filter((part) => part !== undefined);
  // The domain refuses a redesign that changes nothing; an old or hand-made event still gets a readable line.
  return parts.length === 0 ? 'no change to the plan' : parts.join(', ');
}

function counted(verb: string, count: number, noun: string): string | undefined {
  return count === 0 ? undefined : `${verb} ${countOf(count, noun)}`;
}

function summariseProjectClosed(data: ProjectClosed['data']): string {
  return `Closed as ${data.outcome} on ${data.closedOn}: ${oneLine(data.note)}`;
}

function summariseReviewCycleHeld(data: ReviewCycleHeld['data']): string {
  // The sealed position is a 64-bit decimal string, an identifier rather than a quantity: printed as stored.
  return (
    `Held review cycle ${data.cycleId} ${quoted(data.title)} on ${data.heldOn},` +
    ` sealing ${countOf(data.eventCount, 'event')} up to position ${data.sealedPosition}`
  );
}

// Compilation fails here when a union member is not handled; at run time, an unknown value (e.g. an event type read
// from a newer schema) fails loudly rather than producing a misleading summary.
function unhandled(value: never): never {
  throw new Error(`cannot summarise ${JSON.stringify(value)}`);
}
