import { noNamedChanges, type NamedChanges } from '../../../libs/read-models/src/diff/named-changes';
import { changesInWords } from './changes-in-words';

// What changed between two committees, as the Revue page says it.

const NOTHING: NamedChanges = noNamedChanges();
const project = { projectId: 'p1', projectTitle: 'France Identité' };

describe('what changed since the previous committee, in words', () => {
  it('says nothing of the kinds of change that did not happen', () => {
    expect(changesInWords(NOTHING)).toEqual([]);
  });

  it('names a health change, its colours and why, and an indicator moved with its values rounded and the difference', () => {
    const changes: NamedChanges = {
      ...NOTHING,
      healthChanges: [
        {
          ...project,
          from: 'green',
          to: 'red',
          previousReasons: [],
          reasons: [
            {
              kind: 'milestone_overdue',
              milestoneId: 'm1',
              title: 'Ouverture',
              dueOn: '2021-01-01',
              overdueDays: 35,
              colour: 'red',
            },
            {
              kind: 'indicator_behind',
              indicatorId: 'i1',
              label: 'Usagers',
              progress: 40.5,
              expectedProgress: 60,
              colour: 'amber',
            },
          ],
        },
      ],
      indicatorMoves: [
        {
          ...project,
          indicatorId: 'i1',
          label: 'Usagers',
          unit: 'millions d’usagers',
          decimals: 2,
          before: { value: 1.5, period: '2020-12-31' },
          after: { value: 2.25, period: '2021-01-31' },
          delta: 0.75,
        },
      ],
    };
    expect(changesInWords(changes)).toEqual([
      {
        title: 'Santé des projets',
        lines: [
          {
            text:
              '« France Identité » passe de vert à rouge : le jalon « Ouverture », prévu le 1 janvier 2021, a 35 jours ' +
              'de retard ; « Usagers » atteint 40,5 % de sa cible pour 60 % attendus.',
            health: { from: 'green', to: 'red' },
          },
        ],
      },
      {
        title: 'Indicateurs',
        lines: [
          {
            text:
              '« France Identité » : « Usagers » passe de 1,50 millions d’usagers (au 31 décembre 2020) à 2,25 ' +
              'millions d’usagers (au 31 janvier 2021) : +0,75.',
          },
        ],
      },
    ]);
  });

  it('tells a milestone reached late from one on time, and a milestone put off from one brought forward', () => {
    const milestone = { ...project, milestoneId: 'm1', title: 'Ouverture', dueOn: '2021-03-01' };
    const changes: NamedChanges = {
      ...NOTHING,
      milestones: {
        reached: [
          { ...milestone, reachedOn: '2021-03-11', daysLate: 10 },
          { ...milestone, title: 'Pilote', reachedOn: '2021-02-01', daysLate: 0 },
        ],
        added: [],
        removed: [],
        rescheduled: [
          { ...milestone, previousDueOn: '2021-01-01' },
          { ...milestone, title: 'Pilote', previousDueOn: '2021-06-01' },
        ],
      },
    };
    const texts = changesInWords(changes).map((section) => [section.title, section.lines.map((line) => line.text)]);
    expect(texts).toEqual([
      [
        'Jalons atteints',
        [
          '« France Identité » : « Ouverture » atteint le 11 mars 2021, avec 10 jours de retard (prévu le 1 mars 2021).',
          '« France Identité » : « Pilote » atteint le 1 février 2021, à temps (prévu le 1 mars 2021).',
        ],
      ],
      [
        'Jalons replanifiés',
        [
          '« France Identité » : « Ouverture » reporté du 1 janvier 2021 au 1 mars 2021.',
          '« France Identité » : « Pilote » avancé du 1 juin 2021 au 1 mars 2021.',
        ],
      ],
    ]);
  });

  it('names redesigns with their reason and closures with their outcome', () => {
    const changes: NamedChanges = {
      ...NOTHING,
      redesigned: [{ ...project, planVersion: 2, decidedOn: '2021-01-15', decidedBy: 'DINUM', reason: 'Recentrage.' }],
      closed: [{ ...project, outcome: 'abandoned', closedOn: '2021-02-01', note: 'Remplacé.' }],
    };
    expect(changesInWords(changes).flatMap((section) => section.lines.map((line) => line.text))).toEqual([
      '« France Identité » : plan n° 2 décidé le 15 janvier 2021 par DINUM : Recentrage.',
      '« France Identité » clôturé le 1 février 2021, abandonné : Remplacé.',
    ]);
  });
});
