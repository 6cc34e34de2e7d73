import { ConflictError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import type { MilestoneId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { own } from '../shared/own';
import {
  requireDate,
  requireDisjoint,
  requireList,
  requireNotBefore,
  requireRecord,
  requireSlug,
  requireUnique,
} from '../shared/validation';
import type { PlannedMilestone } from './plan';
import type { PlanChanges } from './project-events';
import type { ActiveProject, MilestoneState } from './project-state';
import { validMilestone } from './validate-plan';

/** Milestone changes as requested: lists may be left out, and `from` is filled from the plan in force. */
export interface RequestedMilestoneChanges {
  readonly added?: readonly PlannedMilestone[];
  readonly removed?: readonly MilestoneId[];
  readonly rescheduled?: readonly {
    readonly milestoneId: MilestoneId;
    readonly from?: IsoDate;
    readonly to: IsoDate;
  }[];
}

const PATH = 'changes.milestones';

export function milestoneChanges(
  project: ActiveProject,
  input: RequestedMilestoneChanges | undefined,
): PlanChanges['milestones'] {
  if (input === undefined) return { added: [], removed: [], rescheduled: [] };
  requireRecord(input, PATH);

  const added = requireList(input.added ?? [], `${PATH}.added`).map((m, i) =>
    validMilestone(m, `${PATH}.added[${i}]`, project.launchedOn),
  );
  const addedIds = added.map((m) => m.milestoneId);
  requireUnique(addedIds, (i) => `${PATH}.added[${i}].milestoneId`);
  addedIds.forEach((id, i) => {
    if (own(project.milestones, id) !== undefined) {
      const path = `${PATH}.added[${i}].milestoneId`;
      throw new ConflictError('milestone_id_taken', `milestone "${id}" is already in the plan`, path, { id });
    }
  });

  const removed = requireList(input.removed ?? [], `${PATH}.removed`).map((id, i) =>
    requireSlug(id, `${PATH}.removed[${i}]`),
  );
  requireUnique(removed, (i) => `${PATH}.removed[${i}]`);
  removed.forEach((id, i) => requireUnreached(project, id, `${PATH}.removed[${i}]`));

  const requested = requireList(input.rescheduled ?? [], `${PATH}.rescheduled`).map((r, i) => {
    const path = `${PATH}.rescheduled[${i}]`;
    requireRecord(r, path);
    return {
      milestoneId: requireSlug(r.milestoneId, `${path}.milestoneId`),
      from: r.from === undefined ? undefined : requireDate(r.from, `${path}.from`),
      to: requireNotBefore(requireDate(r.to, `${path}.to`), project.launchedOn, `${path}.to`, 'the launch'),
    };
  });
  const rescheduledIds = requested.map((r) => r.milestoneId);
  requireUnique(rescheduledIds, (i) => `${PATH}.rescheduled[${i}].milestoneId`);
  requireDisjoint(rescheduledIds, removed, (i) => `${PATH}.rescheduled[${i}].milestoneId`, 'removed');
  const rescheduled = requested.map(({ milestoneId, from, to }, i) => {
    const path = `${PATH}.rescheduled[${i}]`;
    const { dueOn } = requireUnreached(project, milestoneId, `${path}.milestoneId`);
    if (from !== undefined && from !== dueOn) {
      const message = `${path}.from ${from} is not the due date in force for "${milestoneId}" (${dueOn})`;
      throw new ConflictError('plan_mismatch', message, `${path}.from`, { id: milestoneId, from, dueOn });
    }
    if (to === dueOn) {
      throw new RuleViolationError(
        'nothing_to_change',
        `milestone "${milestoneId}" is already due on ${to}`,
        `${path}.to`,
        { id: milestoneId, dueOn },
      );
    }
    return { milestoneId, from: dueOn, to };
  });

  return { added, removed, rescheduled };
}

function requireUnreached(project: ActiveProject, milestoneId: MilestoneId, path: string): MilestoneState {
  const milestone = own(project.milestones, milestoneId);
  if (milestone === undefined) {
    throw new NotFoundError('milestone_not_found', `milestone "${milestoneId}" is not in the plan in force`, path, {
      id: milestoneId,
    });
  }
  if (milestone.reachedOn !== undefined) {
    const message = `milestone "${milestoneId}" was reached on ${milestone.reachedOn} and can no longer be changed`;
    throw new ConflictError('milestone_already_reached', message, path, { id: milestoneId, on: milestone.reachedOn });
  }
  return milestone;
}
