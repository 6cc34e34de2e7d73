import type { StoredEvent } from '@portfolio/event-store';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import { apiParticulier, stampAt } from '../testing/time-travel-documents';
import { recordTimeTravel } from '../testing/time-travel-scenario';
import { portfolioDiff } from './portfolio-diff';

describe.each(STORE_KINDS)('the diff of the portfolio at two points on %s', (kind) => {
  let side: ReadSide;
  let recorded: StoredEvent[];
  const position = (ordinal: number) => ({ position: recorded[ordinal - 1].position });
  const instant = (ordinal: number) => ({ instant: recorded[ordinal - 1].recordedAt });

  beforeAll(async () => {
    side = await openReadSide(kind, '2024-03-15');
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });

  it('CITP 4 as it knew the portfolio against the same date as known now', async () => {
    const sides = { from: { at: '2019-11-15', asOf: position(10) }, to: { at: '2019-11-15', asOf: position(24) } };
    expect(await portfolioDiff(side.context, sides)).toEqual({
      from: stampAt(recorded, '2019-11-15', 10),
      to: stampAt(recorded, '2019-11-15', 24),
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
    const usagers = 'missions[IDNUM].projects[franceconnect].indicators[usagers-franceconnect]';
    const sides = { from: { at: '2021-02-05', asOf: instant(18) }, to: { at: '2021-02-05', asOf: instant(19) } };
    expect(await portfolioDiff(side.context, sides)).toEqual({
      from: stampAt(recorded, '2021-02-05', 18),
      to: stampAt(recorded, '2021-02-05', 19),
      added: [],
      removed: [],
      changed: [
        { path: `${usagers}.latest.value`, from: 24, to: 25 },
        { path: `${usagers}.progress.raw`, from: 70, to: 75 },
        { path: `${usagers}.progress.shown`, from: 70, to: 75 },
      ],
    });
  });
});
