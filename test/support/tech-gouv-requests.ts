/** Request bodies drawn from the Tech.gouv road map (DINUM, 2019-2022), for end-to-end tests. */
import { franceConnectReviewedLaunch } from './time-travel-scenario';

export { idnumMission } from './time-travel-scenario';

/**
 * FranceConnect as the command tests launch it: the reviewed project of the time-travel scenario, with FranceConnect+
 * due in 2021 (not late when these tests record it) and the accounts counted from April 2019.
 */
export const franceConnectLaunch = {
  ...franceConnectReviewedLaunch,
  milestones: franceConnectReviewedLaunch.milestones.map((milestone) =>
    milestone.milestoneId === 'franceconnect-plus' ? { ...milestone, dueOn: '2021-03-31' } : milestone,
  ),
  indicators: franceConnectReviewedLaunch.indicators.map((indicator) => ({
    ...indicator,
    baseline: { ...indicator.baseline, on: '2019-04-30' },
  })),
};

export const measurementMay2021 = { value: 26, period: '2021-05-31', source: 'DINUM press kit' };

/** The accounts of June 2021, national and in Auvergne-Rhône-Alpes (region 84), as one batch. */
export const juneBatch = [
  { indicatorId: 'usagers-franceconnect', value: 27, period: '2021-06-30' },
  {
    indicatorId: 'usagers-franceconnect',
    value: 2.1,
    period: '2021-06-30',
    territory: { level: 'region', code: '84' },
  },
];

export const citp5 = {
  cycleId: 'citp-5',
  title: '5e Comité interministériel de la transformation publique',
  heldOn: '2021-02-05',
};
