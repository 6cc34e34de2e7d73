import type { Territory } from '@portfolio/domain';

// INSEE codes: 18 regions (13 in mainland France, 5 overseas) and 101 départements, plus France as a whole: the
// ~120 territories the Baromètre publishes for.
const REGIONS = [
  '11',
  '24',
  '27',
  '28',
  '32',
  '44',
  '52',
  '53',
  '75',
  '76',
  '84',
  '93',
  '94',
  '01',
  '02',
  '03',
  '04',
  '06',
];
const MAINLAND_DEPARTEMENTS = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).flatMap((code) =>
  code === '20' ? ['2A', '2B'] : [code],
);
const OVERSEAS_DEPARTEMENTS = ['971', '972', '973', '974', '976'];

export const TERRITORIES: readonly Territory[] = [
  { level: 'national', code: 'FR' },
  ...REGIONS.map((code) => ({ level: 'region' as const, code })),
  ...[...MAINLAND_DEPARTEMENTS, ...OVERSEAS_DEPARTEMENTS].map((code) => ({ level: 'departement' as const, code })),
];
