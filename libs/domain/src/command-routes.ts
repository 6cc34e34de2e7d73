import { missionOf, projectOf, reviewCycleOf, type AggregateStream } from './aggregate-streams';
import type { DomainEvent } from './domain-event';
import { decideDefineMission, type DefineMission } from './mission/decide-define-mission';
import { decideCloseProject, type CloseProject } from './project/decide-close-project';
import { decideLaunchProject, type LaunchProject } from './project/decide-launch-project';
import { decideReachMilestone, type ReachMilestone } from './project/decide-reach-milestone';
import { decideRecordMeasurements, type RecordMeasurements } from './project/decide-record-measurements';
import { decideRedesignProject, type RedesignProject } from './project/decide-redesign-project';
import { decideHoldReviewCycle, type HoldReviewCycle } from './review-cycle/decide-hold-review-cycle';
import type { ProjectState } from './project/project-state';
import type { LogSeal } from './review-cycle/review-cycle-events';
import type { DecisionContext } from './shared/decision-context';

/** Anything the programme office can ask of the ledger; `type` names its route. */
export type DomainCommand =
  | DefineMission
  | LaunchProject
  | ReachMilestone
  | RecordMeasurements
  | RedesignProject
  | CloseProject
  | HoldReviewCycle;

/** Facts from outside the domain that some decisions take besides the day: the seal of the log for a review (§8). */
export interface OutsideFacts {
  readonly seal: LogSeal;
}

export type OutsideFact = keyof OutsideFacts;

/** What a command needing a fact must say, for the outside world to produce it: a seal signs the cycle and its date. */
export interface FactSubjects {
  readonly seal: { readonly cycleId: string; readonly heldOn: string };
}

/** The facts a command may need, given what it carries. */
type FactsFor<C> = { [F in OutsideFact]: C extends FactSubjects[F] ? F : never }[OutsideFact];

/**
 * How the ledger answers one kind of command: the stream it appends to (whose state the decision rules on), the
 * streams it only reads, the facts it needs from outside, and its decision. Runners fold and gather these, then
 * decide; nothing else about a command is known anywhere.
 */
export interface CommandRoute<C extends DomainCommand> {
  readonly writes: (command: C) => AggregateStream<unknown>;
  readonly reads: (command: C) => Readonly<Record<string, AggregateStream<unknown>>>;
  readonly needs: readonly OutsideFact[];
  readonly decide: (
    command: C,
    state: unknown,
    read: Readonly<Record<string, unknown>>,
    context: DecisionContext & Partial<OutsideFacts>,
  ) => readonly DomainEvent[];
}

interface RouteDefinition<C extends DomainCommand, S, R, F extends FactsFor<C>> {
  readonly writes: (command: C) => AggregateStream<S>;
  readonly reads?: (command: C) => { readonly [K in keyof R]: AggregateStream<R[K]> };
  readonly needs?: readonly F[];
  readonly decide: (
    command: C,
    state: S,
    read: R,
    context: DecisionContext & Pick<OutsideFacts, F>,
  ) => readonly DomainEvent[];
}

/** Checks a route's parts against each other (states, read streams, facts), then forgets their types for the table. */
function route<C extends DomainCommand, S, R = Record<never, never>, F extends FactsFor<C> = never>(
  definition: RouteDefinition<C, S, R, F>,
): CommandRoute<C> {
  // The one place types are forgotten: every state handed to `decide` was folded by this route's own streams.
  return {
    writes: definition.writes as CommandRoute<C>['writes'],
    reads: (definition.reads ?? (() => ({}))) as CommandRoute<C>['reads'],
    needs: definition.needs ?? [],
    decide: definition.decide as CommandRoute<C>['decide'],
  };
}

/** The route of a command that rules on its project alone. */
function onProject<C extends Extract<DomainCommand, { projectId: string }>>(
  decide: (project: ProjectState, command: C, context: DecisionContext) => readonly DomainEvent[],
): CommandRoute<C> {
  return route({
    writes: (command: C) => projectOf(command.projectId),
    decide: (command, project, _, context) => decide(project, command, context),
  });
}

type RouteTable = { readonly [T in DomainCommand['type']]: CommandRoute<Extract<DomainCommand, { type: T }>> };

/** Every command's route: a command without one does not compile. */
export const COMMAND_ROUTES: RouteTable = {
  DefineMission: route({
    writes: (command: DefineMission) => missionOf(command.missionCode),
    decide: (command, mission, _, context) => decideDefineMission(mission, command, context),
  }),
  LaunchProject: route({
    writes: (command: LaunchProject) => projectOf(command.projectId),
    // Read once before deciding: a mission, once defined, stays defined.
    reads: (command) => ({ mission: missionOf(command.missionCode) }),
    decide: (command, project, { mission }, context) => decideLaunchProject(project, mission, command, context),
  }),
  ReachMilestone: onProject(decideReachMilestone),
  RecordMeasurements: onProject(decideRecordMeasurements),
  RedesignProject: onProject(decideRedesignProject),
  CloseProject: onProject(decideCloseProject),
  HoldReviewCycle: route({
    writes: (command: HoldReviewCycle) => reviewCycleOf(command.cycleId),
    needs: ['seal'],
    decide: (command, cycle, _, context) => decideHoldReviewCycle(cycle, command, context),
  }),
};

/** The route of a command. */
export function routeOf<C extends DomainCommand>(command: C): CommandRoute<C> {
  return COMMAND_ROUTES[command.type as C['type']] as unknown as CommandRoute<C>;
}
