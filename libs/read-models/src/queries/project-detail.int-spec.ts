import type { ProjectSummary } from '../views/documents';
import { givenTimeTravel } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import {
  DELAI_V1_TARGET,
  delaiView,
  elapsed,
  fcJune30,
  franceconnect,
  franceconnectDetail,
  hubee,
  hubeeJuly10,
  hubeeJune30,
  usagersView,
  vitamActive,
  vitamClosed,
} from '../testing/time-travel-documents';
import { hubeeLaunched, vitamLaunched } from '../testing/time-travel-scenario';
import { projectDetailAt } from './project-detail';
import { ReadModelNotFoundError } from './query-errors';

const hubeeDetail = (summary: ProjectSummary, dueOn: string, overdueDays: number) => ({
  ...summary,
  objective: hubeeLaunched.data.objective,
  leadOrganisation: 'DINUM',
  note: null,
  territorialRates: [],
  milestoneList: [
    {
      milestoneId: 'hubee-ministries',
      title: 'Hubee open to every ministry',
      dueOn,
      reachedOn: null,
      daysLate: null,
      overdueDays,
    },
  ],
});

describe.each(STORE_KINDS)('one project at (at, asOf) on %s', (kind) => {
  const scenario = givenTimeTravel(kind);

  it('shows the redesign only from its decision date on', async () => {
    expect(await projectDetailAt(scenario.context, 'hubee', { at: '2021-06-30' })).toEqual({
      ...scenario.stamp('2021-06-30'),
      ...hubeeDetail(hubeeJune30, '2020-06-30', 365),
    });
    expect(await projectDetailAt(scenario.context, 'hubee', { at: '2021-07-10' })).toEqual({
      ...scenario.stamp('2021-07-10'),
      ...hubeeDetail(hubeeJuly10, '2021-12-31', 0),
    });
  });

  it('shows the first plan on 2021-07-10 as known before the redesign was recorded', async () => {
    // Known at the 19th event: the 2021-06-30 value is not recorded yet either; 375 days overdue; 20 → 50 %.
    const asKnown = hubee(
      'red',
      1,
      1,
      delaiView(DELAI_V1_TARGET, { value: 20, period: '2020-12-31' }, 50, elapsed(740, 914)),
    );
    expect(
      await projectDetailAt(scenario.context, 'hubee', { at: '2021-07-10', asOf: { position: scenario.position(19) } }),
    ).toEqual({ ...scenario.stamp('2021-07-10', 19), ...hubeeDetail(asKnown, '2020-06-30', 375) });
  });

  it('turns red when a milestone is more than 90 days overdue, amber up to 90', async () => {
    // 2021-06-29: 90 days overdue; the latest value is still the restated 25 (75 %), 910 days elapsed.
    const june29 = franceconnect('amber', 1, usagersView({ value: 25, period: '2020-12-31' }, 75, elapsed(910, 1460)));
    expect(await projectDetailAt(scenario.context, 'franceconnect', { at: '2021-06-29' })).toEqual({
      ...scenario.stamp('2021-06-29'),
      ...franceconnectDetail(june29, 90),
    });
    expect(await projectDetailAt(scenario.context, 'franceconnect', { at: '2021-06-30' })).toEqual({
      ...scenario.stamp('2021-06-30'),
      ...franceconnectDetail(fcJune30, 91),
    });
  });

  it('shows a closed project with its outcome and note, and no health', async () => {
    const plan = {
      objective: vitamLaunched.data.objective,
      leadOrganisation: 'Programme Vitam',
      territorialRates: [],
      milestoneList: [
        {
          milestoneId: 'vitam-saas',
          title: 'Vitam offered as a service',
          dueOn: '2020-12-31',
          reachedOn: '2020-11-30',
          daysLate: 0,
          overdueDays: 0,
        },
      ],
    };
    expect(await projectDetailAt(scenario.context, 'vitam', { at: '2021-06-29' })).toEqual({
      ...scenario.stamp('2021-06-29'),
      ...vitamActive(1),
      ...plan,
      note: null,
    });
    expect(await projectDetailAt(scenario.context, 'vitam', { at: '2021-06-30' })).toEqual({
      ...scenario.stamp('2021-06-30'),
      ...vitamClosed,
      ...plan,
      note: 'Vitam v4 in service',
    });
  });

  it('refuses a project never launched, or not launched by `at`, or not recorded by `asOf`', async () => {
    const notFound = (projectId: string) => new ReadModelNotFoundError('project', projectId);
    await expect(projectDetailAt(scenario.context, 'data-pass', {})).rejects.toEqual(notFound('data-pass'));
    await expect(projectDetailAt(scenario.context, 'hubee', { at: '2019-06-30' })).rejects.toEqual(notFound('hubee'));
    await expect(
      projectDetailAt(scenario.context, 'api-particulier', { asOf: { position: scenario.position(11) } }),
    ).rejects.toEqual(notFound('api-particulier'));
  });
});
