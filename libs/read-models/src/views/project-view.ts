import {
  annualRate,
  expectedProgress,
  globalRate,
  isTargeted,
  latestValue,
  milestoneOverdueDays,
  nationalRateBasis,
  projectHealth,
  territoryRateBasis,
  NATIONAL_TERRITORY,
  territoryKey,
  type LaunchedProject,
  type TerritoryLevel,
  type IndicatorDefinition,
} from '@portfolio/domain';
import type {
  IndicatorRates,
  IndicatorView,
  MilestoneCounts,
  MilestoneView,
  ProjectDetail,
  ProjectSummary,
  TerritorialRateView,
} from './documents';

// Pure: from a project's state at (at, asOf) to the documents reviewers read. The state's measurements hold the
// latest national value of each indicator known at that point (see the snapshot loader), its published current values
// the last one each release published by then.

/**
 * Both rates, from the values the release published when it did (so that a monitored series of the plan whose release
 * published VI, VA and VC has them too), else from the plan and the measurements; null for a monitored series without.
 */
function ratesOf(project: LaunchedProject, indicator: IndicatorDefinition): IndicatorRates | null {
  const basis = nationalRateBasis(project, indicator);
  if ('reason' in basis) {
    if (!isTargeted(indicator)) return null;
    return { global: null, annual: null, unavailable: { global: basis.reason, annual: basis.reason } };
  }
  const annual = annualRate(basis);
  return {
    global: globalRate(basis),
    annual: 'reason' in annual ? null : annual,
    unavailable: { global: null, annual: 'reason' in annual ? annual.reason : null },
  };
}

function indicatorViews(project: LaunchedProject, at: string): IndicatorView[] {
  return Object.values(project.indicators)
    .map((indicator) => {
      const latest = latestValue(project.measurements, indicator.indicatorId) ?? null;
      const targeted = isTargeted(indicator);
      const rates = ratesOf(project, indicator);
      return {
        indicatorId: indicator.indicatorId,
        label: indicator.label,
        unit: indicator.unit,
        direction: indicator.direction ?? null,
        baseline: indicator.baseline ?? null,
        target: indicator.target ?? null,
        annualTargets: indicator.annualTargets ?? [],
        nationalFrom: indicator.nationalFrom ?? null,
        retired: indicator.retired,
        latest,
        monitoredOnly: !targeted,
        // A monitored series has no progress in the plan's sense, whatever its release published.
        progress:
          !targeted || rates === null || rates.global === null
            ? null
            : { raw: rates.global.raw, shown: rates.global.percent },
        rates,
        expectedProgress: targeted ? expectedProgress(indicator, at) : null,
      };
    })
    .sort((a, b) => a.indicatorId.localeCompare(b.indicatorId));
}

export function milestoneViews(project: LaunchedProject, at: string): MilestoneView[] {
  return Object.entries(project.milestones)
    .map(([milestoneId, milestone]) => ({
      milestoneId,
      title: milestone.title,
      dueOn: milestone.dueOn,
      reachedOn: milestone.reachedOn ?? null,
      daysLate: milestone.daysLate ?? null,
      overdueDays: milestoneOverdueDays(milestone, at),
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.milestoneId.localeCompare(b.milestoneId));
}

export function countMilestones(milestones: readonly MilestoneView[]): MilestoneCounts {
  return {
    total: milestones.length,
    reached: milestones.filter((m) => m.reachedOn !== null).length,
    reachedLate: milestones.filter((m) => (m.daysLate ?? 0) > 0).length,
    overdue: milestones.filter((m) => m.overdueDays > 0).length,
  };
}

function summaryOf(project: LaunchedProject, at: string, milestoneList: readonly MilestoneView[]): ProjectSummary {
  const closed = project.status === 'closed' ? project : undefined;
  return {
    projectId: project.projectId,
    missionCode: project.missionCode,
    title: project.title,
    status: project.status,
    outcome: closed?.outcome ?? null,
    health: projectHealth(project, at),
    planVersion: project.planVersion,
    launchedOn: project.launchedOn,
    closedOn: closed?.closedOn ?? null,
    milestones: countMilestones(milestoneList),
    indicators: indicatorViews(project, at),
  };
}

export function projectSummary(project: LaunchedProject, at: string): ProjectSummary {
  return summaryOf(project, at, milestoneViews(project, at));
}

export function projectDetail(project: LaunchedProject, at: string): ProjectDetail {
  const milestoneList = milestoneViews(project, at);
  return {
    ...summaryOf(project, at, milestoneList),
    objective: project.objective,
    leadOrganisation: project.leadOrganisation,
    note: project.status === 'closed' ? project.note : null,
    milestoneList,
    territorialRates: territorialRates(project),
  };
}

/** The global rate of each territory a release published a value of, for the live indicators. */
function territorialRates(project: LaunchedProject): TerritorialRateView[] {
  const national = territoryKey(NATIONAL_TERRITORY);
  return Object.values(project.indicators)
    .filter((indicator) => !indicator.retired)
    .flatMap((indicator) =>
      Object.keys(
        Object.hasOwn(project.publishedCurrent, indicator.indicatorId)
          ? project.publishedCurrent[indicator.indicatorId]
          : {},
      )
        .filter((key) => key !== national)
        .map((key) => {
          const [level, code] = key.split(':') as [TerritoryLevel, string];
          const basis = territoryRateBasis(project, indicator, key);
          const rate = 'reason' in basis ? null : globalRate(basis);
          const unavailable = 'reason' in basis ? basis.reason : null;
          return { indicatorId: indicator.indicatorId, territory: { level, code }, global: rate, unavailable };
        }),
    )
    .sort(
      (a, b) =>
        a.indicatorId.localeCompare(b.indicatorId) ||
        a.territory.level.localeCompare(b.territory.level) ||
        a.territory.code.localeCompare(b.territory.code),
    );
}
