import type { DecisionContext } from '../shared/decision-context';
import { InvalidInputError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import type { IndicatorId, ProjectId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { decimalsOf } from '../schema/decimals';
import { LIMITS } from '../shared/limits';
import { LONG_TEXT } from '../shared/text-characters';
import { own } from '../shared/own';
import {
  NATIONAL_TERRITORY,
  TERRITORY_CODE_PATTERN,
  TERRITORY_LEVELS,
  territoryKey,
  type Territory,
} from '../shared/territory';
import {
  optionalBoolean,
  optionalText,
  quoted,
  requireChoice,
  requireDate,
  requireFactDate,
  requireList,
  requireNumber,
  requirePeriod,
  requireRecord,
  requireSlug,
} from '../shared/validation';
import { withIndicatorValue } from './evolve-project';
import { isPublishedAlready, knownValue } from './measurements';
import type { IndicatorBaseline, IndicatorTarget } from './plan';
import type { IndicatorMeasured, MeasurementRelease, PublishedBasis } from './project-events';
import type { ActiveProject, ProjectState } from './project-state';
import { requireActiveProject } from './require-active-project';

/** One value to record; without a territory it is the national figure for France. */
export interface MeasurementInput {
  readonly indicatorId: IndicatorId;
  readonly value: number;
  /** The decimal places the value is given with (12.50: 2); default, and at least, the places the number shows. */
  readonly decimals?: number;
  readonly period: IsoDate;
  readonly territory?: Territory;
  readonly source?: string;
  /** The published release the value was taken from: series and id are slugs, its publication date not after today. */
  readonly release?: MeasurementRelease;
  /**
   * True for the current value a release published for the indicator (a synthesis's VA), recorded beside the series:
   * it replaces the previous published current value of the indicator and territory, and restates no period's value.
   */
  readonly publishedCurrent?: boolean;
  /** With a published current value: the initial value (VI) and targets (VC, VCA) the release measured it against. */
  readonly publishedAgainst?: PublishedBasis;
}

/** Programme office: record indicator values, one or a batch (a Baromètre import), appended all or none. */
export interface RecordMeasurements {
  readonly type: 'RecordMeasurements';
  readonly projectId: ProjectId;
  readonly measurements: readonly MeasurementInput[];
}

export function decideRecordMeasurements(
  state: ProjectState,
  command: RecordMeasurements,
  context: DecisionContext,
): readonly IndicatorMeasured[] {
  const projectId = requireSlug(command.projectId, 'projectId');
  const inputs = requireList(command.measurements, 'measurements');
  if (inputs.length === 0) throw new InvalidInputError('batch_empty', 'measurements is empty', 'measurements');
  if (inputs.length > LIMITS.batchSize) {
    throw new InvalidInputError(
      'batch_too_large',
      `measurements has ${inputs.length} items, more than the ${LIMITS.batchSize} allowed in one batch`,
      'measurements',
      { length: inputs.length, max: LIMITS.batchSize },
    );
  }
  const measurements = inputs.map((input, i) =>
    validMeasurement(projectId, input, `measurements[${i}]`, context.today),
  );

  // Each item is decided against the state left by the ones before it: a batch may restate its own values.
  let project: ActiveProject = requireActiveProject(state, projectId);
  const owned = new WeakSet<object>();
  const events: IndicatorMeasured[] = [];
  measurements.forEach((measurement, i) => {
    requireMeasurable(project, measurement.indicatorId, `measurements[${i}].indicatorId`);
    const data =
      measurement.publishedCurrent === true
        ? newPublishedCurrent(project, measurement)
        : newValue(project, measurement);
    if (data === undefined) return;
    events.push({ type: 'IndicatorMeasured', data });
    project = withIndicatorValue(project, data, owned);
  });
  return events;
}

/** A value of the series, restating the one known for its period if different; none when it is the one known. */
function newValue(
  project: ActiveProject,
  measurement: IndicatorMeasured['data'],
): IndicatorMeasured['data'] | undefined {
  const previous = knownValue(project.measurements, measurement.indicatorId, measurement.territory, measurement.period);
  if (previous === measurement.value) return undefined;
  return previous === undefined ? measurement : { ...measurement, supersedes: previous };
}

/** A published current value, unless it is the one already published for the indicator and territory. */
function newPublishedCurrent(
  project: ActiveProject,
  measurement: IndicatorMeasured['data'],
): IndicatorMeasured['data'] | undefined {
  const byTerritory = own(project.publishedCurrent, measurement.indicatorId) ?? {};
  const previous = own(byTerritory, territoryKey(measurement.territory));
  const { value, period, publishedAgainst } = measurement;
  const candidate = { value, period, ...(publishedAgainst === undefined ? {} : { against: publishedAgainst }) };
  return isPublishedAlready(previous, candidate) ? undefined : measurement;
}

function validMeasurement(
  projectId: ProjectId,
  input: MeasurementInput,
  path: string,
  today: IsoDate,
): IndicatorMeasured['data'] {
  requireRecord(input, path);
  const indicatorId = requireSlug(input.indicatorId, `${path}.indicatorId`);
  const value = requireNumber(input.value, `${path}.value`);
  const decimals = requireDecimals(input.decimals, value, `${path}.decimals`);
  const period = requirePeriod(input.period, `${path}.period`, today, LIMITS.periodLeadDays);
  const territory =
    input.territory === undefined ? NATIONAL_TERRITORY : validTerritory(input.territory, `${path}.territory`);
  const source = optionalText(input.source, `${path}.source`, LONG_TEXT);
  const release = input.release === undefined ? undefined : validRelease(input.release, `${path}.release`, today);
  const publishedCurrent = optionalBoolean(input.publishedCurrent, `${path}.publishedCurrent`);
  const publishedAgainst =
    input.publishedAgainst === undefined
      ? undefined
      : validBasis(input.publishedAgainst, publishedCurrent, `${path}.publishedAgainst`);
  return {
    projectId,
    indicatorId,
    value,
    decimals,
    period,
    territory,
    ...(source === undefined ? {} : { source }),
    ...(release === undefined ? {} : { release }),
    ...(publishedCurrent ? { publishedCurrent: true as const } : {}),
    ...(publishedAgainst === undefined ? {} : { publishedAgainst }),
  };
}

/** Whole places from those the value shows up to LIMITS.decimals: fewer would state a value other than the one given. */
function requireDecimals(decimals: unknown, value: number, path: string): number {
  const shown = decimalsOf(value);
  if (decimals === undefined) return shown;
  if (Number.isInteger(decimals) && (decimals as number) >= shown && (decimals as number) <= LIMITS.decimals) {
    return decimals as number;
  }
  throw new InvalidInputError(
    'invalid_number',
    `${path} ${quoted(decimals)} is not a whole number of decimal places from ${shown} (the value's own) to ${LIMITS.decimals}`,
    path,
    { value: quoted(decimals), min: shown, max: LIMITS.decimals },
  );
}

/** VI, VC and VCA as a release published them; only a published current value is measured against them. */
function validBasis(input: PublishedBasis, publishedCurrent: boolean, path: string): PublishedBasis {
  requireRecord(input, path);
  if (!publishedCurrent) {
    throw new InvalidInputError(
      'invalid_choice',
      `${path} is only for a published current value: give publishedCurrent true, or no ${path}`,
      path,
      { value: 'publishedAgainst', choices: 'publishedCurrent: true' },
    );
  }
  const { initial, target, annualTarget } = input;
  return {
    ...(initial === undefined ? {} : { initial: validInitial(initial, `${path}.initial`) }),
    ...(target === undefined ? {} : { target: validTargetValue(target, `${path}.target`) }),
    ...(annualTarget === undefined ? {} : { annualTarget: validTargetValue(annualTarget, `${path}.annualTarget`) }),
  };
}

function validInitial(input: IndicatorBaseline, path: string): IndicatorBaseline {
  requireRecord(input, path);
  return { value: requireNumber(input.value, `${path}.value`), on: requireDate(input.on, `${path}.on`) };
}

function validTargetValue(input: IndicatorTarget, path: string): IndicatorTarget {
  requireRecord(input, path);
  return { value: requireNumber(input.value, `${path}.value`), by: requireDate(input.by, `${path}.by`) };
}

function validRelease(input: MeasurementRelease, path: string, today: IsoDate): MeasurementRelease {
  requireRecord(input, path);
  const series = requireSlug(input.series, `${path}.series`);
  const id = requireSlug(input.id, `${path}.id`);
  const publishedOn = requireFactDate(input.publishedOn, `${path}.publishedOn`, today);
  return { series, id, publishedOn };
}

function validTerritory(input: Territory, path: string): Territory {
  requireRecord(input, path);
  const level = requireChoice(input.level, TERRITORY_LEVELS, `${path}.level`);
  const code = input.code;
  const valid =
    typeof code === 'string' &&
    (level === 'national' ? code === NATIONAL_TERRITORY.code : TERRITORY_CODE_PATTERN.test(code));
  if (!valid) {
    const expected = level === 'national' ? `${NATIONAL_TERRITORY.code} at national level` : `an INSEE ${level} code`;
    throw new InvalidInputError(
      'invalid_territory',
      `${path}.code ${quoted(code)} is not ${expected}`,
      `${path}.code`,
      {
        value: quoted(code),
      },
    );
  }
  return { level, code };
}

function requireMeasurable(project: ActiveProject, indicatorId: IndicatorId, path: string): void {
  const indicator = own(project.indicators, indicatorId);
  if (indicator === undefined) {
    throw new NotFoundError(
      'indicator_not_found',
      `indicator "${indicatorId}" is not defined for project "${project.projectId}"`,
      path,
      { id: indicatorId },
    );
  }
  if (indicator.retired) {
    throw new RuleViolationError(
      'indicator_retired',
      `indicator "${indicatorId}" was retired and takes no new values`,
      path,
      { id: indicatorId },
    );
  }
}
