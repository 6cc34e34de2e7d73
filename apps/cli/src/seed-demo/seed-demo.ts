import {
  DomainError,
  NATIONAL_TERRITORY,
  isIsoDate,
  knownValue,
  type LaunchedProject,
  type DomainCommand,
  type ProjectState,
  type RedesignProject,
} from '@portfolio/domain';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { importBarometre, type ImportSummary } from '../import-barometre';
import type { LedgerPort } from '../ledger-port';
import { TECH_GOUV_PORTFOLIO } from './tech-gouv-portfolio';
import type {
  BarometreImport,
  BarometreRelease,
  BarometreStep,
  CommandStep,
  RefusedStep,
  SeedOptions,
  SeedStep,
  SeedSummary,
} from './types';

/** Refusals meaning "this was done before" (by an earlier seed or by someone else): the step is already there. */
const ALREADY_DONE = new Set<string>([
  'mission_already_defined',
  'already_launched',
  'milestone_already_reached',
  'review_cycle_already_held',
]);

const NO_DATE = '0000-01-01';

export function isBarometreStep(step: SeedStep): step is BarometreStep {
  return 'barometreRelease' in step;
}

/** The idempotency key of a step: its id and a digest of its command, so that a key never carries another body. */
export function idempotencyKeyOf(step: CommandStep): string {
  const digest = createHash('sha256').update(JSON.stringify(step.command)).digest('hex').slice(0, 12);
  return `demo:${step.id}:${digest}`;
}

/** The date of the fact a step records (a review, a launch, a release): the seed cannot be played before it. */
export function factDateOf(step: SeedStep): string {
  if (isBarometreStep(step)) return step.barometreRelease;
  const command = step.command;
  switch (command.type) {
    case 'DefineMission':
      return command.definedOn;
    case 'LaunchProject':
      return command.launchedOn;
    case 'ReachMilestone':
      return command.reachedOn;
    case 'RecordMeasurements':
      // A measured period may end up to 31 days after today: it does not bound today.
      return NO_DATE;
    case 'RedesignProject':
      return command.decidedOn;
    case 'CloseProject':
      return command.closedOn;
    case 'HoldReviewCycle':
      return command.heldOn;
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Seeds the Tech.gouv demo portfolio (tech-gouv-portfolio.ts) through the ledger's ports, step by step in log order,
 * so that every domain rule applies and each review cycle seals the history known when it is held.
 *
 * Seeding twice changes nothing: a step the ledger already holds (read through the ports, or answered from its
 * idempotency key, or refused as already done) is counted and skipped, and a Baromètre release an earlier seed got past
 * is not imported again. A step the domain refuses for another reason is listed in the summary and the seed goes on.
 * Throws before sending anything when `today` is not a date or comes before the demo's last fact; throws whatever a
 * port throws other than a DomainError (what was sent before stays).
 */
export async function seedDemo(ports: LedgerPort, options: SeedOptions): Promise<SeedSummary> {
  const steps = options.steps ?? TECH_GOUV_PORTFOLIO;
  const { today } = options;
  if (!isIsoDate(today)) throw new RangeError(`today ${JSON.stringify(today)} is not a calendar date (YYYY-MM-DD)`);
  const latest = steps.map(factDateOf).reduce((max, date) => (date > max ? date : max), NO_DATE);
  if (latest > today) {
    throw new RangeError(`today (${today}) comes before the demo's last fact (${latest}): the domain would refuse it`);
  }
  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) throw new Error(`step id ${step.id} is used twice`);
    ids.add(step.id);
  }

  let applied = 0;
  let alreadyThere = 0;
  let eventsAppended = 0;
  let aborted = false;
  const refused: RefusedStep[] = [];
  const imports: BarometreImport[] = [];

  for (const [index, step] of steps.entries()) {
    if (options.signal?.aborted === true) {
      aborted = true;
      break;
    }
    if (isBarometreStep(step)) {
      if (await passedInAnEarlierSeed(steps, index, ports)) {
        imports.push({ stepId: step.id, release: step.barometreRelease, imported: false });
        alreadyThere += 1;
      } else {
        const { summary, territorial } = await importRelease(step, ports, options);
        imports.push({
          stepId: step.id,
          release: step.barometreRelease,
          imported: true,
          summary,
          ...(territorial === undefined ? {} : { territorial }),
        });
        if (summary.aborted || territorial?.aborted === true) {
          aborted = true;
          break;
        }
        if (changedAnything(summary) || (territorial !== undefined && changedAnything(territorial))) applied += 1;
        else alreadyThere += 1;
      }
    } else {
      const outcome = await playCommand(step, ports);
      if (outcome.kind === 'applied') {
        applied += 1;
        eventsAppended += outcome.appended;
      } else if (outcome.kind === 'already there') {
        alreadyThere += 1;
      } else {
        refused.push({ id: step.id, code: outcome.code, message: outcome.message });
      }
    }
    options.onProgress?.(index + 1, steps.length);
  }

  return { steps: steps.length, applied, alreadyThere, eventsAppended, refused, barometre: imports, aborted };
}

type Outcome =
  | { readonly kind: 'applied'; readonly appended: number }
  | { readonly kind: 'already there' }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

