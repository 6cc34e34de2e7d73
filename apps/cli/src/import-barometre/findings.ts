import type { IndicatorDefinition } from '@portfolio/domain';
import type {
  FileRead,
  ImportOptions,
  ImportSummary,
  MonitoredIndicator,
  RejectedIndicator,
  RejectedRow,
} from './types';
import type { ProjectPlan } from './project-plans';
import type { DetailRow } from './barometre-files';

/** How many rejected rows the summary lists (all are counted). */
export const REJECTED_LISTED = 100;
const WARNINGS_LISTED = 100;

/** Counters and findings of one import run, and its summary. */
export class Findings {
  missionsDefined = 0;
  projectsLaunched = 0;
  projectsRedesigned = 0;
  projectsRetargeted = 0;
  targetsRevised = 0;
  indicatorsDefined = 0;
  measurementsAdded = 0;
  measurementsRestated = 0;
  measurementsUnchanged = 0;
  batchesSent = 0;
  currentValuesPublished = 0;
  territorialValuesPublished = 0;
  aborted = false;
  rowsDone = 0;
  readonly rejected: RejectedRow[] = [];
  readonly indicatorsRejected: RejectedIndicator[] = [];
  /** By project and indicator id: a monitored series later rejected whole is left out of the summary. */
  private readonly indicatorsMonitored = new Map<string, MonitoredIndicator>();
  readonly warnings: string[] = [];

  constructor(
    private readonly detailFile: string,
    private readonly rowsTotal: number,
    private readonly onProgress: ImportOptions['onProgress'],
  ) {}

  rejectRows(rows: readonly DetailRow[], reason: string): void {
    for (const row of rows) this.rejected.push({ file: this.detailFile, line: row.line, reason });
    this.done(rows.length);
  }

  rejectIndicator(plan: ProjectPlan, indicatorId: string, reason: string): void {
    if (plan.rejectedIndicators.has(indicatorId)) return;
    plan.rejectedIndicators.add(indicatorId);
    this.indicatorsRejected.push({ projectId: plan.projectId, indicatorId, reason });
    this.rejectRows(
      plan.rows.filter((row) => row.indicatorId === indicatorId),
      `indicator ${indicatorId}: ${reason}`,
    );
  }

  /** Notes that the definition is a monitored series (no target), and why; returns it. */
  monitored(plan: ProjectPlan, definition: IndicatorDefinition, reason: string): IndicatorDefinition {
    const { indicatorId } = definition;
    this.indicatorsMonitored.set(`${plan.projectId}/${indicatorId}`, {
      projectId: plan.projectId,
      indicatorId,
      reason,
    });
    return definition;
  }

  done(rows: number): void {
    this.rowsDone += rows;
    if (rows > 0) this.onProgress?.(this.rowsDone, this.rowsTotal);
  }

  summary(rowsRead: number, files: readonly FileRead[]): ImportSummary {
    const rank = (file: string) => {
      const index = files.findIndex((read) => read.file === file);
      return index < 0 ? files.length : index;
    };
    const rejectedIds = new Set(this.indicatorsRejected.map((i) => `${i.projectId}/${i.indicatorId}`));
    const rejected = [...this.rejected].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
    const warnings =
      this.warnings.length <= WARNINGS_LISTED
        ? [...this.warnings]
        : [...this.warnings.slice(0, WARNINGS_LISTED), `… and ${this.warnings.length - WARNINGS_LISTED} more warnings`];
    return {
      files: [...files],
      missionsDefined: this.missionsDefined,
      projectsLaunched: this.projectsLaunched,
      projectsRedesigned: this.projectsRedesigned,
      projectsRetargeted: this.projectsRetargeted,
      targetsRevised: this.targetsRevised,
      indicatorsDefined: this.indicatorsDefined,
      measurementsAdded: this.measurementsAdded,
      measurementsRestated: this.measurementsRestated,
      measurementsUnchanged: this.measurementsUnchanged,
      rowsRead,
      rowsRejected: rejected.length,
      rejected: rejected.slice(0, REJECTED_LISTED),
      indicatorsRejected: [...this.indicatorsRejected],
      indicatorsMonitored: [...this.indicatorsMonitored].flatMap(([key, monitored]) =>
        rejectedIds.has(key) ? [] : [monitored],
      ),
      batchesSent: this.batchesSent,
      currentValuesPublished: this.currentValuesPublished,
      territorialValuesPublished: this.territorialValuesPublished,
      aborted: this.aborted,
      warnings,
    };
  }
}
