import type { StoredEvent } from '@portfolio/event-store';
import {
  citpJuly2021Held,
  franceconnectClosed,
  franceconnectLaunched,
  franceconnectPlusPostponed,
  idnumDefined,
  measured,
  reached,
} from '../../../domain/src/testing/tech-gouv';
import { givenEvents } from '../testing/given-events';
import { logOf } from '../testing/stored-events';
import { erased } from '../testing/summary-examples';
import { PortfolioProjector } from './portfolio.projector';

const [defined, launched, milestone, measurement, postponed, restated, regional, closed, cycle] = logOf(
  idnumDefined,
  franceconnectLaunched,
  reached('raccordement-impots', '2019-12-20', 0),
  measured('comptes-actifs', 12_500_000, '2019-12-31', { source: 'Tableau de bord FranceConnect' }),
  franceconnectPlusPostponed,
  measured('comptes-actifs', 12_800_000, '2019-12-31', { supersedes: 12_500_000 }),
  measured('comptes-actifs', 2_100_000, '2020-12-31', { territory: { level: 'region', code: '84' } }),
  franceconnectClosed,
  citpJuly2021Held,
);

/** IDNUM's mission row in a generation: defined at position 1. */
const idnum = (generation: number) => ({
  generation,
  mission_code: 'IDNUM',
  position: '1',
  defined_on: '2019-04-25',
  data: JSON.stringify(idnumDefined.data),
});

/** The fact row every project event but a measurement becomes: dated by its business date. */
const fact = (stored: StoredEvent, businessDate: string) => ({
  generation: 1,
  project_id: 'franceconnect',
  position: stored.position.toString(),
  business_date: businessDate,
  type: stored.type,
  data: JSON.stringify(stored.data),
});

describe('the portfolio projector', () => {
  it('keeps a defined mission with the position that made it known and its definition date', async () => {
    await givenEvents(defined)
      .whenProjectedBy(new PortfolioProjector())
      .thenRows({
        rm_missions: [idnum(1)],
      });
  });

  it('keeps a launch, a milestone reached, a redesign and a closure as facts dated by their business date', async () => {
    await givenEvents(launched, milestone, postponed, closed)
      .whenProjectedBy(new PortfolioProjector())
      .thenRows({
        rm_project_facts: [
          fact(launched, '2019-06-03'),
          fact(milestone, '2019-12-20'),
          fact(postponed, '2020-02-15'),
          fact(closed, '2021-06-01'),
        ],
      });
  });

  it('keeps every measurement by territory and period, a restatement beside the value it supersedes', async () => {
    const row = { generation: 1, project_id: 'franceconnect', indicator_id: 'comptes-actifs' };
    await givenEvents(measurement, restated, regional)
      .whenProjectedBy(new PortfolioProjector())
      .thenRows({
        rm_measurements: [
          {
            ...row,
            territory_key: 'national:FR',
            period: '2019-12-31',
            value: 12_500_000,
            supersedes: null,
            position: '4',
            recorded_at: '2021-06-30T08:00:03.000Z',
          },
          {
            ...row,
            territory_key: 'national:FR',
            period: '2019-12-31',
            value: 12_800_000,
            supersedes: 12_500_000,
            position: '6',
            recorded_at: '2021-06-30T08:00:05.000Z',
          },
          {
            ...row,
            territory_key: 'region:84',
            period: '2020-12-31',
            value: 2_100_000,
            supersedes: null,
            position: '7',
            recorded_at: '2021-06-30T08:00:06.000Z',
          },
        ],
      });
  });

  it('keeps the release a value was taken from by its position, and none for a value that names no release', async () => {
    const march = { series: 'barometre', id: '2021-03-15', publishedOn: '2021-03-15' };
    const [, fromMarch, unnamed, restatedInJune] = logOf(
      franceconnectLaunched,
      measured('comptes-actifs', 12_500_000, '2019-12-31', { release: march }),
      measured('comptes-actifs', 20_000_000, '2020-12-31'),
      measured('comptes-actifs', 12_600_000, '2019-12-31', {
        supersedes: 12_500_000,
        release: { series: 'barometre', id: '2021-06-10', publishedOn: '2021-06-10' },
      }),
    );
    await givenEvents(fromMarch, unnamed, restatedInJune)
      .whenProjectedBy(new PortfolioProjector())
      .thenRows({
        rm_measurements: [fromMarch, unnamed, restatedInJune].map((stored) => ({
          generation: 1,
          project_id: 'franceconnect',
          indicator_id: 'comptes-actifs',
          territory_key: 'national:FR',
          period: String(stored.data.period),
          value: Number(stored.data.value),
          supersedes: stored === restatedInJune ? 12_500_000 : null,
          position: stored.position.toString(),
          recorded_at: stored.recordedAt,
        })),
        rm_release_values: [
          { generation: 1, position: '2', series: 'barometre', release_id: '2021-03-15', published_on: '2021-03-15' },
          { generation: 1, position: '4', series: 'barometre', release_id: '2021-06-10', published_on: '2021-06-10' },
        ],
      });
  });

  it("keeps a release's published current value as a fact of its project, not in the series, with its release", async () => {
    const january2023 = { series: 'barometre', id: '2023-01-19', publishedOn: '2023-01-19' };
    const [, published] = logOf(
      franceconnectLaunched,
      measured('comptes-actifs', 26_000_000, '2022-12-31', { release: january2023, publishedCurrent: true }),
    );
    await givenEvents(published)
      .whenProjectedBy(new PortfolioProjector())
      .thenRows({
        rm_project_facts: [fact(published, '2022-12-31')],
        rm_release_values: [
          { generation: 1, position: '2', series: 'barometre', release_id: '2023-01-19', published_on: '2023-01-19' },
        ],
      });
  });

  it('keeps a review cycle with the day it was held and the time it was recorded', async () => {
    await givenEvents(cycle)
      .whenProjectedBy(new PortfolioProjector())
      .thenRows({
        rm_review_cycles: [
          {
            generation: 1,
            cycle_id: 'citp-2021-07',
            position: '9',
            held_on: '2021-06-30',
            recorded_at: '2021-06-30T08:00:08.000Z',
            data: JSON.stringify(citpJuly2021Held.data),
          },
        ],
      });
  });

  it('writes no portfolio row for an erasure of personal data', async () => {
    const [erasure] = logOf(erased());
    await givenEvents(erasure).whenProjectedBy(new PortfolioProjector()).thenRows({});
  });

  it('writes the generation it is given, so that a rebuild fills its own beside the one serving', async () => {
    await givenEvents(defined)
      .whenProjectedBy(new PortfolioProjector(), 2)
      .thenRows({
        rm_missions: [idnum(2)],
      });
  });

  it('refuses an event it has no projection for rather than skip it silently', async () => {
    await givenEvents({ ...cycle, type: 'ReviewCycleCancelled' })
      .whenProjectedBy(new PortfolioProjector())
      .thenThrows(/event ReviewCycleCancelled v1: unknown event type/);
  });
});
