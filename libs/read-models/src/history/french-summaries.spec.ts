import type { DomainEvent } from '@portfolio/domain';
import { summariseEvent } from './summarise-event';
import { erased, launched, measured, reached, redesigned } from '../testing/summary-examples';

const summariseInFrench = (event: DomainEvent): string => summariseEvent(event, 'fr');
/** The narrow no-break space French puts between thousands. */
const THIN = '\u202f';

describe('summariseEvent in French', () => {
  it('names the mission, its programme, date and description in guillemets', () => {
    expect(
      summariseInFrench({
        type: 'MissionDefined',
        data: {
          missionCode: 'DATA',
          name: 'Données',
          programme: 'Tech.gouv',
          description: 'Ouvrir et\nexploiter les données',
          definedOn: '2019-04-25',
        },
      }),
    ).toBe(
      'Mission DATA « Données » définie dans le programme Tech.gouv le 2019-04-25 — « Ouvrir et exploiter les données »',
    );
  });

  it('gives a launched project its plan size, singular up to one', () => {
    expect(summariseInFrench(launched)).toBe(
      'Projet « FranceConnect » lancé dans la mission IDNUM le 2019-06-03 avec 2 jalons et 2 indicateurs (pilote : DINUM)',
    );
    const smaller = {
      ...launched,
      data: { ...launched.data, milestones: [], indicators: launched.data.indicators.slice(0, 1) },
    };
    expect(summariseInFrench(smaller)).toContain('avec 0 jalon et 1 indicateur');
  });

  it('says how late a milestone was reached, or that it was on time, with its evidence', () => {
    expect(summariseInFrench(reached(1200))).toBe(
      `Jalon franceconnect-plus atteint le 2021-06-30, avec 1${THIN}200 jours de retard`,
    );
    expect(summariseInFrench(reached(1))).toContain('avec 1 jour de retard');
    expect(summariseInFrench(reached(0, 'https://franceconnect.gouv.fr/partenaires'))).toBe(
      'Jalon franceconnect-plus atteint le 2021-06-30, dans les délais (justificatif : https://franceconnect.gouv.fr/partenaires)',
    );
  });

  it('writes measured values with French separators and names the territory', () => {
    expect(summariseInFrench(measured({ value: 26_512_345.75, source: 'Tableau de bord DINUM' }))).toBe(
      `Mesure de usagers-franceconnect = 26${THIN}512${THIN}345,75 pour la période se terminant le 2021-05-31` +
        ' (national FR), source : Tableau de bord DINUM',
    );
    expect(summariseInFrench(measured({ territory: { level: 'departement', code: '2A' } }))).toContain(
      '(département 2A)',
    );
  });

  it('tells a restatement from a first measurement, even of 0', () => {
    expect(
      summariseInFrench(measured({ value: 25.5, supersedes: 0, territory: { level: 'region', code: '84' } })),
    ).toBe('Correction de usagers-franceconnect pour la période se terminant le 2021-05-31 (région 84) : 0 → 25,5');
  });

  it('tells a published current value from a measurement', () => {
    expect(summariseInFrench(measured({ value: 143447, publishedCurrent: true }))).toBe(
      'Valeur actuelle publiée de usagers-franceconnect = 143\u202f447 pour la période se terminant le 2021-05-31 (national FR)',
    );
  });

  it('lists a redesign’s changes with agreeing participles, then the reason', () => {
    const milestone = { milestoneId: 'lutte-usurpation', title: 'Lutte contre l’usurpation', dueOn: '2022-06-30' };
    const event = redesigned({
      objective: 'Une identité numérique sûre',
      milestones: {
        added: [milestone, { ...milestone, milestoneId: 'autre' }],
        removed: ['raccordement-impots'],
        rescheduled: [],
      },
      indicators: {
        added: [],
        retired: ['usagers-franceconnect', 'delai'],
        retargeted: [
          { indicatorId: 'comptes', from: { value: 1, by: '2022-12-31' }, to: { value: 2, by: '2022-12-31' } },
        ],
      },
    });
    expect(summariseInFrench(event)).toBe(
      'Refonte (plan v2) le 2021-07-05 par citp-6 : objectif modifié, 2 jalons ajoutés, 1 jalon supprimé, ' +
        '2 indicateurs retirés, cible revue pour 1 indicateur — « Homologation RGS plus longue que prévu »',
    );
    expect(summariseInFrench(redesigned({}, { decidedBy: undefined }))).toMatch(
      /^Refonte \(plan v2\) le 2021-07-05 : aucune modification du plan — /,
    );
  });

  it('gives a closure its outcome in words', () => {
    expect(
      summariseInFrench({
        type: 'ProjectClosed',
        data: { projectId: 'x-project', outcome: 'abandoned', closedOn: '2021-12-15', note: 'Arrêt décidé' },
      }),
    ).toBe('Clôture (projet abandonné) le 2021-12-15 : Arrêt décidé');
  });

  it('names the review cycle, its date and what it sealed', () => {
    expect(
      summariseInFrench({
        type: 'ReviewCycleHeld',
        data: {
          cycleId: 'citp-5',
          title: 'CITP de février 2021',
          heldOn: '2021-02-05',
          sealedPosition: '1240',
          merkleRoot: '5f'.repeat(32),
          eventCount: 1234,
          signature: 'c2lnbmF0dXJl',
        },
      }),
    ).toBe(
      `Revue (CITP) citp-5 « CITP de février 2021 » tenue le 2021-02-05, scellant 1${THIN}234 événements jusqu’à la position 1240`,
    );
  });

  it('says whose personal data was erased, when, how many keys and why, by id only', () => {
    expect(summariseInFrench(erased())).toBe(
      'Données personnelles de oidc:https://auth.example#camille effacées le 2026-12-05, 2 clés supprimées : ' +
        'demande RGPD art. 17, ticket 4521',
    );
  });

  it('says which months a retention run erased', () => {
    const retention = erased({ scope: 'retention', before: '2025-12', periods: ['2025-10'], keyIds: ['2025-10.k'] });
    expect(summariseInFrench(retention)).toContain('(conservation : mois antérieurs à 2025-12), 1 clé supprimée :');
  });
});
