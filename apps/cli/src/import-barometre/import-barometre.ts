import {
  DomainError,
  LIMITS,
  TERRITORY_LEVELS,
  decideLaunchProject,
  decideRedesignProject,
  initialProjectState,
  isIsoDate,
  knownValue,
  type ActiveProject,
  type DefineMission,
  type DomainCommand,
  type IndicatorDefinition,
  type LaunchProject,
  type MeasurementInput,
  type MissionState,
  type ProjectState,
  type RecordMeasurements,
  type RedesignProject,
  type TerritoryLevel,
} from '@portfolio/domain';
import { createHash } from 'node:crypto';
import { readDetail, readSectors, readSynthesis, type DetailRow, type Synthesis } from './barometre-files';
import {
  LEAD_ORGANISATION,
  MISSIONS_DEFINED_ON,
  PROGRAMME,
  UNSECTORED_MISSION,
  bounded,
  missionCodeForSector,
  releaseDateOfFileName,
} from './mapping';
import type { LedgerPort } from '../ledger-port';
import type { ImportOptions, ImportRequest, ImportSummary, RejectedIndicator, RejectedRow } from './types';

export const DEFAULT_BATCH_SIZE = 5000;
/** How many rejected rows the summary lists (all are counted). */
export const REJECTED_LISTED = 100;
const WARNINGS_LISTED = 100;

interface Mission {
  readonly code: string;
  readonly name: string;
}

/** What the import will do for one project (one mesure). */
interface ProjectPlan {
  readonly projectId: string;
  readonly mesure: string;
  readonly mesureSlug: string;
  readonly mission: Mission;
  readonly state: ProjectState;
  /** Rows in file order, of every indicator (those rejected are filtered out before sending). */
  readonly rows: DetailRow[];
  /** Indicator ids in order of first appearance. */
  readonly indicatorIds: string[];
  /** Indicators whose rows were rejected (so that no row is rejected twice). */
  readonly rejectedIndicators: Set<string>;
}

/** The rows of a plan not yet rejected. */
function pendingRows(plan: ProjectPlan): DetailRow[] {
  return plan.rows.filter((row) => !plan.rejectedIndicators.has(row.indicatorId));
}

/** Counters and findings of one run. */
class Findings {
  missionsDefined = 0;
  projectsLaunched = 0;
  projectsRedesigned = 0;
  indicatorsDefined = 0;
  measurementsAdded = 0;
  measurementsRestated = 0;
  measurementsUnchanged = 0;
  batchesSent = 0;
  aborted = false;
  rowsDone = 0;
  readonly rejected: RejectedRow[] = [];
  readonly indicatorsRejected: RejectedIndicator[] = [];
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

  done(rows: number): void {
    this.rowsDone += rows;
    if (rows > 0) this.onProgress?.(this.rowsDone, this.rowsTotal);
  }

  summary(rowsRead: number, fileOrder: readonly string[]): ImportSummary {
    const rank = (file: string) => {
      const index = fileOrder.indexOf(file);
      return index < 0 ? fileOrder.length : index;
    };
    const rejected = [...this.rejected].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
    const warnings =
      this.warnings.length <= WARNINGS_LISTED
        ? [...this.warnings]
        : [...this.warnings.slice(0, WARNINGS_LISTED), `… and ${this.warnings.length - WARNINGS_LISTED} more warnings`];
    return {
      missionsDefined: this.missionsDefined,
      projectsLaunched: this.projectsLaunched,
      projectsRedesigned: this.projectsRedesigned,
      indicatorsDefined: this.indicatorsDefined,
      measurementsAdded: this.measurementsAdded,
      measurementsRestated: this.measurementsRestated,
      measurementsUnchanged: this.measurementsUnchanged,
      rowsRead,
      rowsRejected: rejected.length,
      rejected: rejected.slice(0, REJECTED_LISTED),
      indicatorsRejected: [...this.indicatorsRejected],
      batchesSent: this.batchesSent,
      aborted: this.aborted,
      warnings,
    };
  }
}

