import type { MissionView, PortfolioDocument, PortfolioTotals, ProjectSummary, TemporalStamp } from './documents';
import { projectCounts } from './portfolio-view';
import { mean, projectProgress } from './project-progress';

export { projectProgress, type ProjectProgress } from './project-progress';

// Pure: from the portfolio document at (at, asOf) to the missions' documents, each mission rolled up from its
// projects' summaries.
//
// Progress rule. PILOTE (the DITP's tool behind the Baromètre) averages the progress of a reform's indicators weighted
// by a share declared for each indicator and level (national, regional, departmental), renormalised over the
// indicators that apply. The ledger records no such weight, for indicators or for projects: every project counts the
// same, and so does every indicator within a project.

/** The mission's progress: the mean of its projects' progress, and the projects left out of it. */
export interface MissionProgress {
  /** Mean of the progress of the projects that have one, in percent within [0, 100]; null when none has. */
  readonly mean: number | null;
  /** Projects in the mean. */
  readonly measured: number;
  /**
   * Projects left out: no live indicator with a target, so nothing to progress toward (monitored through milestones,
   * or through series without a target, only).
   */
  readonly notApplicable: number;
  /** Projects left out: live indicators, none with a national value known yet. */
  readonly notYetMeasured: number;
}

/** A mission's projects counted as the portfolio's totals count them, their late milestones, and its progress. */
export interface MissionRollUp extends Omit<PortfolioTotals, 'missions'> {
  /** Milestones overdue at `at` and milestones reached after their due date. */
  readonly lateMilestones: number;
  readonly progress: MissionProgress;
}

/** A mission as defined (its facts are null while its definition is dated after `at`) with its roll-up. */
export interface MissionSummary extends Omit<MissionView, 'projects'> {
  readonly rollUp: MissionRollUp;
}

/** GET /missions. */
export interface MissionListDocument extends TemporalStamp {
  readonly missions: readonly MissionSummary[];
}

/** GET /missions/{missionCode}: the roll-up and the projects' summaries, as the portfolio gives them. */
export interface MissionDocument extends TemporalStamp, MissionSummary {
  readonly projects: readonly ProjectSummary[];
}

/** The roll-up of a mission's projects: every project counts, closed ones included (with their last progress). */
export function missionRollUp(projects: readonly ProjectSummary[]): MissionRollUp {
  const counts = projectCounts(projects);
  const progress = projects.map(projectProgress);
  const percents = progress.filter((p): p is number => typeof p === 'number');
  return {
    ...counts,
    lateMilestones: counts.milestones.overdue + counts.milestones.reachedLate,
    progress: {
      mean: percents.length === 0 ? null : mean(percents),
      measured: percents.length,
      notApplicable: progress.filter((p) => p === 'not_applicable').length,
      notYetMeasured: progress.filter((p) => p === 'not_yet_measured').length,
    },
  };
}

function missionSummary({ projects, ...facts }: MissionView): MissionSummary {
  return { ...facts, rollUp: missionRollUp(projects) };
}

function stampOf({ at, asOf }: PortfolioDocument): TemporalStamp {
  return { at, asOf };
}

/** Every mission of the portfolio, by code, with its roll-up; stamped as the portfolio is. */
export function missionListDocument(portfolio: PortfolioDocument): MissionListDocument {
  return { ...stampOf(portfolio), missions: portfolio.missions.map(missionSummary) };
}

/** The mission of the portfolio with that code, with its roll-up and its projects; undefined when it has none. */
export function missionDocument(portfolio: PortfolioDocument, missionCode: string): MissionDocument | undefined {
  const mission = portfolio.missions.find((candidate) => candidate.missionCode === missionCode);
  return mission === undefined
    ? undefined
    : { ...stampOf(portfolio), ...missionSummary(mission), projects: mission.projects };
}
