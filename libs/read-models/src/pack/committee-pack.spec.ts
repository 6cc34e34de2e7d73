import {
  apiParticulier,
  dataView,
  fcAtCitp4,
  fcAtCitp6,
  hubeeAtCitp4,
  hubeeAtCitp6,
  idnumView,
  vitamActive,
  vitamClosed,
} from '../testing/time-travel-documents';
import { citp4NamedAsFirst, citp6NamedAgainstCitp5 } from '../testing/time-travel-named-changes';
import { committeePack } from './committee-pack';
import { CHANGE_COLUMNS, PROJECT_COLUMNS } from './pack-columns';

// The time-travel scenario's reviews (libs/read-models/src/testing): their portfolios and named changes as worked out
// by hand there, here read as the committee's pack.

const DELAI = 'Average days to process a file sent between administrations';
const USAGERS = 'Citizens with a FranceConnect account';

const citp6Report = {
  cycleId: 'citp-6',
  portfolio: { missions: [dataView([apiParticulier, hubeeAtCitp6, vitamClosed]), idnumView([fcAtCitp6])] },
  changes: citp6NamedAgainstCitp5,
};

describe('the committee pack of a review cycle', () => {
  it("lists every project in the portfolio's order, its health, progress and milestones in French", () => {
    const { projects } = committeePack(citp6Report);
    expect(projects.columns).toBe(PROJECT_COLUMNS);
    expect(projects.rows.map((row) => [row.code_mission, row.id_projet, row.statut, row.issue, row.sante])).toEqual([
      ['DATA', 'api-particulier', 'en cours', null, 'vert'],
      ['DATA', 'hubee', 'en cours', null, 'orange'],
      ['DATA', 'vitam', 'clôturé', 'achevé', null],
      ['IDNUM', 'franceconnect', 'en cours', null, 'rouge'],
    ]);
    expect(projects.rows[3]).toEqual({
      code_mission: 'IDNUM',
      mission: 'Identité numérique',
      id_projet: 'franceconnect',
      projet: 'FranceConnect',
      statut: 'en cours',
      issue: null,
      sante: 'rouge',
      avancement: 85,
      jalons: 2,
      jalons_atteints: 1,
      jalons_atteints_en_retard: 1,
      jalons_en_retard: 1,
      version_plan: 1,
      lance_le: '2019-04-25',
      cloture_le: null,
      evolution:
        `« ${USAGERS} » : 24 millions → 27 millions (+3) ; ` +
        'santé vert → rouge : jalon « AgentConnect for public agents » en retard de 114 jours (rouge)',
    });
  });

  it('rounds progress to the tenth and leaves it empty for a project without indicators', () => {
    const { projects } = committeePack(citp6Report);
    // Hubee: (18 − 30) / (12 − 30) = 66.666… %.
    expect(projects.rows.map((row) => row.avancement)).toEqual([null, 66.7, null, 85]);
  });

  it("says a closed project's closure, and nothing for a project that did not change", () => {
    const { projects } = committeePack(citp6Report);
    expect(projects.rows[2]).toMatchObject({ cloture_le: '2021-06-30', evolution: expect.stringMatching(/^clôturé/) });
    expect(projects.rows[0].evolution).toBeNull();
  });

  it('lists the changes by project, then redesign, milestones, values and health, each in words', () => {
    const { changes } = committeePack(citp6Report);
    expect(changes.columns).toBe(CHANGE_COLUMNS);
    expect(changes.rows).toEqual([
      {
        id_projet: 'franceconnect',
        projet: 'FranceConnect',
        nature: 'nouvelle valeur',
        element: USAGERS,
        avant: '24',
        apres: '27',
        variation: 3,
        unite: 'millions',
        date: '2021-06-30',
        detail: `« ${USAGERS} » : 24 millions → 27 millions (+3)`,
      },
      {
        id_projet: 'franceconnect',
        projet: 'FranceConnect',
        nature: 'changement de santé',
        element: null,
        avant: 'vert',
        apres: 'rouge',
        variation: null,
        unite: null,
        date: null,
        detail: 'santé vert → rouge : jalon « AgentConnect for public agents » en retard de 114 jours (rouge)',
      },
      {
        id_projet: 'hubee',
        projet: 'Hubee',
        nature: 'révision du plan',
        element: null,
        avant: '1',
        apres: '2',
        variation: null,
        unite: null,
        date: '2021-07-05',
        detail:
          'plan révisé (version 2) le 2021-07-05 par DINUM steering committee : ' +
          'Ministries join one by one: the opening is phased',
      },
      {
        id_projet: 'hubee',
        projet: 'Hubee',
        nature: 'jalon replanifié',
        element: 'Hubee open to every ministry',
        avant: '2020-06-30',
        apres: '2021-12-31',
        variation: null,
        unite: null,
        date: null,
        detail: 'jalon « Hubee open to every ministry » replanifié du 2020-06-30 au 2021-12-31',
      },
      {
        id_projet: 'hubee',
        projet: 'Hubee',
        nature: 'nouvelle valeur',
        element: DELAI,
        avant: '20',
        apres: '18',
        variation: -2,
        unite: 'days',
        date: '2021-06-30',
        detail: `« ${DELAI} » : 20 days → 18 days (-2)`,
      },
      {
        id_projet: 'hubee',
        projet: 'Hubee',
        nature: 'changement de santé',
        element: null,
        avant: 'rouge',
        apres: 'orange',
        variation: null,
        unite: null,
        date: null,
        detail: `santé rouge → orange : indicateur « ${DELAI} » à 66,7 % de sa cible pour 68,8 % attendus (orange)`,
      },
      {
        id_projet: 'vitam',
        projet: 'Vitam',
        nature: 'clôture',
        element: null,
        avant: 'en cours',
        apres: 'clôturé',
        variation: null,
        unite: null,
        date: '2021-06-30',
        detail: 'clôturé le 2021-06-30 (achevé) : Vitam v4 in service',
      },
    ]);
  });

  it('counts every project of the first cycle as launched, with its first values and the milestones reached', () => {
    const { changes } = committeePack({
      cycleId: 'citp-4',
      portfolio: { missions: [dataView([hubeeAtCitp4, vitamActive(0)]), idnumView([fcAtCitp4])] },
      changes: citp4NamedAsFirst,
    });
    expect(changes.rows.map((row) => [row.id_projet, row.nature, row.detail])).toEqual([
      ['franceconnect', 'lancement', 'lancé le 2019-04-25'],
      [
        'franceconnect',
        'jalon atteint',
        'jalon « FranceConnect+ with La Poste digital identity » atteint le 2019-10-31 avec 31 jours de retard',
      ],
      ['franceconnect', 'nouvelle valeur', `« ${USAGERS} » : première valeur 15 millions`],
      ['hubee', 'lancement', 'lancé le 2019-07-01'],
      ['hubee', 'nouvelle valeur', `« ${DELAI} » : première valeur 28 days`],
      ['vitam', 'lancement', 'lancé le 2019-05-15'],
    ]);
    expect(changes.rows[2]).toMatchObject({ avant: null, apres: '15', variation: null, date: '2019-09-30' });
  });
});
