import { forbiddenCharacterIn, MISSION_CODE_PATTERN, SHORT_TEXT, SLUG_PATTERN } from '@portfolio/domain';
import fc from 'fast-check';
import {
  bounded,
  missionCodeForSector,
  parseDecimal,
  projectIdForMesure,
  releaseDateOfFileName,
  slugify,
} from './mapping';

describe('slugify', () => {
  it('drops accents, spells ligatures out and turns punctuation and apostrophes into single dashes', () => {
    expect(slugify('Redynamiser les cœurs de ville')).toBe('redynamiser-les-coeurs-de-ville');
    expect(slugify("Pacte d'ambition pour l’insertion")).toBe('pacte-d-ambition-pour-l-insertion');
    expect(slugify(' Dédoubler les classes (grande section, CP, CE1) ')).toBe(
      'dedoubler-les-classes-grande-section-cp-ce1',
    );
  });
});

describe('projectIdForMesure', () => {
  it('is the slug of a mesure that fits in an id', () => {
    expect(projectIdForMesure('Déployer le Pass culture')).toBe('deployer-le-pass-culture');
  });

  it('gives the same project to mesures differing only in case, accents, spaces or punctuation', () => {
    expect(projectIdForMesure('Déployer le pass Culture')).toBe(projectIdForMesure('Déployer le Pass culture'));
    expect(projectIdForMesure('Déployer une offre France services dans tous les territoires ')).toBe(
      projectIdForMesure('Déployer une offre France Services dans tous les territoires'),
    );
  });

  it('cuts a long mesure at a word and adds a short hash of the whole slug: ids stay distinct when titles share a prefix', () => {
    const common = 'Lutter contre la récidive par une meilleure insertion professionnelle des ';
    const a = projectIdForMesure(`${common}personnes placées sous main de justice`);
    const b = projectIdForMesure(`${common}condamnés`);
    expect(a).toMatch(/^lutter-contre-la-recidive-par-une-meilleure-insertion-[0-9a-f]{8}$/);
    expect(b).toMatch(/^lutter-contre-la-recidive-par-une-meilleure-insertion-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(projectIdForMesure(`${common}condamnés`)).toBe(b);
  });

  it('always gives a valid id, deterministic, and distinct ids for distinct slugs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (x, y) => {
        const id = projectIdForMesure(x);
        expect(id).toMatch(SLUG_PATTERN);
        expect(projectIdForMesure(x)).toBe(id);
        if (slugify(x) !== slugify(y) && slugify(x).length >= 2 && slugify(y).length >= 2) {
          expect(projectIdForMesure(y)).not.toBe(id);
        }
      }),
    );
  });
});

describe('missionCodeForSector', () => {
  it('is the upper-case slug of the sector', () => {
    expect(missionCodeForSector('agriculture')).toBe('AGRICULTURE');
    expect(missionCodeForSector('services-publics-et-territoires')).toBe('SERVICES-PUBLICS-ET-TERRITOIRES');
    expect(missionCodeForSector('Santé & famille')).toBe('SANTE-FAMILLE');
  });

  it('starts with a letter and fits in 32 characters', () => {
    expect(missionCodeForSector('2030 France')).toBe('S-2030-FRANCE');
    const code = missionCodeForSector('une tres longue denomination de secteur qui depasse');
    expect(code).toMatch(MISSION_CODE_PATTERN);
    expect(missionCodeForSector('—')).toBeUndefined();
  });
});

describe('parseDecimal', () => {
  it.each([
    ['127251.0', 127251],
    ['0.0', 0],
    [' -3.5 ', -3.5],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('reads %p as %p', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(['', 'abc', '12,5', '1 000', 'NaN', 'Infinity', '0x10', '1e999'])('refuses %p', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('bounded', () => {
  it('trims, folds runs of spaces and cuts with an ellipsis', () => {
    expect(bounded('  a   b ')).toBe('a b');
    expect(bounded('abcdef', 4)).toBe('abc…');
  });

  it('cuts between code points, never through a surrogate pair', () => {
    const cut = bounded('Objectif 😀 atteint', 11);
    expect(cut).toBe('Objectif…');
    expect(forbiddenCharacterIn(cut, SHORT_TEXT)).toBeUndefined();
  });
});

describe('releaseDateOfFileName', () => {
  it('is the date a release file is named after', () => {
    expect(releaseDateOfFileName('2023-01-19-detail-national.csv')).toBe('2023-01-19');
    expect(releaseDateOfFileName('detail-departement-2A.csv')).toBeUndefined();
  });
});
