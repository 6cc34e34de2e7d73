import type { DomainCommand } from '@portfolio/domain';
import type { MeasurementInput, Territory } from '@portfolio/domain';
import {
  baselineValue,
  FIRST_MONTH,
  INDICATORS_PER_PROJECT,
  indicatorDefinitions,
  indicatorDirection,
  LAUNCHED_ON,
  MISSION_CODES,
  plannedMilestones,
  projectShapes,
  REDESIGN_EVERY_MONTHS,
  RESTATED_SHARE,
  REVIEW_EVERY_MONTHS,
  type ProjectShape,
} from './portfolio-shape';
import { Prng } from './prng';
import { TERRITORIES } from './territories';

/** One command of the generated history, with the idempotency key that makes a re-run append nothing. */
export interface GeneratedCommand {
  readonly idempotencyKey: string;
  readonly command: DomainCommand;
  /** Events the command appends on an empty ledger that received the commands before it. */
  readonly events: number;
}

export interface GenerateOptions {
  /** Stop once this many events are generated (the last measurement batch is cut to fit). */
  readonly events: number;
  readonly seed?: number;
}

/** Events one month of the portfolio appends (measurements and their restatements; the rest is negligible). */
export const EVENTS_PER_MONTH =
  projectShapes().length * INDICATORS_PER_PROJECT * TERRITORIES.length * (1 + RESTATED_SHARE);

/** How many months of history a log of `events` events spans. */
export function monthsSpanned(events: number): number {
  return Math.max(1, Math.ceil(events / EVENTS_PER_MONTH));
}

/** Last day of the month `offset` months after FIRST_MONTH, as YYYY-MM-DD. */
export function monthEnd(offset: number): string {
  return new Date(Date.UTC(FIRST_MONTH.year, FIRST_MONTH.month + offset + 1, 0)).toISOString().slice(0, 10);
}

/**
 * A measured value as a pure function of what it measures, so that a restatement can derive the value it restates
 * without the generator keeping any history: memory stays flat whatever the size.
 */
function measuredValue(project: number, indicator: number, territory: number, month: number): number {
  const drift = ((project * 7919 + indicator * 104729 + territory * 1299709) % 1000) / 100;
  const base = baselineValue(project, indicator) / (territory === 0 ? 1 : 40);
  return Math.round((base * (1 + month / 60) + drift) * 100) / 100;
}

/** A redesign's new target: further from the baseline each year, in the indicator's own direction. */
function retargetedValue(project: number, indicator: number, month: number): number {
  const baseline = baselineValue(project, indicator);
  return indicatorDirection(indicator) === 'decrease' ? baseline * (0.5 - month / 400) : baseline * (2 + month / 100);
}

