import { franceconnectLaunched, measured } from '../testing/tech-gouv';
import { foldProject } from './evolve-project';
import { isPublishedAlready, knownValue, latestValue } from './measurements';
import type { LaunchedProject } from './project-state';

const lyon = { level: 'departement', code: '69' } as const;
const project = foldProject([
  franceconnectLaunched,
  measured('comptes-actifs', 26_000_000, '2021-03-31'),
  measured('comptes-actifs', 24_000_000, '2020-12-31'),
  measured('comptes-actifs', 27_000_000, '2021-03-31', { supersedes: 26_000_000 }),
  measured('comptes-actifs', 400_000, '2021-05-31', { territory: lyon }),
  measured('delai-raccordement', 60, '2020-12-31'),
  measured('delai-raccordement', 45, '2021-03-31'),
  measured('delai-raccordement', 50, '2021-02-28'),
]) as LaunchedProject;

describe('latestValue', () => {
  it('is the national value of the latest period known, whatever the order of recording', () => {
    expect(latestValue(project.measurements, 'comptes-actifs')).toEqual({ period: '2021-03-31', value: 27_000_000 });
    expect(latestValue(project.measurements, 'delai-raccordement')).toEqual({ period: '2021-03-31', value: 45 });
  });

  it('is read for a territory when one is given', () => {
    expect(latestValue(project.measurements, 'comptes-actifs', lyon)).toEqual({ period: '2021-05-31', value: 400_000 });
  });

  it('is nothing for an indicator or territory never measured', () => {
    expect(latestValue(project.measurements, 'taux-satisfaction')).toBeUndefined();
    expect(latestValue(project.measurements, 'comptes-actifs', { level: 'region', code: '84' })).toBeUndefined();
  });
});

describe('knownValue', () => {
  it('is the value after restatements for one indicator, territory and period', () => {
    expect(knownValue(project.measurements, 'comptes-actifs', { level: 'national', code: 'FR' }, '2021-03-31')).toBe(
      27_000_000,
    );
    expect(knownValue(project.measurements, 'comptes-actifs', lyon, '2021-03-31')).toBeUndefined();
    expect(knownValue(project.measurements, 'toString', lyon, '2021-03-31')).toBeUndefined();
  });
});

describe('isPublishedAlready', () => {
  const published = {
    value: 143_447,
    period: '2022-12-31',
    against: { initial: { value: 0, on: '2020-05-31' }, target: { value: 100_000, by: '2022-12-31' } },
  };

  it('is true for the same value, period, initial value and targets', () => {
    expect(isPublishedAlready(published, { ...published, against: { ...published.against } })).toBe(true);
  });

  it('is false for nothing known, or another value, period, initial value or target', () => {
    expect(isPublishedAlready(undefined, published)).toBe(false);
    expect(isPublishedAlready(published, { ...published, value: 143_448 })).toBe(false);
    expect(isPublishedAlready(published, { ...published, period: '2023-01-31' })).toBe(false);
    const retargeted = { ...published.against, target: { value: 120_000, by: '2022-12-31' } };
    expect(isPublishedAlready(published, { ...published, against: retargeted })).toBe(false);
    expect(isPublishedAlready(published, { value: published.value, period: published.period })).toBe(false);
  });
});
