import { ConflictError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import type { IndicatorId } from '../shared/ids';
import { own } from '../shared/own';
import {
  requireDate,
  requireDisjoint,
  requireList,
  requireNumber,
  requireRecord,
  requireSlug,
  requireUnique,
} from '../shared/validation';
import { isTargeted, type IndicatorDefinition, type IndicatorTarget } from './plan';
import type { PlanChanges } from './project-events';
import type { ActiveProject, IndicatorState } from './project-state';
import { validIndicator, validTarget } from './validate-plan';

/** Indicator changes as requested: lists may be left out, and `from` is filled from the plan in force. */
export interface RequestedIndicatorChanges {
  readonly added?: readonly IndicatorDefinition[];
  readonly retired?: readonly IndicatorId[];
  readonly retargeted?: readonly {
    readonly indicatorId: IndicatorId;
    readonly from?: IndicatorTarget;
    readonly to: IndicatorTarget;
  }[];
}

const PATH = 'changes.indicators';

export function indicatorChanges(
  project: ActiveProject,
  input: RequestedIndicatorChanges | undefined,
): PlanChanges['indicators'] {
  if (input === undefined) return { added: [], retired: [], retargeted: [] };
  requireRecord(input, PATH);

  const added = requireList(input.added ?? [], `${PATH}.added`).map((indicator, i) =>
    validIndicator(indicator, `${PATH}.added[${i}]`, project.launchedOn),
  );
  const addedIds = added.map((indicator) => indicator.indicatorId);
  requireUnique(addedIds, (i) => `${PATH}.added[${i}].indicatorId`);
  addedIds.forEach((id, i) => {
    // A retired indicator keeps its id: its measurements still refer to it.
    if (own(project.indicators, id) !== undefined) {
      const path = `${PATH}.added[${i}].indicatorId`;
      throw new ConflictError('indicator_id_taken', `indicator "${id}" is already defined`, path);
    }
  });

  const retired = requireList(input.retired ?? [], `${PATH}.retired`).map((id, i) =>
    requireSlug(id, `${PATH}.retired[${i}]`),
  );
  requireUnique(retired, (i) => `${PATH}.retired[${i}]`);
  retired.forEach((id, i) => requireLive(project, id, `${PATH}.retired[${i}]`));

  const requested = requireList(input.retargeted ?? [], `${PATH}.retargeted`).map((r, i) => {
    const path = `${PATH}.retargeted[${i}]`;
    requireRecord(r, path);
    return {
      indicatorId: requireSlug(r.indicatorId, `${path}.indicatorId`),
      from: r.from === undefined ? undefined : targetShape(r.from, `${path}.from`),
      to: r.to,
    };
  });
  const retargetedIds = requested.map((r) => r.indicatorId);
  requireUnique(retargetedIds, (i) => `${PATH}.retargeted[${i}].indicatorId`);
  requireDisjoint(retargetedIds, retired, (i) => `${PATH}.retargeted[${i}].indicatorId`, 'retired');
  const retargeted = requested.map(({ indicatorId, from, to: toInput }, i) => {
    const path = `${PATH}.retargeted[${i}]`;
    const indicator = requireLive(project, indicatorId, `${path}.indicatorId`);
    if (!isTargeted(indicator)) {
      // The event records the target moved from; a monitored series has none (retire it and add a targeted indicator).
      const message = `indicator "${indicatorId}" is a monitored series without a target: there is no target to move`;
      throw new RuleViolationError('indicator_not_targeted', message, `${path}.indicatorId`);
    }
    const current = indicator.target;
    if (from !== undefined && !sameTarget(from, current)) {
      const message = `${path}.from ${describe(from)} is not the target in force for "${indicatorId}" (${describe(current)})`;
      throw new ConflictError('plan_mismatch', message, `${path}.from`);
    }
    const to = validTarget(toInput, `${path}.to`, indicator, project.launchedOn);
    if (sameTarget(to, current)) {
      const message = `indicator "${indicatorId}" already targets ${describe(current)}`;
      throw new RuleViolationError('nothing_to_change', message, `${path}.to`);
    }
    return { indicatorId, from: current, to };
  });

  return { added, retired, retargeted };
}

function requireLive(project: ActiveProject, indicatorId: IndicatorId, path: string): IndicatorState {
  const indicator = own(project.indicators, indicatorId);
  if (indicator === undefined) {
    throw new NotFoundError('indicator_not_found', `indicator "${indicatorId}" is not defined for this project`, path);
  }
  if (indicator.retired) {
    throw new RuleViolationError('indicator_retired', `indicator "${indicatorId}" is already retired`, path);
  }
  return indicator;
}

// `from` is only compared with the target in force, so it needs a shape, not the rules of a new target.
function targetShape(input: IndicatorTarget, path: string): IndicatorTarget {
  requireRecord(input, path);
  return { value: requireNumber(input.value, `${path}.value`), by: requireDate(input.by, `${path}.by`) };
}

function sameTarget(a: IndicatorTarget, b: IndicatorTarget): boolean {
  return a.value === b.value && a.by === b.by;
}

function describe(target: IndicatorTarget): string {
  return `${target.value} by ${target.by}`;
}