async function playCommand(step: CommandStep, ports: LedgerPort): Promise<Outcome> {
  if (await isInLedger(step.command, ports)) return { kind: 'already there' };
  try {
    const result = await ports.send(step.command, idempotencyKeyOf(step));
    // A replayed key reports its first run: nothing was appended this time.
    if (result.replayed === true || result.appended === 0) return { kind: 'already there' };
    return { kind: 'applied', appended: result.appended };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (ALREADY_DONE.has(error.code)) return { kind: 'already there' };
    return { kind: 'refused', code: error.code, message: error.message };
  }
}

/**
 * Whether the ledger already holds what the command would record, read through the ports. A review cycle cannot be
 * read through them: it is sent again, and answered from its idempotency key or refused as already held.
 */
export async function isInLedger(command: DomainCommand, ports: LedgerPort): Promise<boolean> {
  switch (command.type) {
    case 'DefineMission':
      return (await ports.mission(command.missionCode)).status === 'defined';
    case 'LaunchProject':
      return (await ports.project(command.projectId)).status !== 'not_launched';
    case 'ReachMilestone': {
      const project = launched(await ports.project(command.projectId));
      const milestone = project === undefined ? undefined : ownValue(project.milestones, command.milestoneId);
      return milestone?.reachedOn !== undefined;
    }
    case 'RecordMeasurements': {
      const project = launched(await ports.project(command.projectId));
      return (
        project !== undefined &&
        command.measurements.every(
          (m) =>
            knownValue(project.measurements, m.indicatorId, m.territory ?? NATIONAL_TERRITORY, m.period) === m.value,
        )
      );
    }
    case 'RedesignProject': {
      const project = launched(await ports.project(command.projectId));
      return project !== undefined && changesInForce(project, command.changes);
    }
    case 'CloseProject':
      return (await ports.project(command.projectId)).status === 'closed';
    case 'HoldReviewCycle':
      return false;
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

function launched(state: ProjectState): LaunchedProject | undefined {
  return state.status === 'not_launched' ? undefined : state;
}

function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether the plan in force already shows every change of a redesign (it was applied before). */
function changesInForce(project: LaunchedProject, changes: RedesignProject['changes']): boolean {
  const { objective, milestones = {}, indicators = {} } = changes;
  const checks: boolean[] = [
    objective === undefined || project.objective === objective.trim(),
    ...(milestones.added ?? []).map((m) => ownValue(project.milestones, m.milestoneId) !== undefined),
    ...(milestones.removed ?? []).map((id) => ownValue(project.milestones, id) === undefined),
    ...(milestones.rescheduled ?? []).map((r) => ownValue(project.milestones, r.milestoneId)?.dueOn === r.to),
    ...(indicators.added ?? []).map((i) => ownValue(project.indicators, i.indicatorId) !== undefined),
    ...(indicators.retired ?? []).map((id) => ownValue(project.indicators, id)?.retired === true),
    ...(indicators.retargeted ?? []).map((r) => {
      const target = ownValue(project.indicators, r.indicatorId)?.target;
      return target?.value === r.to.value && target.by === r.to.by;
    }),
  ];
  return checks.every(Boolean);
}

/**
 * Whether an earlier seed completed this Baromètre import: the seed plays its steps in order and stops only between
 * them, so the import was completed when the next step the ports can read is in the ledger. Importing a release again
 * would append nothing either, but an earlier release imported after a later one would report restatements back to
 * its own values (answered from their idempotency keys), which reads wrong.
 */
async function passedInAnEarlierSeed(steps: readonly SeedStep[], index: number, ports: LedgerPort): Promise<boolean> {
  for (const next of steps.slice(index + 1)) {
    if (isBarometreStep(next) || next.command.type === 'HoldReviewCycle') continue;
    return isInLedger(next.command, ports);
  }
  return false;
}

/** The territorial syntheses shipped, by release: each is imported after its release's national one. */
const TERRITORIAL_SYNTHESES: Partial<Record<BarometreRelease, string>> = {
  '2023-01-19': '2023-01-19-synthese-regional.csv',
};

/**
 * The release's national import, then its territorial synthesis's when one is shipped, in the same step: a later step
 * found in the ledger means both were completed (see passedInAnEarlierSeed).
 */
async function importRelease(
  step: BarometreStep,
  ports: LedgerPort,
  options: SeedOptions,
): Promise<{ readonly summary: ImportSummary; readonly territorial?: ImportSummary }> {
  const folder = join(options.dataDir, 'barometre');
  const release = step.barometreRelease;
  const request = {
    detail: join(folder, 'releases', `${release}-detail-national.csv`),
    synthese: join(folder, 'releases', `${release}-synthese-national.csv`),
    secteurs: join(folder, 'secteurs.csv'),
    level: 'national' as const,
    today: options.today,
    releasedOn: release,
  };
  const summary = await importBarometre(request, ports, { signal: options.signal });
  const territorialFile = TERRITORIAL_SYNTHESES[release];
  if (summary.aborted || territorialFile === undefined) return { summary };
  const synthese = join(folder, 'releases', territorialFile);
  return { summary, territorial: await importBarometre({ ...request, synthese }, ports, { signal: options.signal }) };
}

function changedAnything(summary: ImportSummary): boolean {
  return (
    summary.missionsDefined +
      summary.projectsLaunched +
      summary.projectsRedesigned +
      summary.measurementsAdded +
      summary.measurementsRestated +
      summary.currentValuesPublished +
      summary.territorialValuesPublished >
    0
  );
}
