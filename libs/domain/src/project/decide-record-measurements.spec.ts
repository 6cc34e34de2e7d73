import { given } from '../testing/given';
import { franceconnectClosed, franceconnectLaunched, measured, onToday } from '../testing/tech-gouv';
import type { MeasurementInput, RecordMeasurements } from './decide-record-measurements';
import type { ProjectRedesigned } from './project-events';

function record(...measurements: MeasurementInput[]): RecordMeasurements {
  return { type: 'RecordMeasurements', projectId: 'franceconnect', measurements };
}

const december = { indicatorId: 'comptes-actifs', value: 24_000_000, period: '2020-12-31' };
const lyon = { level: 'departement', code: '69' } as const;

const delaiRetired: ProjectRedesigned = {
  type: 'ProjectRedesigned',
  data: {
    projectId: 'franceconnect',
    planVersion: 2,
    reason: 'Indicateur remplacé par le taux de démarches raccordées',
    decidedOn: '2020-09-01',
    changes: {
      milestones: { added: [], removed: [], rescheduled: [] },
      indicators: { added: [], retired: ['delai-raccordement'], retargeted: [] },
    },
  },
};

describe('RecordMeasurements', () => {
  it('records a national value for France when no territory is given', () => {
    given(franceconnectLaunched)
      .when(record(december), onToday)
      .then(measured('comptes-actifs', 24_000_000, '2020-12-31'));
  });

  it('records the decimal places a value is given with, by default those its number shows', () => {
    given(franceconnectLaunched)
      .when(
        record({ ...december, value: 12.5, decimals: 2 }, { ...december, period: '2021-01-31', value: 0.125 }),
        onToday,
      )
      .then(
        measured('comptes-actifs', 12.5, '2020-12-31', { decimals: 2 }),
        measured('comptes-actifs', 0.125, '2021-01-31', { decimals: 3 }),
      );
  });

  it('refuses fewer decimal places than the value shows, more than the limit, or a fraction of one', () => {
    for (const decimals of [0, 11, 1.5, -1]) {
      given(franceconnectLaunched)
        .when(record({ ...december, value: 12.25, decimals }), onToday)
        .thenThrows({
          code: 'invalid_number',
          kind: 'invalid',
          path: 'measurements[0].decimals',
          message: /from 2 .* to 10/,
        });
    }
  });

  it('records nothing for the same value given with other decimal places: they state it, not restate it', () => {
    given(franceconnectLaunched, measured('comptes-actifs', 12.5, '2020-12-31'))
      .when(record({ ...december, value: 12.5, decimals: 2 }), onToday)
      .then();
  });

  it('records a territorial value with its source', () => {
    given(franceconnectLaunched)
      .when(record({ ...december, value: 310_000, territory: lyon, source: ' Baromètre DITP, mars 2021 ' }), onToday)
      .then(
        measured('comptes-actifs', 310_000, '2020-12-31', { territory: lyon, source: 'Baromètre DITP, mars 2021' }),
      );
  });

  it('records the release a value was taken from', () => {
    const release = { series: 'barometre', id: '2021-03-15', publishedOn: '2021-03-15' };
    given(franceconnectLaunched)
      .when(record({ ...december, source: 'Baromètre DITP', release }), onToday)
      .then(measured('comptes-actifs', 24_000_000, '2020-12-31', { source: 'Baromètre DITP', release }));
  });

  it('refuses a release whose id is not a slug or whose publication date is after today', () => {
    given(franceconnectLaunched)
      .when(
        record({ ...december, release: { series: 'barometre', id: 'Mars 2021', publishedOn: '2021-03-15' } }),
        onToday,
      )
      .thenThrows({ code: 'invalid_id', kind: 'invalid', path: 'measurements[0].release.id' });
    given(franceconnectLaunched)
      .when(
        record({ ...december, release: { series: 'barometre', id: '2021-07-01', publishedOn: '2021-07-01' } }),
        onToday,
      )
      .thenThrows({ code: 'date_in_future', kind: 'rule', path: 'measurements[0].release.publishedOn' });
  });

  it('records a restatement with the value it supersedes', () => {
    given(franceconnectLaunched, measured('comptes-actifs', 24_000_000, '2020-12-31'))
      .when(record({ ...december, value: 24_500_000 }), onToday)
      .then(measured('comptes-actifs', 24_500_000, '2020-12-31', { supersedes: 24_000_000 }));
  });

  it('supersedes the latest restatement, not the first value', () => {
    given(
      franceconnectLaunched,
      measured('comptes-actifs', 24_000_000, '2020-12-31'),
      measured('comptes-actifs', 24_500_000, '2020-12-31', { supersedes: 24_000_000 }),
    )
      .when(record({ ...december, value: 24_400_000 }), onToday)
      .then(measured('comptes-actifs', 24_400_000, '2020-12-31', { supersedes: 24_500_000 }));
  });

  it('records nothing when the same value is given again', () => {
    given(franceconnectLaunched, measured('comptes-actifs', 24_000_000, '2020-12-31'))
      .when(record(december), onToday)
      .then();
  });

  it('keeps territories and periods apart: the national value does not restate a departement one', () => {
    given(franceconnectLaunched, measured('comptes-actifs', 310_000, '2020-12-31', { territory: lyon }))
      .when(record(december, { ...december, period: '2020-11-30' }), onToday)
      .then(measured('comptes-actifs', 24_000_000, '2020-12-31'), measured('comptes-actifs', 24_000_000, '2020-11-30'));
  });

  it('decides each item of a batch against the state left by the ones before it', () => {
    given(franceconnectLaunched)
      .when(
        record(
          december,
          { ...december, value: 24_200_000 },
          { ...december, value: 24_200_000 },
          { ...december, indicatorId: 'delai-raccordement', value: 45 },
          { ...december, value: 24_000_000 },
        ),
        onToday,
      )
      .then(
        measured('comptes-actifs', 24_000_000, '2020-12-31'),
        measured('comptes-actifs', 24_200_000, '2020-12-31', { supersedes: 24_000_000 }),
        measured('delai-raccordement', 45, '2020-12-31'),
        measured('comptes-actifs', 24_000_000, '2020-12-31', { supersedes: 24_200_000 }),
      );
  });

  it('records a period ending up to 31 days after today, not 32', () => {
    given(franceconnectLaunched)
      .when(record({ ...december, period: '2021-07-31' }), onToday)
      .then(measured('comptes-actifs', 24_000_000, '2021-07-31'));
    given(franceconnectLaunched)
      .when(record({ ...december, period: '2021-08-01' }), onToday)
      .thenThrows({
        code: 'period_too_far_ahead',
        kind: 'rule',
        path: 'measurements[0].period',
        message: /2021-08-01/,
      });
  });

  it('records a period before the launch: history imported late', () => {
    given(franceconnectLaunched)
      .when(record({ ...december, period: '2018-12-31' }), onToday)
      .then(measured('comptes-actifs', 24_000_000, '2018-12-31'));
  });

  it('refuses a period that is not a date', () => {
    given(franceconnectLaunched)
      .when(record({ ...december, period: '2020-12' }), onToday)
      .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'measurements[0].period' });
  });

  it('measures only an indicator of the project', () => {
    given(franceconnectLaunched)
      .when(record(december, { ...december, indicatorId: 'taux-satisfaction' }), onToday)
      .thenThrows({
        code: 'indicator_not_found',
        kind: 'not_found',
        path: 'measurements[1].indicatorId',
        message: /taux-satisfaction/,
      });
  });

  it('does not measure a retired indicator', () => {
    given(franceconnectLaunched, delaiRetired)
      .when(record({ ...december, indicatorId: 'delai-raccordement', value: 40 }), onToday)
      .thenThrows({ code: 'indicator_retired', kind: 'rule', path: 'measurements[0].indicatorId' });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, null as unknown as number])('refuses the value %p', (value) => {
    given(franceconnectLaunched)
      .when(record({ ...december, value }), onToday)
      .thenThrows({ code: 'invalid_number', kind: 'invalid', path: 'measurements[0].value' });
  });

  it('refuses an unknown territory level', () => {
    given(franceconnectLaunched)
      .when(record({ ...december, territory: { level: 'commune' as 'region', code: '69123' } }), onToday)
      .thenThrows({ code: 'invalid_choice', kind: 'invalid', path: 'measurements[0].territory.level' });
  });

  it.each([
    [{ level: 'national', code: 'DE' }, 'a national figure for another country'],
    [{ level: 'region', code: 'Bretagne' }, 'a region by name'],
    [{ level: 'departement', code: '2a' }, 'a lowercase code'],
  ] as const)('refuses the territory %p: %s', (territory, _reason) => {
    given(franceconnectLaunched)
      .when(record({ ...december, territory }), onToday)
      .thenThrows({ code: 'invalid_territory', kind: 'invalid', path: 'measurements[0].territory.code' });
  });

  it('accepts INSEE region and overseas departement codes', () => {
    const bretagne = { level: 'region', code: '53' } as const;
    const reunion = { level: 'departement', code: '974' } as const;
    given(franceconnectLaunched)
      .when(record({ ...december, territory: bretagne }, { ...december, territory: reunion }), onToday)
      .then(
        measured('comptes-actifs', 24_000_000, '2020-12-31', { territory: bretagne }),
        measured('comptes-actifs', 24_000_000, '2020-12-31', { territory: reunion }),
      );
  });

  it('refuses an empty batch', () => {
    given(franceconnectLaunched).when(record(), onToday).thenThrows({ code: 'batch_empty', kind: 'invalid' });
  });

  it('takes up to 10,000 measurements in one batch, not 10,001', () => {
    const batch = (size: number) =>
      Array.from({ length: size }, (_, i) => ({
        ...december,
        value: i,
        territory: { level: 'departement', code: String(10 + (i % 90)) } as const,
      }));
    const decided = () => given(franceconnectLaunched).when(record(...batch(10_001)), onToday);
    decided().thenThrows({ code: 'batch_too_large', kind: 'invalid', path: 'measurements', message: /10001/ });
    // The last 90 items restate the first 90 departement values of the batch itself.
    const expected = batch(10_000).map((m, i) =>
      measured('comptes-actifs', m.value, m.period, {
        territory: m.territory,
        ...(i >= 90 ? { supersedes: i - 90 } : {}),
      }),
    );
    given(franceconnectLaunched)
      .when(record(...batch(10_000)), onToday)
      .then(...expected);
  });

  it('refuses the whole batch when one item is refused', () => {
    given(franceconnectLaunched)
      .when(record(december, { ...december, value: Number.NaN }), onToday)
      .thenThrows({ code: 'invalid_number', kind: 'invalid', path: 'measurements[1].value' });
  });

  it('bounds the source to 2000 characters', () => {
    given(franceconnectLaunched)
      .when(record({ ...december, source: 's'.repeat(2001) }), onToday)
      .thenThrows({ code: 'too_long', kind: 'invalid', path: 'measurements[0].source' });
  });

  it('refuses a batch whose source of one item carries a control character, naming the item', () => {
    given(franceconnectLaunched)
      .when(record(december, { ...december, period: '2021-01-31', source: 'DINUM\u001b[2J' }), onToday)
      .thenThrows({ code: 'invalid_characters', kind: 'invalid', path: 'measurements[1].source' });
  });

  it('acts only on a launched project', () => {
    given().when(record(december), onToday).thenThrows({ code: 'project_not_found', kind: 'not_found' });
  });

  it('acts only on a project still open', () => {
    given(franceconnectLaunched, franceconnectClosed)
      .when(record(december), onToday)
      .thenThrows({ code: 'project_closed', kind: 'conflict' });
  });

  describe("a release's published current value (a synthesis's VA)", () => {
    const published = { ...december, value: 143_447, publishedCurrent: true };

    it('is recorded beside the series, restating no value of the same period', () => {
      given(franceconnectLaunched, measured('comptes-actifs', 10_412, '2020-12-31'))
        .when(record(published), onToday)
        .then(measured('comptes-actifs', 143_447, '2020-12-31', { publishedCurrent: true }));
    });

    it('records nothing when it is the one already published, and replaces a different one', () => {
      const earlier = measured('comptes-actifs', 143_447, '2020-12-31', { publishedCurrent: true });
      given(franceconnectLaunched, earlier).when(record(published), onToday).then();
      given(franceconnectLaunched, earlier)
        .when(record({ ...published, period: '2021-03-31' }), onToday)
        .then(measured('comptes-actifs', 143_447, '2021-03-31', { publishedCurrent: true }));
    });

    it('is not a value of the series: the same figure as the period value is still published', () => {
      given(franceconnectLaunched, measured('comptes-actifs', 143_447, '2020-12-31'))
        .when(record(published), onToday)
        .then(measured('comptes-actifs', 143_447, '2020-12-31', { publishedCurrent: true }));
    });

    it('keeps the initial value and targets the release measured it against; only a published value has them', () => {
      const publishedAgainst = {
        initial: { value: 0, on: '2020-05-31' },
        target: { value: 100_000, by: '2022-12-31' },
      };
      given(franceconnectLaunched)
        .when(record({ ...published, publishedAgainst }), onToday)
        .then(measured('comptes-actifs', 143_447, '2020-12-31', { publishedCurrent: true, publishedAgainst }));
      given(franceconnectLaunched)
        .when(record({ ...december, publishedAgainst }), onToday)
        .thenThrows({ code: 'invalid_choice', kind: 'invalid', path: 'measurements[0].publishedAgainst' });
      given(franceconnectLaunched)
        .when(record({ ...published, publishedAgainst: { target: { value: 1, by: 'soon' } } }), onToday)
        .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'measurements[0].publishedAgainst.target.by' });
    });

    it('refuses a flag that is not true or false', () => {
      given(franceconnectLaunched)
        .when(record({ ...december, publishedCurrent: 'yes' as unknown as boolean }), onToday)
        .thenThrows({ code: 'invalid_choice', kind: 'invalid', path: 'measurements[0].publishedCurrent' });
    });
  });
});