/**
 * Imports one release of the Baromètre des résultats de l'action publique (demo-data/barometre/README.md): sectors
 * become missions, mesures projects, indicators the projects' indicators, and each detail row an IndicatorMeasured,
 * recorded through RecordMeasurements batches of `batchSize` rows per project.
 *
 * Every file is read (and checked) before the first command is sent. Re-running an import appends nothing: missions and
 * projects that exist are left alone, batches whose values are all known are not sent, and a batch resent after a
 * crash carries the same idempotency key. A later release appends restatements of the values it changed, and adds the
 * indicators it introduces to existing projects through a RedesignProject.
 *
 * Throws before sending anything when a file is unreadable or lacks a column; throws whatever a port throws other than
 * a DomainError (what was sent before stays). A command refused by the domain rejects its rows and the import goes on.
 */
export async function importBarometre(
  request: ImportRequest,
  ports: LedgerPort,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { today } = request;
  if (!isIsoDate(today)) throw new RangeError(`today ${JSON.stringify(today)} is not a calendar date (YYYY-MM-DD)`);
  const level: TerritoryLevel = request.level ?? 'national';
  if (!TERRITORY_LEVELS.includes(level)) {
    throw new RangeError(`level ${JSON.stringify(level)} is not one of ${TERRITORY_LEVELS.join(', ')}`);
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > LIMITS.batchSize) {
    throw new RangeError(`batchSize ${batchSize} is not a whole number from 1 to ${LIMITS.batchSize}`);
  }
  if (request.releasedOn !== undefined && !isIsoDate(request.releasedOn)) {
    throw new RangeError(`releasedOn ${JSON.stringify(request.releasedOn)} is not a calendar date (YYYY-MM-DD)`);
  }

  // 1. Read every file: a missing column or a file that is not UTF-8 stops the import before anything is sent.
  const sectors = request.secteurs === undefined ? undefined : await readSectors(request.secteurs);
  const synthesis = request.synthese === undefined ? undefined : await readSynthesis(request.synthese);
  const detail = await readDetail(request.detail, level, today);
  const file = detail.table.file;
  const rowsTotal = detail.table.rows.length;
  const findings = new Findings(file, rowsTotal, options.onProgress);
  const releaseDate = request.releasedOn ?? releaseDateOfFileName(file);
  const decidedOn = releaseDate !== undefined && isIsoDate(releaseDate) && releaseDate <= today ? releaseDate : today;
  const source = `${PROGRAMME}, Etalab, ${releaseDate === undefined ? file : `release of ${releaseDate} (${file})`}`;
  const importId = detail.table.sha256.slice(0, 16);

  findings.rejected.push(...detail.rejected, ...(synthesis?.rejected ?? []), ...(sectors?.rejected ?? []));
  findings.warnings.push(...(sectors?.warnings ?? []), ...(synthesis?.warnings ?? []));
  if (sectors === undefined) {
    findings.warnings.push(`no secteurs file: every project goes into mission ${UNSECTORED_MISSION.code}`);
  }
  if (synthesis === undefined) {
    findings.warnings.push(
      'no synthesis file: each new indicator takes its first value (earliest date) as baseline and its last value (latest date) as target' +
        (level === 'national' ? '' : `, from this file's ${level} values`),
    );
  }
  if (detail.repeated > 0) {
    findings.warnings.push(
      `${detail.repeated} rows of ${file} repeat the indicator, territory, period and value of an earlier row and were kept once`,
    );
  }
  findings.done(detail.rejected.length + detail.repeated);

  // 2. Plan: group rows by project, read the ledger, decide which indicators each project gets.
  const plans = await planProjects(detail.rows, ports, sectors?.sectorOf, findings);
  const launches = new Map<ProjectPlan, { readonly command: LaunchProject; readonly definitions: number }>();
  const redesigns = new Map<ProjectPlan, RedesignProject>();
  for (const plan of plans) {
    const definitions = definitionsFor(plan, synthesis, findings);
    if (plan.state.status === 'active') {
      const command = redesignFor(plan, plan.state, definitions, { decidedOn, file, today }, findings);
      if (command !== undefined) redesigns.set(plan, command);
    } else {
      const launch = launchFor(plan, definitions, today, findings);
      if (launch !== undefined) launches.set(plan, launch);
    }
  }

  // 3. Send: missions, then project by project its launch or redesign and its measurement batches.
  const send = async (command: DomainCommand, key: string): Promise<{ readonly appended: number } | undefined> => {
    if (options.signal?.aborted === true) {
      findings.aborted = true;
      return undefined;
    }
    return ports.send(command, key);
  };
  const idempotencyKey = (parts: readonly (string | number)[], command: DomainCommand): string => {
    // The command's own digest in the key: the same key is never sent with another body, whatever changed meanwhile.
    const body = createHash('sha256').update(JSON.stringify(command)).digest('hex').slice(0, 12);
    return ['barometre', importId, ...parts, body].join(':');
  };

  const missionsToDefine = new Map<string, Mission>();
  for (const plan of launches.keys()) missionsToDefine.set(plan.mission.code, plan.mission);
  const refusedMissions = new Map<string, string>();
  for (const mission of missionsToDefine.values()) {
    const state: MissionState = await ports.mission(mission.code);
    if (state.status === 'defined') continue;
    const command: DefineMission = {
      type: 'DefineMission',
      missionCode: mission.code,
      name: mission.name,
      programme: PROGRAMME,
      definedOn: MISSIONS_DEFINED_ON,
    };
    try {
      const sent = await send(command, idempotencyKey(['mission', mission.code], command));
      if (sent === undefined) break;
      findings.missionsDefined += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code !== 'mission_already_defined') refusedMissions.set(mission.code, error.message);
    }
  }

  for (const plan of plans) {
    if (findings.aborted) break;
    const launch = launches.get(plan);
    const redesign = redesigns.get(plan);
    if (plan.state.status !== 'active' && launch === undefined) continue; // every indicator was rejected
    if (launch !== undefined) {
      const refused = refusedMissions.get(plan.mission.code);
      if (refused !== undefined) {
        findings.rejectRows(pendingRows(plan), `mission ${plan.mission.code} could not be defined: ${refused}`);
        continue;
      }
      try {
        const sent = await send(launch.command, idempotencyKey(['launch', plan.projectId], launch.command));
        if (sent === undefined) break;
        findings.projectsLaunched += 1;
        findings.indicatorsDefined += launch.definitions;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        findings.rejectRows(pendingRows(plan), `LaunchProject ${plan.projectId} refused: ${error.message}`);
        continue;
      }
    } else if (redesign !== undefined) {
      const added = redesign.changes.indicators?.added ?? [];
      try {
        const sent = await send(redesign, idempotencyKey(['redesign', plan.projectId], redesign));
        if (sent === undefined) break;
        findings.projectsRedesigned += 1;
        findings.indicatorsDefined += added.length;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        for (const indicator of added) {
          findings.rejectIndicator(plan, indicator.indicatorId, `RedesignProject refused: ${error.message}`);
        }
      }
    }
    const rows = pendingRows(plan);
    const completed = await recordMeasurements(
      plan,
      rows,
      { batchSize, source, send, idempotencyKey },
      ports,
      findings,
    );
    if (!completed) break;
  }

  if (findings.aborted) {
    findings.warnings.push(
      `import aborted after ${findings.rowsDone} of ${rowsTotal} rows: run it again to go on (what was recorded is recognised as unchanged)`,
    );
  }
  return findings.summary(rowsTotal, [file, synthesis?.table.file ?? '', sectors?.table.file ?? '']);
}

