import { NATIONAL_TERRITORY, foldProject, knownValue, type ProjectEvent } from '@portfolio/domain';
import type { JsonObject, StoredEvent } from '@portfolio/event-store';
import { toDomainEvent } from './domain-event-codec';

/** An event as a version-1 log holds it (every type was at version 1 before IndicatorMeasured's version 2). */
function stored(position: number, type: string, data: JsonObject, schemaVersion = 1): StoredEvent {
  return {
    eventId: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
    type,
    schemaVersion,
    data,
    metadata: {},
    position: BigInt(position),
    streamId: 'project-franceconnect',
    revision: BigInt(position - 1),
    recordedAt: '2021-06-30T08:00:00.000Z',
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

const launched = stored(1, 'ProjectLaunched', {
  projectId: 'franceconnect',
  missionCode: 'TECH-GOUV',
  name: 'FranceConnect',
  objective: 'Un compte pour toutes les démarches',
  launchedOn: '2019-01-01',
  milestones: [],
  indicators: [
    {
      indicatorId: 'comptes-actifs',
      name: 'Comptes actifs',
      unit: 'comptes',
      direction: 'increase',
      baseline: { value: 10, on: '2019-01-01' },
      target: { value: 40, on: '2022-12-31' },
    },
  ],
});

/** An IndicatorMeasured as recorded before values named their release: no `release` field. */
const measuredWithoutRelease = {
  projectId: 'franceconnect',
  indicatorId: 'comptes-actifs',
  value: 24,
  period: '2020-12-31',
  territory: { level: 'national', code: 'FR' },
  source: 'DINUM',
};

describe('toDomainEvent', () => {
  it('decodes an IndicatorMeasured recorded without a release as a value of no release, at the same schema version', () => {
    const event = toDomainEvent(stored(2, 'IndicatorMeasured', measuredWithoutRelease));

    expect(event).toEqual({ type: 'IndicatorMeasured', data: { ...measuredWithoutRelease, decimals: 0 } });
    expect(event.type === 'IndicatorMeasured' && event.data.release).toBeUndefined();
  });

  it('reads a version-2 IndicatorMeasured as stored, and refuses a version this release does not know', () => {
    const measured = { ...measuredWithoutRelease, value: 24.5, decimals: 2 };
    expect(toDomainEvent(stored(2, 'IndicatorMeasured', measured, 2))).toEqual({
      type: 'IndicatorMeasured',
      data: measured,
    });
    expect(() => toDomainEvent(stored(7, 'IndicatorMeasured', measured, 3))).toThrow(
      'event at position 7: event IndicatorMeasured v3: this release reads versions 1 to 2 of this type',
    );
    expect(() => toDomainEvent(stored(8, 'ProjectLaunched', {}, 2))).toThrow(/versions 1 to 1/);
    expect(() => toDomainEvent(stored(9, 'ProjectPaused', {}))).toThrow(/unknown event type/);
  });

  it('decodes the release of an IndicatorMeasured that names one', () => {
    const release = { series: 'barometre', id: '2021-03-15', publishedOn: '2021-03-15' };
    const event = toDomainEvent(stored(2, 'IndicatorMeasured', { ...measuredWithoutRelease, release }));

    expect(event.type === 'IndicatorMeasured' && event.data.release).toEqual(release);
  });

  it('folds a log mixing values with and without a release into the same known values', () => {
    const release = { series: 'barometre', id: '2021-03-15', publishedOn: '2021-03-15' };
    const log = [
      launched,
      stored(2, 'IndicatorMeasured', measuredWithoutRelease),
      stored(3, 'IndicatorMeasured', { ...measuredWithoutRelease, period: '2021-03-31', value: 26, release }),
    ];

    const state = foldProject(log.map((event) => toDomainEvent(event) as ProjectEvent));

    if (state.status !== 'active') throw new Error(`project is ${state.status}`);
    expect(knownValue(state.measurements, 'comptes-actifs', NATIONAL_TERRITORY, '2020-12-31')).toBe(24);
    expect(knownValue(state.measurements, 'comptes-actifs', NATIONAL_TERRITORY, '2021-03-31')).toBe(26);
  });

  it('folds a published current value beside the series, and values recorded before the flag existed into it', () => {
    const release = { series: 'barometre', id: '2023-01-19', publishedOn: '2023-01-19' };
    const log = [
      launched,
      stored(2, 'IndicatorMeasured', measuredWithoutRelease),
      stored(3, 'IndicatorMeasured', { ...measuredWithoutRelease, value: 31, release, publishedCurrent: true }),
    ];

    const state = foldProject(log.map((event) => toDomainEvent(event) as ProjectEvent));

    if (state.status !== 'active') throw new Error(`project is ${state.status}`);
    expect(knownValue(state.measurements, 'comptes-actifs', NATIONAL_TERRITORY, '2020-12-31')).toBe(24);
    expect(state.publishedCurrent).toEqual({
      'comptes-actifs': { 'national:FR': { value: 31, period: '2020-12-31' } },
    });
  });
});
