// Test support only: not exported from the library's index.
import type { DomainCommand } from '../domain-command';
import type { DomainEvent } from '../domain-event';
import { decideDefineMission } from '../mission/decide-define-mission';
import { foldMission } from '../mission/evolve-mission';
import type { MissionEvent } from '../mission/mission-events';
import { decideCloseProject } from '../project/decide-close-project';
import { decideLaunchProject } from '../project/decide-launch-project';
import { decideReachMilestone } from '../project/decide-reach-milestone';
import { decideRecordMeasurements } from '../project/decide-record-measurements';
import { decideRedesignProject } from '../project/decide-redesign-project';
import { foldProject } from '../project/evolve-project';
import type { ProjectEvent } from '../project/project-events';
import { decideHoldReviewCycle } from '../review-cycle/decide-hold-review-cycle';
import { foldReviewCycle } from '../review-cycle/evolve-review-cycle';
import type { ReviewCycleEvent } from '../review-cycle/review-cycle-events';
import { assertNever } from '../shared/assert-never';
import type { DecisionContext } from '../shared/decision-context';
import { DomainError, type DomainErrorCode, type DomainErrorKind } from '../shared/domain-error';
import { missionStream, projectStream, reviewCycleStream, streamIdOf } from '../stream-names';
import { deepFreeze } from './deep-freeze';

export interface ExpectedRefusal {
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;
  readonly path?: string;
  /** Matched against the human message, e.g. to check that it names the offending value. */
  readonly message?: RegExp;
}

/**
 * `given(...history).when(command, { today }).then(...events)` or `.thenThrows({ code, kind })`. The history, the
 * states folded from it and the command are deep-frozen, so a decision that mutates its inputs fails too.
 */
export function given(...history: readonly DomainEvent[]) {
  deepFreeze(history);
  return {
    when(command: DomainCommand, context: DecisionContext) {
      deepFreeze(command);
      const decide = () => decideAgainst(history, command, context);
      return {
        then(...expected: readonly DomainEvent[]): void {
          expect(decide()).toStrictEqual(expected);
        },
        thenThrows({ message, ...expected }: ExpectedRefusal): void {
          let refusal: unknown;
          try {
            const events = decide();
            throw new Error(`expected a ${expected.code} refusal, but decided ${JSON.stringify(events)}`);
          } catch (error) {
            refusal = error;
          }
          expect(refusal).toBeInstanceOf(DomainError);
          expect(refusal).toMatchObject(expected);
          if (message !== undefined) expect((refusal as DomainError).message).toMatch(message);
        },
      };
    },
  };
}

// Routes the command to its decision with the states folded from the streams it reads, as a command handler would.
function decideAgainst(
  history: readonly DomainEvent[],
  command: DomainCommand,
  context: DecisionContext,
): readonly DomainEvent[] {
  // A stream only ever holds the events of one kind of aggregate.
  const stream = <E extends DomainEvent>(streamId: string) => history.filter((e) => streamIdOf(e) === streamId) as E[];
  // States are frozen too: a decision must not write to the state it is given.
  const project = (projectId: string) => deepFreeze(foldProject(stream<ProjectEvent>(projectStream(projectId))));
  const mission = (missionCode: string) => deepFreeze(foldMission(stream<MissionEvent>(missionStream(missionCode))));
  switch (command.type) {
    case 'DefineMission':
      return decideDefineMission(mission(command.missionCode), command, context);
    case 'LaunchProject':
      return decideLaunchProject(project(command.projectId), mission(command.missionCode), command, context);
    case 'ReachMilestone':
      return decideReachMilestone(project(command.projectId), command, context);
    case 'RecordMeasurements':
      return decideRecordMeasurements(project(command.projectId), command, context);
    case 'RedesignProject':
      return decideRedesignProject(project(command.projectId), command, context);
    case 'CloseProject':
      return decideCloseProject(project(command.projectId), command, context);
    case 'HoldReviewCycle': {
      const cycle = deepFreeze(foldReviewCycle(stream<ReviewCycleEvent>(reviewCycleStream(command.cycleId))));
      return decideHoldReviewCycle(cycle, command, context);
    }
    default:
      return assertNever(command);
  }
}