/** Groups the rows by project (in order of first appearance) and reads each project's state. */
async function planProjects(
  rows: readonly DetailRow[],
  ports: LedgerPort,
  sectorOf: ReadonlyMap<string, string> | undefined,
  findings: Findings,
): Promise<ProjectPlan[]> {
  const grouped = new Map<string, DetailRow[]>();
  for (const row of rows) {
    const group = grouped.get(row.projectId);
    if (group === undefined) grouped.set(row.projectId, [row]);
    else group.push(row);
  }
  const plans: ProjectPlan[] = [];
  for (const [projectId, projectRows] of grouped) {
    const [first] = projectRows;
    const clash = projectRows.find((row) => row.mesureSlug !== first.mesureSlug);
    const ownRows =
      clash === undefined ? projectRows : projectRows.filter((row) => row.mesureSlug === first.mesureSlug);
    if (clash !== undefined) {
      findings.rejectRows(
        projectRows.filter((row) => row.mesureSlug !== first.mesureSlug),
        `the project id ${projectId} of this mesure is already the id of "${first.mesure}" (line ${first.line})`,
      );
    }
    const indicatorIds = [...new Set(ownRows.map((row) => row.indicatorId))];
    const state = await ports.project(projectId);
    if (state.status === 'closed') {
      findings.rejectRows(ownRows, `project ${projectId} was closed on ${state.closedOn} and takes no measurement`);
      continue;
    }
    plans.push({
      projectId,
      mesure: first.mesure,
      mesureSlug: first.mesureSlug,
      mission: missionOf(projectId, indicatorIds, sectorOf, findings),
      state,
      rows: ownRows,
      indicatorIds,
      rejectedIndicators: new Set(),
    });
  }
  return plans;
}

