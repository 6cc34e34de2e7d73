import { assertNever } from '../shared/assert-never';
import { own } from '../shared/own';
import { territoryKey } from '../shared/territory';
import type {
  IndicatorMeasured,
  MilestoneReached,
  PlanChanges,
  ProjectClosed,
  ProjectEvent,
  ProjectLaunched,
  ProjectRedesigned,
} from './project-events';
import {
  initialProjectState,
  type ActiveProject,
  type ClosedProject,
  type IndicatorState,
  type LaunchedProject,
  type MilestoneState,
  type ProjectState,
} from './project-state';

/**
 * Applies one fact to a project's state, returning a new state and leaving the given one untouched.
 *
 * Total on purpose: the bi-temporal fold (ARCHITECTURE §7) skips events whose business date is after `at`, so a fact can
 * arrive without the one it builds on (a milestone reached before the redesign that added it was decided, a value
 * measured for a period before launch). Such a fact leaves alone what it cannot apply to.
 */
export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  return applied(state, event, new WeakSet());
}

/**
 * The state after `events`, starting from `from` (a snapshot) or from nothing. Equal to evolving event by event, but a
 * stream may hold 100,000 measurements and is folded for every command: records this fold created itself, which no
 * caller has seen yet, take further measurements in place instead of being copied again. `from` is never written.
 */
export function foldProject(events: Iterable<ProjectEvent>, from: ProjectState = initialProjectState): ProjectState {
  const owned = new WeakSet<object>();
  let state = from;
  for (const event of events) state = applied(state, event, owned);
  return state;
}

/**
 * Records one value, copying only the path that changes (indicator → territory → period) and sharing every other
 * branch; records in `owned` are written in place instead (see foldProject).
 */
function withMeasurement<S extends LaunchedProject>(
  state: S,
  data: IndicatorMeasured['data'],
  owned: WeakSet<object>,
): S {
  const key = territoryKey(data.territory);
  const measurements = writable(state.measurements, owned);
  const byTerritory = writable(own(measurements, data.indicatorId) ?? {}, owned);
  const byPeriod = writable(own(byTerritory, key) ?? {}, owned);
  byPeriod[data.period] = data.value;
  byTerritory[key] = byPeriod;
  measurements[data.indicatorId] = byTerritory;
  return { ...state, measurements };
}

/** A published current value replaces the indicator's previous one for its territory; any other value joins the series. */
export function withIndicatorValue<S extends LaunchedProject>(
  state: S,
  data: IndicatorMeasured['data'],
  owned: WeakSet<object>,
): S {
  if (data.publishedCurrent !== true) return withMeasurement(state, data, owned);
  const byTerritory = { ...own(state.publishedCurrent, data.indicatorId) };
  const { value, period, publishedAgainst: against } = data;
  byTerritory[territoryKey(data.territory)] = { value, period, ...(against === undefined ? {} : { against }) };
  return { ...state, publishedCurrent: { ...state.publishedCurrent, [data.indicatorId]: byTerritory } };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function writable<T extends object>(record: T, owned: WeakSet<object>): Writable<T> {
  if (owned.has(record)) return record;
  const copy = { ...record };
  owned.add(copy);
  return copy;
}

function applied(state: ProjectState, event: ProjectEvent, owned: WeakSet<object>): ProjectState {
  switch (event.type) {
    case 'ProjectLaunched':
      return state.status === 'not_launched' ? launched(event.data) : state;
    case 'MilestoneReached':
      return state.status === 'active' ? withMilestoneReached(state, event.data) : state;
    case 'IndicatorMeasured':
      return state.status === 'active' ? withIndicatorValue(state, event.data, owned) : state;
    case 'ProjectRedesigned':
      return state.status === 'active' ? redesigned(state, event.data) : state;
    case 'ProjectClosed':
      return state.status === 'active' ? closed(state, event.data) : state;
    default:
      return assertNever(event);
  }
}

function launched(data: ProjectLaunched['data']): ActiveProject {
  return {
    status: 'active',
    projectId: data.projectId,
    missionCode: data.missionCode,
    title: data.title,
    objective: data.objective,
    leadOrganisation: data.leadOrganisation,
    launchedOn: data.launchedOn,
    planVersion: 1,
    milestones: Object.fromEntries(data.milestones.map((m) => [m.milestoneId, { title: m.title, dueOn: m.dueOn }])),
    indicators: Object.fromEntries(data.indicators.map((i) => [i.indicatorId, { ...i, retired: false }])),
    measurements: {},
    publishedCurrent: {},
  };
}

function withMilestoneReached(state: ActiveProject, data: MilestoneReached['data']): ActiveProject {
  const milestone = own(state.milestones, data.milestoneId);
  if (milestone === undefined) return state;
  const reached: MilestoneState = { ...milestone, reachedOn: data.reachedOn, daysLate: data.daysLate };
  return { ...state, milestones: { ...state.milestones, [data.milestoneId]: reached } };
}

function redesigned(state: ActiveProject, data: ProjectRedesigned['data']): ActiveProject {
  return {
    ...state,
    objective: data.changes.objective ?? state.objective,
    planVersion: data.planVersion,
    milestones: replannedMilestones(state.milestones, data.changes.milestones),
    indicators: replannedIndicators(state.indicators, data.changes.indicators),
  };
}

function replannedMilestones(
  milestones: ActiveProject['milestones'],
  changes: PlanChanges['milestones'],
): ActiveProject['milestones'] {
  const removed = new Set(changes.removed);
  const dueDates = new Map(changes.rescheduled.map((r) => [r.milestoneId, r.to]));
  const kept = Object.entries(milestones)
    .filter(([id]) => !removed.has(id))
    .map(([id, milestone]): [string, MilestoneState] => {
      const dueOn = dueDates.get(id);
      return [id, dueOn === undefined ? milestone : { ...milestone, dueOn }];
    });
  const added = changes.added.map((m): [string, MilestoneState] => [m.milestoneId, { title: m.title, dueOn: m.dueOn }]);
  return Object.fromEntries([...kept, ...added]);
}

function replannedIndicators(
  indicators: ActiveProject['indicators'],
  changes: PlanChanges['indicators'],
): ActiveProject['indicators'] {
  const retired = new Set(changes.retired);
  const targets = new Map(changes.retargeted.map((r) => [r.indicatorId, r.to]));
  const kept = Object.entries(indicators).map(([id, indicator]): [string, IndicatorState] => {
    const target = targets.get(id);
    if (target === undefined && !retired.has(id)) return [id, indicator];
    return [id, { ...indicator, target: target ?? indicator.target, retired: indicator.retired || retired.has(id) }];
  });
  const added = changes.added.map((i): [string, IndicatorState] => [i.indicatorId, { ...i, retired: false }]);
  return Object.fromEntries([...kept, ...added]);
}

function closed(state: ActiveProject, data: ProjectClosed['data']): ClosedProject {
  return { ...state, status: 'closed', outcome: data.outcome, closedOn: data.closedOn, note: data.note };
}
