import type { StoredEvent } from '@portfolio/event-store';
import type { ProjectSummary } from '../views/documents';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import {
  DELAI_V1_TARGET,
  delaiView,
  elapsed,
  fcJune30,
  franceconnect,
  hubee,
  hubeeJuly10,
  hubeeJune30,
  stampAt,
  usagersView,
  vitamActive,
  vitamClosed,
} from '../testing/time-travel-documents';
import { franceconnectLaunched, hubeeLaunched, recordTimeTravel, vitamLaunched } from '../testing/time-travel-scenario';
import { projectDetailAt } from './project-detail';
import { ReadModelNotFoundError } from './query-errors';

const HEAD = 24;

const hubeeDetail = (summary: ProjectSummary, dueOn: string, overdueDays: number) => ({
  ...summary,
  objective: hubeeLaunched.data.objective,
  leadOrganisation: 'DINUM',
  note: null,
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

const franceconnectDetail = (summary: ProjectSummary, agentconnectOverdueDays: number) => ({
  ...summary,
  objective: franceconnectLaunched.data.objective,
  leadOrganisation: 'DINUM',
  note: null,
  milestoneList: [
    {
      milestoneId: 'franceconnect-plus',
      title: 'FranceConnect+ with La Poste digital identity',
      dueOn: '2019-09-30',
      reachedOn: '2019-10-31',
      daysLate: 31,
      overdueDays: 0,
    },
    {
      milestoneId: 'agentconnect',
      title: 'AgentConnect for public agents',
      dueOn: '2021-03-31',
      reachedOn: null,
      daysLate: null,
      overdueDays: agentconnectOverdueDays,
    },
  ],
});

describe.each(STORE_KINDS)('one project at (at, asOf) on %s', (kind) => {
  let side: ReadSide;
  let recorded: StoredEvent[];

  beforeAll(async () => {
    side = await openReadSide(kind, '2024-03-15');
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });

  it('shows the redesign only from its decision date on', async () => {
    expect(await projectDetailAt(side.context, 'hubee', { at: '2021-06-30' })).toEqual({
      ...stampAt(recorded, '2021-06-30', HEAD),
      ...hubeeDetail(hubeeJune30, '2020-06-30', 365),
    });
    expect(await projectDetailAt(side.context, 'hubee', { at: '2021-07-10' })).toEqual({
      ...stampAt(recorded, '2021-07-10', HEAD),
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
      await projectDetailAt(side.context, 'hubee', { at: '2021-07-10', asOf: { position: recorded[18].position } }),
    ).toEqual({ ...stampAt(recorded, '2021-07-10', 19), ...hubeeDetail(asKnown, '2020-06-30', 375) });
  });

  it('turns red when a milestone is more than 90 days overdue, amber up to 90', async () => {
    // 2021-06-29: 90 days overdue; the latest value is still the restated 25 (75 %), 910 days elapsed.
    const june29 = franceconnect('amber', 1, usagersView({ value: 25, period: '2020-12-31' }, 75, elapsed(910, 1460)));
    expect(await projectDetailAt(side.context, 'franceconnect', { at: '2021-06-29' })).toEqual({
      ...stampAt(recorded, '2021-06-29', HEAD),
      ...franceconnectDetail(june29, 90),
    });
    expect(await projectDetailAt(side.context, 'franceconnect', { at: '2021-06-30' })).toEqual({
      ...stampAt(recorded, '2021-06-30', HEAD),
      ...franceconnectDetail(fcJune30, 91),
    });
  });

  it('shows a closed project with its outcome and note, and no health', async () => {
    const plan = {
      objective: vitamLaunched.data.objective,
      leadOrganisation: 'Programme Vitam',
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
    expect(await projectDetailAt(side.context, 'vitam', { at: '2021-06-29' })).toEqual({
      ...stampAt(recorded, '2021-06-29', HEAD),
      ...vitamActive(1),
      ...plan,
      note: null,
    });
    expect(await projectDetailAt(side.context, 'vitam', { at: '2021-06-30' })).toEqual({
      ...stampAt(recorded, '2021-06-30', HEAD),
      ...vitamClosed,
      ...plan,
      note: 'Vitam v4 in service',
    });
  });

  it('refuses a project never launched, or not launched by `at`, or not recorded by `asOf`', async () => {
    const notFound = (projectId: string) => new ReadModelNotFoundError('project', projectId);
    await expect(projectDetailAt(side.context, 'data-pass', {})).rejects.toEqual(notFound('data-pass'));
    await expect(projectDetailAt(side.context, 'hubee', { at: '2019-06-30' })).rejects.toEqual(notFound('hubee'));
    await expect(
      projectDetailAt(side.context, 'api-particulier', { asOf: { position: recorded[10].position } }),
    ).rejects.toEqual(notFound('api-particulier'));
  });
});