function missionOf(
  projectId: string,
  indicatorIds: readonly string[],
  sectorOf: ReadonlyMap<string, string> | undefined,
  findings: Findings,
): Mission {
  const sectors = [...new Set(indicatorIds.map((id) => sectorOf?.get(id)).filter((s): s is string => s !== undefined))];
  if (sectorOf !== undefined && sectors.length < indicatorIds.length) {
    const unlisted = indicatorIds.filter((id) => !sectorOf.has(id));
    if (unlisted.length > 0) findings.warnings.push(`${unlisted.join(', ')}: not in the secteurs file`);
  }
  if (sectors.length > 1) {
    findings.warnings.push(
      `project ${projectId} has indicators of sectors ${sectors.join(', ')}: it goes into ${sectors[0]}`,
    );
  }
  if (sectors.length === 0) return UNSECTORED_MISSION;
  const code = missionCodeForSector(sectors[0]);
  if (code === undefined) {
    findings.warnings.push(
      `sector ${JSON.stringify(sectors[0])} gives no mission code: ${projectId} goes into ${UNSECTORED_MISSION.code}`,
    );
    return UNSECTORED_MISSION;
  }
  return { code, name: bounded(sectors[0]) };
}

/**
 * The definition of each indicator of the project the ledger does not know yet: from the synthesis when one is given,
 * otherwise from the indicator's first and last values. Indicators that cannot be defined have their rows rejected.
 */
function definitionsFor(
  plan: ProjectPlan,
  synthesis: Synthesis | undefined,
  findings: Findings,
): IndicatorDefinition[] {
  const definitions: IndicatorDefinition[] = [];
  for (const indicatorId of plan.indicatorIds) {
    const { state } = plan;
    const known =
      state.status === 'active' && Object.hasOwn(state.indicators, indicatorId)
        ? state.indicators[indicatorId]
        : undefined;
    const entry = synthesis?.entries.get(indicatorId);
    if (known !== undefined) {
      if (known.retired) findings.rejectIndicator(plan, indicatorId, `retired from project ${plan.projectId}`);
      else if (entry?.definition !== undefined) warnOnPlanDrift(plan.projectId, known, entry.definition, findings);
      continue;
    }
    if (synthesis !== undefined) {
      if (entry === undefined) {
        findings.rejectIndicator(plan, indicatorId, `no target in the synthesis file (${indicatorId} is not in it)`);
      } else if (entry.definition === undefined) {
        findings.rejectIndicator(plan, indicatorId, `${entry.unusable} (${synthesis.table.file} line ${entry.line})`);
      } else {
        definitions.push(entry.definition);
      }
      continue;
    }
    const derived = derivedDefinition(plan.rows.filter((row) => row.indicatorId === indicatorId));
    if (typeof derived === 'string') findings.rejectIndicator(plan, indicatorId, derived);
    else definitions.push(derived);
  }
  return definitions;
}

