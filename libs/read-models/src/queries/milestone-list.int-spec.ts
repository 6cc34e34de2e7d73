import { givenTimeTravel } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { encodeMilestoneCursor, milestoneList, parseMilestoneCursor, type MilestoneListItem } from './milestone-list';
import { InvalidQueryError } from './query-errors';

const franceconnectMilestone = {
  projectId: 'franceconnect',
  projectTitle: 'FranceConnect',
  missionCode: 'IDNUM',
};

/** Due 2019-09-30, reached 2019-10-31 (31 days late), recorded as the 10th event. */
const franceconnectPlus = (reached: boolean, overdueDays: number): MilestoneListItem => ({
  ...franceconnectMilestone,
  milestoneId: 'franceconnect-plus',
  title: 'FranceConnect+ with La Poste digital identity',
  dueOn: '2019-09-30',
  reachedOn: reached ? '2019-10-31' : null,
  daysLate: reached ? 31 : null,
  overdueDays,
});

/** Due 2021-03-31, never reached. */
const agentconnect = (overdueDays: number): MilestoneListItem => ({
  ...franceconnectMilestone,
  milestoneId: 'agentconnect',
  title: 'AgentConnect for public agents',
  dueOn: '2021-03-31',
  reachedOn: null,
  daysLate: null,
  overdueDays,
});

/** Due 2020-06-30 on Hubee's first plan, 2021-12-31 on its second (decided on 2021-07-05); never reached. */
const hubeeMinistries = (dueOn: string, overdueDays: number): MilestoneListItem => ({
  projectId: 'hubee',
  projectTitle: 'Hubee',
  missionCode: 'DATA',
  milestoneId: 'hubee-ministries',
  title: 'Hubee open to every ministry',
  dueOn,
  reachedOn: null,
  daysLate: null,
  overdueDays,
});

/** Due 2020-12-31, reached on time. */
const vitamSaas: MilestoneListItem = {
  projectId: 'vitam',
  projectTitle: 'Vitam',
  missionCode: 'DATA',
  milestoneId: 'vitam-saas',
  title: 'Vitam offered as a service',
  dueOn: '2020-12-31',
  reachedOn: '2020-11-30',
  daysLate: 0,
  overdueDays: 0,
};

describe.each(STORE_KINDS)('the list of milestones on %s', (kind) => {
  const scenario = givenTimeTravel(kind);
  const position = (ordinal: number) => ({ position: scenario.position(ordinal) });

  it('lists the overdue ones at `at`, the most overdue first, with their project and days overdue', async () => {
    expect(await milestoneList(scenario.context, { at: '2021-06-30', overdue: true })).toEqual({
      ...scenario.stamp('2021-06-30'),
      items: [hubeeMinistries('2020-06-30', 365), agentconnect(91)],
      nextCursor: null,
    });
  });

  it("follows the plan in force at `at`: Hubee's redesign moved its milestone out of the overdue ones", async () => {
    expect(await milestoneList(scenario.context, { at: '2021-07-10', overdue: true })).toMatchObject({
      items: [agentconnect(101)],
    });
    expect(await milestoneList(scenario.context, { at: '2021-07-10', overdue: false })).toMatchObject({
      items: [franceconnectPlus(true, 0), vitamSaas, hubeeMinistries('2021-12-31', 0)],
    });
  });

  it('counts as overdue what was not known to be reached at asOf', async () => {
    // Before the 10th event, FranceConnect+ was 15 days overdue as far as anyone knew on 2019-10-15.
    expect(await milestoneList(scenario.context, { at: '2019-10-15', asOf: position(9), overdue: true })).toEqual({
      ...scenario.stamp('2019-10-15', 9),
      items: [franceconnectPlus(false, 15)],
      nextCursor: null,
    });
    expect(await milestoneList(scenario.context, { at: '2019-11-15', asOf: position(10), overdue: true })).toEqual({
      ...scenario.stamp('2019-11-15', 10),
      items: [],
      nextCursor: null,
    });
  });

  it('lists them all without the filter, in pages after the last milestone of the previous one', async () => {
    const first = await milestoneList(scenario.context, { at: '2021-06-30', limit: 2 });
    expect(first).toEqual({
      ...scenario.stamp('2021-06-30'),
      items: [franceconnectPlus(true, 0), hubeeMinistries('2020-06-30', 365)],
      nextCursor: encodeMilestoneCursor(hubeeMinistries('2020-06-30', 365)),
    });
    const after = parseMilestoneCursor(first.nextCursor as string, 'cursor');
    expect(await milestoneList(scenario.context, { at: '2021-06-30', limit: 2, after })).toEqual({
      ...scenario.stamp('2021-06-30'),
      items: [vitamSaas, agentconnect(91)],
      nextCursor: null,
    });
  });
});

describe('the cursor of the list of milestones', () => {
  it('names a milestone by due date, project and milestone', () => {
    const milestone = { dueOn: '2021-03-31', projectId: 'franceconnect', milestoneId: 'agentconnect' };
    expect(parseMilestoneCursor(encodeMilestoneCursor(milestone), 'cursor')).toEqual(milestone);
  });

  it('refuses one this API did not give', () => {
    const refused = new InvalidQueryError('cursor', 'cursor is not one this API gave');
    for (const text of [
      '',
      'hubee',
      '2021-02-30/hubee/hubee-ministries',
      '2021-03-31/Hubee/x1',
      '2021-03-31/hubee/hubee-ministries/x',
    ]) {
      expect(() => parseMilestoneCursor(Buffer.from(text).toString('base64url'), 'cursor')).toThrow(refused);
    }
  });
});