function measurementsFor(shape: ProjectShape, month: number, prng: Prng): MeasurementInput[] {
  const period = monthEnd(month);
  const fresh = shape.indicatorIds.flatMap((indicatorId, i) =>
    TERRITORIES.map((territory: Territory, t) => ({
      indicatorId,
      value: measuredValue(shape.index, i, t, month),
      period,
      ...(territory.level === 'national' ? {} : { territory }),
      source: 'Baromètre des résultats',
    })),
  );
  if (month === 0) return fresh;
  const restated = Array.from({ length: Math.round(fresh.length * RESTATED_SHARE) }, () => {
    const i = prng.below(shape.indicatorIds.length);
    const t = prng.below(TERRITORIES.length);
    const territory = TERRITORIES[t];
    return {
      indicatorId: shape.indicatorIds[i],
      value: measuredValue(shape.index, i, t, month - 1) + 0.5 + prng.below(100) / 100,
      period: monthEnd(month - 1),
      ...(territory.level === 'national' ? {} : { territory }),
      source: 'Baromètre des résultats (révisé)',
    };
  });
  // A pair drawn twice would restate the restatement: keep the first draw so that every value appends one event.
  const seen = new Set<string>();
  const unique = restated.filter((m) => {
    const key = `${m.indicatorId}|${m.territory?.code ?? 'FR'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...fresh, ...unique];
}

/** A project's measurements recorded in one command, an event each. */
export function recordMeasurements(
  idempotencyKey: string,
  shape: ProjectShape,
  measurements: MeasurementInput[],
): GeneratedCommand {
  return {
    idempotencyKey,
    command: { type: 'RecordMeasurements', projectId: shape.projectId, measurements },
    events: measurements.length,
  };
}

export function* setupCommands(shapes: readonly ProjectShape[]): Generator<GeneratedCommand> {
  for (const missionCode of MISSION_CODES) {
    yield {
      idempotencyKey: `bench-mission-${missionCode}`,
      command: {
        type: 'DefineMission',
        missionCode,
        name: missionCode,
        programme: 'Baromètre',
        definedOn: LAUNCHED_ON,
      },
      events: 1,
    };
  }
  for (const shape of shapes) {
    yield {
      idempotencyKey: `bench-launch-${shape.projectId}`,
      command: {
        type: 'LaunchProject',
        projectId: shape.projectId,
        missionCode: shape.missionCode,
        title: `Mesure ${shape.index + 1}`,
        objective: `Objectif de la mesure ${shape.index + 1}`,
        leadOrganisation: 'DITP',
        launchedOn: LAUNCHED_ON,
        milestones: plannedMilestones(shape),
        indicators: indicatorDefinitions(shape),
      },
      events: 1,
    };
  }
}

function* monthCommands(shapes: readonly ProjectShape[], month: number, prng: Prng): Generator<GeneratedCommand> {
  const period = monthEnd(month);
  for (const shape of shapes) {
    yield recordMeasurements(`bench-measure-${shape.projectId}-${period}`, shape, measurementsFor(shape, month, prng));
    const milestone = Math.floor(month / 9);
    if (month % 9 === shape.index % 9 && milestone < shape.milestoneIds.length) {
      yield {
        idempotencyKey: `bench-reach-${shape.projectId}-${milestone}`,
        command: {
          type: 'ReachMilestone',
          projectId: shape.projectId,
          milestoneId: shape.milestoneIds[milestone],
          reachedOn: period,
        },
        events: 1,
      };
    }
    if (month % REDESIGN_EVERY_MONTHS === shape.index % REDESIGN_EVERY_MONTHS && month > 0) {
      const i = month % shape.indicatorIds.length;
      yield {
        idempotencyKey: `bench-redesign-${shape.projectId}-${period}`,
        command: {
          type: 'RedesignProject',
          projectId: shape.projectId,
          reason: `Revue annuelle ${period}`,
          decidedOn: period,
          changes: {
            indicators: {
              retargeted: [
                {
                  indicatorId: shape.indicatorIds[i],
                  to: { value: retargetedValue(shape.index, i, month), by: '2031-12-31' },
                },
              ],
            },
          },
        },
        events: 1,
      };
    }
  }
  if ((month + 1) % REVIEW_EVERY_MONTHS === 0) {
    const cycle = (month + 1) / REVIEW_EVERY_MONTHS;
    yield {
      idempotencyKey: `bench-citp-${cycle}`,
      command: { type: 'HoldReviewCycle', cycleId: `citp-bench-${cycle}`, title: `CITP ${cycle}`, heldOn: period },
      events: 1,
    };
  }
}

/**
 * `commands` until `events` events are written: the last measurement batch is cut to fit, and nothing after it is
 * generated. Streamed: nothing of the history is held in memory.
 */
export function* untilEvents(events: number, commands: Iterable<GeneratedCommand>): Generator<GeneratedCommand> {
  let remaining = events;
  for (const generated of commands) {
    if (remaining <= 0) return;
    const { command } = generated;
    if (generated.events > remaining && command.type === 'RecordMeasurements') {
      const measurements = command.measurements.slice(0, remaining);
      yield { ...generated, command: { ...command, measurements }, events: measurements.length };
      return;
    }
    yield generated;
    remaining -= generated.events;
  }
}

function* everyMonth(seed: number): Generator<GeneratedCommand> {
  const prng = new Prng(seed);
  const shapes = projectShapes();
  yield* setupCommands(shapes);
  for (let month = 0; ; month += 1) yield* monthCommands(shapes, month, prng);
}

/**
 * The commands of a national-scale portfolio, in the order a programme office would issue them, until `events`
 * events are written. Deterministic for a seed, and streamed: nothing of the history is held in memory.
 */
export function generatePortfolio(options: GenerateOptions): Generator<GeneratedCommand> {
  return untilEvents(options.events, everyMonth(options.seed ?? 20_211_215));
}
