import {
  businessDateOf,
  foldProject,
  latestValue,
  type DomainEvent,
  type LaunchedProject,
  type ProjectEvent,
} from '@portfolio/domain';
import type { StoredEvent } from '@portfolio/event-store';
import { domainEventOf } from '../queries/history-item';
import { givenTimeTravel, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { loadSnapshot, type PortfolioSnapshot, type TemporalPoint } from './portfolio-snapshot';

/**
 * ARCHITECTURE §7, from the domain's own fold: the projects as the events recorded by `asOf` and dated by `at` make
 * them, with each indicator's latest national value only.
 */
function foldedAt(recorded: readonly StoredEvent[], point: TemporalPoint): Map<string, LaunchedProject> {
  const byProject = new Map<string, ProjectEvent[]>();
  for (const stored of recorded) {
    const event = domainEventOf(stored);
    if (stored.position > point.asOf || businessDateOf(event) > point.at || !isProjectEvent(event)) continue;
    byProject.set(event.data.projectId, [...(byProject.get(event.data.projectId) ?? []), event]);
  }
  const projects = new Map<string, LaunchedProject>();
  for (const [projectId, events] of [...byProject].sort(([a], [b]) => a.localeCompare(b))) {
    const state = foldProject(events);
    if (state.status === 'not_launched') continue;
    const latest = Object.keys(state.indicators).flatMap((indicatorId) => {
      const value = latestValue(state.measurements, indicatorId);
      return value === undefined ? [] : [[indicatorId, { 'national:FR': { [value.period]: value.value } }]];
    });
    projects.set(projectId, { ...state, measurements: Object.fromEntries(latest) });
  }
  return projects;
}

function isProjectEvent(event: DomainEvent): event is ProjectEvent {
  return event.type !== 'MissionDefined' && event.type !== 'ReviewCycleHeld';
}

const sorted = (snapshot: PortfolioSnapshot) => [...snapshot.projects].sort(([a], [b]) => a.localeCompare(b));

describe.each(STORE_KINDS)('the portfolio snapshot loader on %s', (kind) => {
  const scenario = givenTimeTravel(kind);
  const pos = (ordinal: number) => scenario.position(ordinal);
  const load = (point: TemporalPoint, projectIds?: readonly string[]) =>
    loadSnapshot(scenario.context, point, projectIds);

  it('folds the projects as the events known at asOf and dated by at make them, without replaying the log', async () => {
    const dates = [
      '2019-04-25',
      '2019-11-15',
      '2020-12-31',
      '2021-02-05',
      '2021-06-30',
      '2021-07-10',
      TIME_TRAVEL_TODAY,
    ];
    for (const at of dates) {
      for (const ordinal of [3, 10, 17, 18, 19, 23, 24]) {
        const point = { at, asOf: pos(ordinal) };
        expect({ point, projects: sorted(await load(point)) }).toEqual({
          point,
          projects: [...foldedAt(scenario.recorded, point)],
        });
      }
    }
  });

  it('lists the missions defined by at and known at asOf, in code order', async () => {
    const idnum = {
      missionCode: 'IDNUM',
      name: 'Identité numérique',
      programme: 'Tech.gouv',
      definedOn: '2019-04-25',
      description: 'Unified identification for online public services',
    };
    const data = { missionCode: 'DATA', name: 'Données', programme: 'Tech.gouv', definedOn: '2019-04-25' };
    expect((await load({ at: '2021-07-23', asOf: pos(24) })).missions).toEqual([{ ...data, description: null }, idnum]);
    expect((await load({ at: '2021-07-23', asOf: pos(1) })).missions).toEqual([idnum]);
    expect((await load({ at: '2019-04-24', asOf: pos(24) })).missions).toEqual([]);
  });

  it('loads only the projects asked for', async () => {
    const point = { at: '2021-07-23', asOf: pos(24) };
    const hubee = await load(point, ['hubee']);
    expect([...hubee.projects.keys()]).toEqual(['hubee']);
    expect(hubee.projects.get('hubee')).toEqual(foldedAt(scenario.recorded, point).get('hubee'));
    expect((await load(point, [])).projects.size).toBe(0);
  });
});