/** Without a synthesis: baseline = the value of the earliest date, target = the value of the latest date, by that date. */
function derivedDefinition(rows: readonly DetailRow[]): IndicatorDefinition | string {
  let first = rows[0];
  let last = rows[0];
  for (const row of rows) {
    if (row.period < first.period) first = row;
    if (row.period > last.period) last = row;
  }
  if (first.period === last.period) return 'no synthesis file, and a single date: no target can be derived';
  if (first.value === last.value) {
    return `no synthesis file, and the first and last values are equal (${first.value}): no target can be derived`;
  }
  const label = first.label === '' ? first.indicatorId : first.label;
  if (first.unit === '') return 'the indicator has no unit (unite is empty)';
  return {
    indicatorId: first.indicatorId,
    label: bounded(label),
    unit: bounded(first.unit),
    direction: last.value < first.value ? 'decrease' : 'increase',
    baseline: { value: first.value, on: first.period },
    target: { value: last.value, by: last.period },
  };
}

function warnOnPlanDrift(
  projectId: string,
  known: IndicatorDefinition,
  published: IndicatorDefinition,
  findings: Findings,
): void {
  const describe = (d: IndicatorDefinition) =>
    `baseline ${d.baseline.value} on ${d.baseline.on}, target ${d.target.value} by ${d.target.by}`;
  if (describe(known) !== describe(published)) {
    findings.warnings.push(
      `${projectId}/${known.indicatorId}: the synthesis has ${describe(published)}, the plan in force ${describe(known)}; ` +
        'the plan is left as it is (retargeting is a redesign for the programme office to decide)',
    );
  }
}

function launchCommand(plan: ProjectPlan, indicators: readonly IndicatorDefinition[], today: string): LaunchProject {
  const rows = plan.rows.filter((row) => indicators.some((i) => i.indicatorId === row.indicatorId));
  // Launched on the earliest of its baselines and first values: no measurement or baseline predates the project.
  const dates = [...indicators.map((i) => i.baseline.on), ...rows.map((row) => row.period)];
  const earliest = dates.reduce((min, date) => (date < min ? date : min), today);
  return {
    type: 'LaunchProject',
    projectId: plan.projectId,
    missionCode: plan.mission.code,
    title: bounded(plan.mesure, LIMITS.shortText),
    objective: bounded(plan.mesure, LIMITS.longText),
    leadOrganisation: LEAD_ORGANISATION,
    launchedOn: earliest,
    milestones: [],
    indicators,
  };
}

/** The launch of a new project with the indicators the domain accepts, each tried on its own first. */
function launchFor(
  plan: ProjectPlan,
  definitions: readonly IndicatorDefinition[],
  today: string,
  findings: Findings,
): { readonly command: LaunchProject; readonly definitions: number } | undefined {
  const mission: MissionState = {
    status: 'defined',
    missionCode: plan.mission.code,
    name: plan.mission.name,
    programme: PROGRAMME,
    definedOn: MISSIONS_DEFINED_ON,
  };
  const context = { today };
  const accepted = definitions.filter((definition) => {
    try {
      decideLaunchProject(initialProjectState, mission, launchCommand(plan, [definition], today), context);
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      findings.rejectIndicator(plan, definition.indicatorId, `refused by the domain: ${error.message}`);
      return false;
    }
  });
  if (accepted.length === 0) {
    // Every indicator was rejected, with its rows: a project without indicators is not launched.
    return undefined;
  }
  const command = launchCommand(plan, accepted, today);
  if (command.launchedOn < MISSIONS_DEFINED_ON) {
    findings.warnings.push(
      `project ${plan.projectId} is launched on ${command.launchedOn}, before its mission's definition (${MISSIONS_DEFINED_ON})`,
    );
  }
  return { command, definitions: accepted.length };
}

