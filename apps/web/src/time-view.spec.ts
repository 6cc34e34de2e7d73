import { referenceOf, timeViewOf, viewOf, type CycleMark, type ReleaseMark } from './time-view';

// The time bar's point of view: what an address's `asOf` names, and the read each choice makes.

const citp5: CycleMark = {
  cycleId: 'citp-5',
  title: '5e CITP : …',
  heldOn: '2021-02-05',
  seal: { sealedPosition: '51' },
};
const release: ReleaseMark = { id: '2023-01-19', publishedOn: '2023-01-19' };

describe('the point of view of a read', () => {
  it('reads at and asOf from the address, absent when the address has none', () => {
    expect(timeViewOf(new URLSearchParams('at=2021-02-05&asOf=51'))).toEqual({ at: '2021-02-05', asOf: '51' });
    expect(timeViewOf(new URLSearchParams(''))).toEqual({ at: undefined, asOf: undefined });
  });

  it('names a committee by the position its seal covers, a release by its name, else an instant or a position', () => {
    expect(referenceOf(undefined, [citp5], [release])).toEqual({ kind: 'now' });
    expect(referenceOf('51', [citp5], [release])).toEqual({ kind: 'cycle', cycle: citp5 });
    expect(referenceOf('barometre:2023-01-19', [citp5], [release])).toEqual({ kind: 'release', release });
    expect(referenceOf('52', [citp5], [release])).toEqual({ kind: 'position', position: '52' });
    const instant = '2026-12-05T04:00:00.000Z';
    expect(referenceOf(instant, [citp5], [release])).toEqual({ kind: 'instant', instant });
  });

  it('reads a committee at the date it was held, a release at its publication, an instant at the date chosen', () => {
    expect(viewOf({ kind: 'cycle', cycle: citp5 }, '2030-01-01')).toEqual({ at: '2021-02-05', asOf: '51' });
    expect(viewOf({ kind: 'release', release }, undefined)).toEqual({
      at: '2023-01-19',
      asOf: 'barometre:2023-01-19',
    });
    expect(viewOf({ kind: 'instant', instant: '2026-01-01T00:00:00Z' }, '2021-06-30')).toEqual({
      at: '2021-06-30',
      asOf: '2026-01-01T00:00:00Z',
    });
    expect(viewOf({ kind: 'now' }, undefined)).toEqual({ at: undefined });
  });
});
