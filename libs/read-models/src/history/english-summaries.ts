import type { PlanChanges, Territory } from '@portfolio/domain';
import { countOf, formatNumber, oneLine, quoted } from './plain-text';
import type { SummaryCatalogue } from './summary-catalogue';

/** The history's summaries in English: they name the ids, values and dates, says how late a milestone was. */
export const ENGLISH_SUMMARIES: SummaryCatalogue = {
  MissionDefined: (data) => {
    const summary = `Defined mission ${data.missionCode} ${quoted(data.name)} in programme ${oneLine(data.programme)} on ${data.definedOn}`;
    return data.description === undefined ? summary : `${summary} — ${quoted(data.description)}`;
  },
  ProjectLaunched: (data) => {
    const plan = `${countOf(data.milestones.length, 'milestone')} and ${countOf(data.indicators.length, 'indicator')}`;
    return (
      `Launched ${quoted(data.title)} in mission ${data.missionCode} on ${data.launchedOn} with ${plan}` +
      ` (lead: ${oneLine(data.leadOrganisation)})`
    );
  },
  MilestoneReached: (data) => {
    // daysLate is 0 when on time; it is never negative, but an early date would still not be late.
    const timing = data.daysLate > 0 ? `${countOf(data.daysLate, 'day')} late` : 'on time';
    const summary = `Reached milestone ${data.milestoneId} on ${data.reachedOn}, ${timing}`;
    return data.evidence === undefined ? summary : `${summary} (evidence: ${oneLine(data.evidence)})`;
  },
  IndicatorMeasured: (data) => {
    const where = `for the period ending ${data.period} (${territoryLabel(data.territory)})`;
    // A restatement is told apart by `supersedes`, which may legitimately be 0.
    const summary =
      data.publishedCurrent === true
        ? `Published current value of ${data.indicatorId} = ${formatNumber(data.value)} ${where}`
        : data.supersedes === undefined
          ? `Measured ${data.indicatorId} = ${formatNumber(data.value)} ${where}`
          : `Restated ${data.indicatorId} ${where}: ${formatNumber(data.supersedes)} → ${formatNumber(data.value)}`;
    return data.source === undefined ? summary : `${summary}, source: ${oneLine(data.source)}`;
  },
  ProjectRedesigned: (data) => {
    const by = data.decidedBy === undefined ? '' : ` by ${oneLine(data.decidedBy)}`;
    return `Redesigned (plan v${data.planVersion}) on ${data.decidedOn}${by}: ${describeChanges(data.changes)} — ${quoted(data.reason)}`;
  },
  ProjectClosed: (data) => `Closed as ${data.outcome} on ${data.closedOn}: ${oneLine(data.note)}`,
  ReviewCycleHeld: (data) =>
    // The sealed position is a 64-bit decimal string, an identifier rather than a quantity: printed as stored.
    `Held review cycle ${data.cycleId} ${quoted(data.title)} on ${data.heldOn},` +
    ` sealing ${countOf(data.eventCount, 'event')} up to position ${data.sealedPosition}`,
  PersonalDataErased: (data) => {
    const scope = data.before === undefined ? '' : ` (retention: months before ${data.before})`;
    return `Erased the personal data of ${data.subjectId} on ${data.erasedOn}${scope}, ${countOf(data.keyIds.length, 'key')} deleted: ${oneLine(data.reason)}`;
  },
};

function territoryLabel(territory: Territory): string {
  return `${TERRITORY_LEVELS[territory.level]} ${territory.code}`;
}

const TERRITORY_LEVELS: Readonly<Record<Territory['level'], string>> = {
  national: 'national',
  region: 'region',
  departement: 'department',
};

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
