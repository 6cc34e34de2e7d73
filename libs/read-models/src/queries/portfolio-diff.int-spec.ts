import { givenTimeTravel } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { apiParticulier, restatementChanges } from '../testing/time-travel-documents';
import { restatementNamedChanges } from '../testing/time-travel-named-changes';
import { namedPortfolioDiff, portfolioDiff } from './portfolio-diff';

describe.each(STORE_KINDS)('the diff of the portfolio at two points on %s', (kind) => {
  const scenario = givenTimeTravel(kind);
  const position = (ordinal: number) => ({ position: scenario.position(ordinal) });
  const instant = (ordinal: number) => ({ instant: scenario.event(ordinal).recordedAt });

  it('CITP 4 as it knew the portfolio against the same date as known now', async () => {
    const sides = { from: { at: '2019-11-15', asOf: position(10) }, to: { at: '2019-11-15', asOf: position(24) } };
    expect(await portfolioDiff(scenario.context, sides)).toEqual({
      from: scenario.stamp('2019-11-15', 10),
      to: scenario.stamp('2019-11-15'),
      added: [{ path: 'missions[DATA].projects[api-particulier]', value: apiParticulier }],
      removed: [],
      changed: [
        { path: 'totals.active', from: 3, to: 4 },
        { path: 'totals.health.green', from: 2, to: 3 },
        { path: 'totals.projects', from: 3, to: 4 },
      ],
    });
  });

  it('the restatement: one date, before and after it was recorded (asOf as an instant)', async () => {
    const sides = { from: { at: '2021-02-05', asOf: instant(18) }, to: { at: '2021-02-05', asOf: instant(19) } };
    expect(await portfolioDiff(scenario.context, sides)).toEqual({
      from: scenario.stamp('2021-02-05', 18),
      to: scenario.stamp('2021-02-05', 19),
      added: [],
      removed: [],
      changed: restatementChanges,
    });
  });

  it('names the value the restatement moved, and nothing else', async () => {
    const sides = { from: { at: '2021-02-05', asOf: instant(18) }, to: { at: '2021-02-05', asOf: instant(19) } };
    expect(await namedPortfolioDiff(scenario.context, sides)).toEqual({
      from: scenario.stamp('2021-02-05', 18),
      to: scenario.stamp('2021-02-05', 19),
      ...restatementNamedChanges,
    });
  });

  it('names a redesign once its date is reached, though known before (at moves, asOf stays)', async () => {
    const sides = { from: { at: '2021-07-01' }, to: { at: '2021-07-05' } };
    const { redesigned } = await namedPortfolioDiff(scenario.context, sides);
    expect(redesigned.map((r) => [r.projectId, r.planVersion, r.reason])).toEqual([
      ['hubee', 2, 'Ministries join one by one: the opening is phased'],
    ]);
  });
});
