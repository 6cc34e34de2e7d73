import fc from 'fast-check';
import { territoryKey, type Territory } from '../shared/territory';
import { deepFreeze } from '../testing/deep-freeze';
import {
  comptesActifs,
  franceconnectClosed,
  franceconnectLaunched,
  measured,
  onToday,
  reached,
} from '../testing/tech-gouv';
import { decideRecordMeasurements } from './decide-record-measurements';
import { evolveProject, foldProject } from './evolve-project';
import type { ProjectEvent, ProjectRedesigned } from './project-events';

const indicatorId = fc.constantFrom('comptes-actifs', 'delai-raccordement', 'comptes-plus', 'constructor');
const milestoneId = fc.constantFrom('raccordement-impots', 'franceconnect-plus', 'lutte-usurpation');
const date = fc.constantFrom('2019-12-31', '2020-06-30', '2020-12-31', '2021-03-31');
const territory = fc.constantFrom<Territory>(
  { level: 'national', code: 'FR' },
  { level: 'region', code: '84' },
  { level: 'departement', code: '69' },
);
const value = fc.integer({ min: 0, max: 40_000_000 });

const measurement = fc
  .record({ indicatorId, value, period: date, territory })
  .map(({ indicatorId, value, period, territory }) => measured(indicatorId, value, period, { territory }));

const milestoneReached = fc
  .record({ milestoneId, reachedOn: date, daysLate: fc.nat(400) })
  .map(({ milestoneId, reachedOn, daysLate }) => reached(milestoneId, reachedOn, daysLate));

const redesign = fc
  .record({
    planVersion: fc.integer({ min: 2, max: 9 }),
    objective: fc.option(fc.constant('Une identité numérique sûre'), { nil: undefined }),
    removed: fc.subarray(['raccordement-impots', 'franceconnect-plus']),
    rescheduled: fc.subarray(['franceconnect-plus', 'lutte-usurpation']),
    added: fc.boolean(),
    retired: fc.subarray(['delai-raccordement', 'comptes-actifs']),
    retargeted: fc.subarray(['comptes-actifs', 'comptes-plus']),
  })
  .map((r): ProjectRedesigned => ({
    type: 'ProjectRedesigned',
    data: {
      projectId: 'franceconnect',
      planVersion: r.planVersion,
      reason: 'Revue CITP',
      decidedOn: '2021-02-05',
      changes: {
        ...(r.objective === undefined ? {} : { objective: r.objective }),
        milestones: {
          added: r.added ? [{ milestoneId: 'lutte-usurpation', title: 'Usurpation', dueOn: '2021-12-31' }] : [],
          removed: r.removed,
          rescheduled: r.rescheduled.map((id) => ({ milestoneId: id, from: '2020-06-30', to: '2021-09-30' })),
        },
        indicators: {
          added: r.added ? [{ ...comptesActifs, indicatorId: 'comptes-plus' }] : [],
          retired: r.retired,
          retargeted: r.retargeted.map((id) => ({
            indicatorId: id,
            from: comptesActifs.target,
            to: { value: 1, by: '2030-01-01' },
          })),
        },
      },
    },
  }));

// Any sequence, valid or not: evolve must be total, and the launch may come anywhere (or not at all).
const history: fc.Arbitrary<ProjectEvent[]> = fc.array(
  fc.oneof(
    { arbitrary: measurement, weight: 6 },
    { arbitrary: milestoneReached, weight: 2 },
    { arbitrary: redesign, weight: 1 },
    { arbitrary: fc.constant(franceconnectLaunched), weight: 2 },
    { arbitrary: fc.constant(franceconnectClosed), weight: 1 },
  ),
  { maxLength: 40 },
);

describe('evolveProject, for any history', () => {
  it('never mutates the state it is given', () => {
    fc.assert(
      fc.property(history, (events) => {
        let state = foldProject([]);
        for (const event of events) {
          const snapshot = structuredClone(state);
          // Frozen in place: a write anywhere inside would throw.
          const next = evolveProject(deepFreeze(state), deepFreeze(event));
          // toEqual, not toStrictEqual: the latter compares `.constructor`, and `constructor` is a valid indicator id.
          expect(state).toEqual(snapshot);
          state = next;
        }
      }),
    );
  });

  it('folds deterministically: same events, same state', () => {
    fc.assert(
      fc.property(history, (events) => {
        expect(foldProject(events)).toEqual(foldProject(structuredClone(events)));
      }),
    );
  });
});

describe('foldProject, for any history', () => {
  it('equals evolving event by event, though it writes its own records in place', () => {
    fc.assert(
      fc.property(history, (events) => {
        expect(foldProject(events)).toEqual(events.reduce(evolveProject, foldProject([])));
      }),
    );
  });

  it('never writes to the snapshot it resumes from', () => {
    fc.assert(
      fc.property(history, history, (before, after) => {
        const snapshot = deepFreeze(foldProject(before));
        const copy = structuredClone(snapshot);
        expect(foldProject(after, snapshot)).toEqual(foldProject([...before, ...after]));
        expect(snapshot).toEqual(copy);
      }),
    );
  });
});

describe('RecordMeasurements then evolve, for any batch', () => {
  it('keeps the last value given per indicator, territory and period, and restates what it replaces', () => {
    const item = fc.record({
      indicatorId: fc.constantFrom('comptes-actifs', 'delai-raccordement'),
      value: fc.integer({ min: 0, max: 3 }),
      period: date,
      territory,
    });
    fc.assert(
      fc.property(
        fc.array(measurement, { maxLength: 10 }),
        fc.array(item, { minLength: 1, maxLength: 30 }),
        (earlier, batch) => {
          const known = earlier.filter(
            (e) => e.data.indicatorId === 'comptes-actifs' || e.data.indicatorId === 'delai-raccordement',
          );
          const before = foldProject([franceconnectLaunched, ...known]);
          const events = decideRecordMeasurements(
            before,
            { type: 'RecordMeasurements', projectId: 'franceconnect', measurements: batch },
            onToday,
          );

          const model = new Map(known.map((e) => [keyOf(e.data), e.data.value]));
          const expected = batch.flatMap((m) => {
            const previous = model.get(keyOf(m));
            model.set(keyOf(m), m.value);
            if (previous === m.value) return [];
            return [
              measured(m.indicatorId, m.value, m.period, {
                territory: m.territory,
                ...(previous === undefined ? {} : { supersedes: previous }),
              }),
            ];
          });
          expect(events).toStrictEqual(expected);

          const after = foldProject(events, before);
          if (after.status !== 'active') throw new Error('the project should stay active');
          for (const [key, latest] of model) {
            const [indicator, territoryKeyed, period] = key.split('|');
            expect(after.measurements[indicator][territoryKeyed][period]).toBe(latest);
          }
        },
      ),
    );
  });
});

function keyOf(m: { indicatorId: string; territory: Territory; period: string }): string {
  return `${m.indicatorId}|${territoryKey(m.territory)}|${m.period}`;
}
