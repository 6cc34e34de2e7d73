import { RuleViolationError } from '../shared/domain-error';
import type { IsoDate } from '../shared/iso-date';
import { SHORT_TEXT } from '../shared/text-characters';
import {
  requireChoice,
  requireDate,
  requireList,
  requireNotBefore,
  requireNumber,
  requireRecord,
  requireSlug,
  requireText,
  requireUnique,
} from '../shared/validation';
import {
  AGGREGATED_LEVELS,
  INDICATOR_DIRECTIONS,
  TERRITORIAL_AGGREGATIONS,
  type IndicatorBaseline,
  type IndicatorDefinition,
  type IndicatorDirection,
  type IndicatorTarget,
  type NationalFromTerritories,
  type PlannedMilestone,
} from './plan';

// Shared by launch and redesign: a plan is checked the same way whether it is first drawn or later amended.

/** A planned milestone, due any day from launch on. */
export function validMilestone(input: PlannedMilestone, path: string, launchedOn: IsoDate): PlannedMilestone {
  requireRecord(input, path);
  return {
    milestoneId: requireSlug(input.milestoneId, `${path}.milestoneId`),
    title: requireText(input.title, `${path}.title`, SHORT_TEXT),
    dueOn: requireNotBefore(requireDate(input.dueOn, `${path}.dueOn`), launchedOn, `${path}.dueOn`, 'the launch'),
  };
}

/**
 * An indicator with its target, baseline and direction, or a monitored series with as much of them as is known: a
 * target can only be measured against (§7) from a baseline and in a direction, so it requires both.
 */
export function validIndicator(input: IndicatorDefinition, path: string, launchedOn: IsoDate): IndicatorDefinition {
  requireRecord(input, path);
  const indicatorId = requireSlug(input.indicatorId, `${path}.indicatorId`);
  const label = requireText(input.label, `${path}.label`, SHORT_TEXT);
  const unit = requireText(input.unit, `${path}.unit`, SHORT_TEXT);
  const direction =
    input.direction === undefined
      ? undefined
      : requireChoice(input.direction, INDICATOR_DIRECTIONS, `${path}.direction`);
  const baseline = input.baseline === undefined ? undefined : validBaseline(input.baseline, `${path}.baseline`);
  const nationalFrom =
    input.nationalFrom === undefined ? undefined : validNationalFrom(input.nationalFrom, `${path}.nationalFrom`);
  const definition = {
    indicatorId,
    label,
    unit,
    ...(direction === undefined ? {} : { direction }),
    ...(baseline === undefined ? {} : { baseline }),
    ...(nationalFrom === undefined ? {} : { nationalFrom }),
  };
  if (input.target === undefined) {
    if (input.annualTargets === undefined) return definition;
    const message = `${path}.annualTargets need a final target: give ${path}.target, or no annualTargets`;
    throw new RuleViolationError('annual_target_without_target', message, `${path}.annualTargets`);
  }
  if (baseline === undefined) {
    const message = `${path}.target needs a baseline to measure progress from: give ${path}.baseline, or no target`;
    throw new RuleViolationError('target_without_baseline', message, `${path}.baseline`);
  }
  if (direction === undefined) {
    const message = `${path}.target needs a direction (increase or decrease): give ${path}.direction, or no target`;
    throw new RuleViolationError('target_without_direction', message, `${path}.direction`);
  }
  const shape = { direction, baseline };
  const target = validTarget(input.target, `${path}.target`, shape, launchedOn);
  if (input.annualTargets === undefined) return { ...definition, target };
  const annualTargets = requireList(input.annualTargets, `${path}.annualTargets`).map((annual, i) =>
    validTarget(annual, `${path}.annualTargets[${i}]`, shape, launchedOn),
  );
  // One target a year: the year of a value names the one its annual rate is measured against.
  requireUnique(
    annualTargets.map(({ by }) => by.slice(0, 4)),
    (i) => `${path}.annualTargets[${i}].by`,
  );
  return { ...definition, target, annualTargets: [...annualTargets].sort((a, b) => a.by.localeCompare(b.by)) };
}

function validNationalFrom(input: NationalFromTerritories, path: string): NationalFromTerritories {
  requireRecord(input, path);
  return {
    level: requireChoice(input.level, AGGREGATED_LEVELS, `${path}.level`),
    aggregation: requireChoice(input.aggregation, TERRITORIAL_AGGREGATIONS, `${path}.aggregation`),
  };
}

function validBaseline(input: IndicatorBaseline, path: string): IndicatorBaseline {
  requireRecord(input, path);
  return { value: requireNumber(input.value, `${path}.value`), on: requireDate(input.on, `${path}.on`) };
}

/**
 * A target that progress can be measured against (§7): due after the baseline (so expected progress is defined) and
 * from launch on, and not on the wrong side of the baseline for the indicator's direction.
 */
export function validTarget(
  input: IndicatorTarget,
  path: string,
  indicator: { readonly direction: IndicatorDirection; readonly baseline: IndicatorBaseline },
  launchedOn: IsoDate,
): IndicatorTarget {
  requireRecord(input, path);
  const value = requireNumber(input.value, `${path}.value`);
  const by = requireNotBefore(requireDate(input.by, `${path}.by`), launchedOn, `${path}.by`, 'the launch');
  const { baseline, direction } = indicator;
  if (by <= baseline.on) {
    throw new RuleViolationError(
      'target_not_after_baseline',
      `${path}.by ${by} is not after the baseline date ${baseline.on}`,
      `${path}.by`,
    );
  }
  if (direction === 'increase' ? value < baseline.value : value > baseline.value) {
    throw new RuleViolationError(
      'target_against_direction',
      `${path}.value ${value} goes the wrong way from the baseline ${baseline.value} for an indicator meant to ${direction}`,
      `${path}.value`,
    );
  }
  return { value, by };
}