/** The redesign adding to an existing project the indicators the domain accepts, each tried on its own first. */
function redesignFor(
  plan: ProjectPlan,
  state: ActiveProject,
  definitions: readonly IndicatorDefinition[],
  release: { readonly decidedOn: string; readonly file: string; readonly today: string },
  findings: Findings,
): RedesignProject | undefined {
  if (definitions.length === 0) return undefined;
  const command = (added: readonly IndicatorDefinition[]): RedesignProject => ({
    type: 'RedesignProject',
    projectId: plan.projectId,
    reason: `Baromètre release ${release.file} adds indicators`,
    // Not before the launch: the domain refuses a redesign decided before the project existed.
    decidedOn: release.decidedOn < state.launchedOn ? state.launchedOn : release.decidedOn,
    changes: { indicators: { added } },
  });
  const accepted = definitions.filter((definition) => {
    try {
      decideRedesignProject(state, command([definition]), { today: release.today });
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      findings.rejectIndicator(plan, definition.indicatorId, `refused by the domain: ${error.message}`);
      return false;
    }
  });
  return accepted.length === 0 ? undefined : command(accepted);
}

interface Sending {
  readonly batchSize: number;
  readonly source: string;
  readonly send: (command: DomainCommand, key: string) => Promise<{ readonly appended: number } | undefined>;
  readonly idempotencyKey: (parts: readonly (string | number)[], command: DomainCommand) => string;
}

/**
 * The project's rows in batches of `batchSize`, in file order, each counted against the project as read just before
 * it. A batch whose values are all known is not sent. Returns false when the import was aborted.
 */
async function recordMeasurements(
  plan: ProjectPlan,
  rows: readonly DetailRow[],
  sending: Sending,
  ports: LedgerPort,
  findings: Findings,
): Promise<boolean> {
  for (let start = 0, chunk = 0; start < rows.length; start += sending.batchSize, chunk += 1) {
    const batch = rows.slice(start, start + sending.batchSize);
    const state = await ports.project(plan.projectId);
    const measurements = state.status === 'not_launched' ? {} : state.measurements;
    let added = 0;
    let restated = 0;
    for (const row of batch) {
      // Rows were deduplicated on reading, so no row of a batch restates another one of the same batch.
      const known = knownValue(measurements, row.indicatorId, row.territory, row.period);
      if (known === undefined) added += 1;
      else if (known !== row.value) restated += 1;
    }
    const unchanged = batch.length - added - restated;
    if (added + restated > 0) {
      const command: RecordMeasurements = {
        type: 'RecordMeasurements',
        projectId: plan.projectId,
        measurements: batch.map((row) => measurementOf(row, sending.source)),
      };
      try {
        const sent = await sending.send(command, sending.idempotencyKey(['batch', plan.projectId, chunk], command));
        if (sent === undefined) return false;
        findings.batchesSent += 1;
        if (sent.appended !== added + restated) {
          findings.warnings.push(
            `${plan.projectId} batch ${chunk}: ${added + restated} values were new or changed, the ledger appended ${sent.appended} (written meanwhile by someone else?)`,
          );
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        findings.rejectRows(
          batch,
          `RecordMeasurements refused for the batch of ${batch.length} rows: ${error.message}`,
        );
        continue;
      }
    }
    findings.measurementsAdded += added;
    findings.measurementsRestated += restated;
    findings.measurementsUnchanged += unchanged;
    findings.done(batch.length);
  }
  return true;
}

function measurementOf(row: DetailRow, source: string): MeasurementInput {
  return { indicatorId: row.indicatorId, value: row.value, period: row.period, territory: row.territory, source };
}
