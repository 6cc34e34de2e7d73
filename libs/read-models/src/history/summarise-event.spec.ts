import type { DomainEvent } from '@portfolio/domain';
import { DOMAIN_EVENT_TYPES } from '@portfolio/domain';
import { LANGUAGES } from '../language';
import { summariseEvent } from './summarise-event';
import { everyTypeExamples, launched, measured, reached, redesigned } from '../testing/summary-examples';

const summariseInEnglish = (event: DomainEvent): string => summariseEvent(event, 'en');

describe('summariseEvent', () => {
  describe('MissionDefined', () => {
    it('names the mission, its programme and date', () => {
      expect(
        summariseInEnglish({
          type: 'MissionDefined',
          data: { missionCode: 'IDNUM', name: 'Identité numérique', programme: 'Tech.gouv', definedOn: '2019-04-25' },
        }),
      ).toBe('Defined mission IDNUM "Identité numérique" in programme Tech.gouv on 2019-04-25');
    });

    it('adds the description when there is one', () => {
      expect(
        summariseInEnglish({
          type: 'MissionDefined',
          data: {
            missionCode: 'DATA',
            name: 'Données',
            programme: 'Tech.gouv',
            description: 'Ouvrir et\nexploiter les données',
            definedOn: '2019-04-25',
          },
        }),
      ).toBe('Defined mission DATA "Données" in programme Tech.gouv on 2019-04-25 — "Ouvrir et exploiter les données"');
    });
  });

  describe('ProjectLaunched', () => {
    it('names the title, mission, date, plan size and lead', () => {
      expect(summariseInEnglish(launched)).toBe(
        'Launched "FranceConnect" in mission IDNUM on 2019-06-03 with 2 milestones and 2 indicators (lead: DINUM)',
      );
    });

    it('pluralises and formats the plan size', () => {
      const bigger: typeof launched = {
        ...launched,
        data: {
          ...launched.data,
          milestones: launched.data.milestones.slice(0, 1),
          indicators: Array.from({ length: 3 }, () => launched.data.indicators[0]),
        },
      };
      expect(summariseInEnglish(bigger)).toContain('with 1 milestone and 3 indicators');
    });
  });

  describe('MilestoneReached', () => {
    it('says how many days late', () => {
      expect(summariseInEnglish(reached(91))).toBe('Reached milestone franceconnect-plus on 2021-06-30, 91 days late');
    });

    it('uses the singular for one day', () => {
      expect(summariseInEnglish(reached(1))).toBe('Reached milestone franceconnect-plus on 2021-06-30, 1 day late');
    });

    it('formats long delays', () => {
      expect(summariseInEnglish(reached(1200))).toContain(', 1,200 days late');
    });

    it('says on time when not late', () => {
      expect(summariseInEnglish(reached(0))).toBe('Reached milestone franceconnect-plus on 2021-06-30, on time');
    });

    it('adds the evidence when there is some', () => {
      expect(summariseInEnglish(reached(0, 'https://franceconnect.gouv.fr/partenaires'))).toBe(
        'Reached milestone franceconnect-plus on 2021-06-30, on time (evidence: https://franceconnect.gouv.fr/partenaires)',
      );
    });
  });

  describe('IndicatorMeasured', () => {
    it('gives the value, period and territory of a first measurement', () => {
      expect(summariseInEnglish(measured())).toBe(
        'Measured usagers-franceconnect = 26 for the period ending 2021-05-31 (national FR)',
      );
    });

    it('keeps decimals and groups thousands', () => {
      expect(summariseInEnglish(measured({ value: 26_512_345.75 }))).toContain(' = 26,512,345.75 for the period');
    });

    it('names a region or a department', () => {
      expect(summariseInEnglish(measured({ territory: { level: 'region', code: '84' } }))).toContain('(region 84)');
      expect(summariseInEnglish(measured({ territory: { level: 'departement', code: '2A' } }))).toContain(
        '(department 2A)',
      );
    });

    it('tells a restatement, with the old and new values', () => {
      expect(
        summariseInEnglish(measured({ value: 25.5, supersedes: 26, territory: { level: 'region', code: '84' } })),
      ).toBe('Restated usagers-franceconnect for the period ending 2021-05-31 (region 84): 26 → 25.5');
    });

    it('tells a restatement of a zero value', () => {
      expect(summariseInEnglish(measured({ value: 3, supersedes: 0 }))).toBe(
        'Restated usagers-franceconnect for the period ending 2021-05-31 (national FR): 0 → 3',
      );
    });

    it("tells a release's published current value from a value of the series", () => {
      expect(summariseInEnglish(measured({ value: 143447, publishedCurrent: true }))).toBe(
        'Published current value of usagers-franceconnect = 143,447 for the period ending 2021-05-31 (national FR)',
      );
    });

    it('adds the source when there is one', () => {
      expect(summariseInEnglish(measured({ source: 'Tableau de bord DINUM' }))).toBe(
        'Measured usagers-franceconnect = 26 for the period ending 2021-05-31 (national FR), source: Tableau de bord DINUM',
      );
    });
  });

  describe('ProjectRedesigned', () => {
    it('gives the plan version, date, decider, change counts and reason', () => {
      const event = redesigned({
        milestones: { added: [], removed: ['raccordement-impots'], rescheduled: [] },
        indicators: {
          added: [],
          retired: [],
          retargeted: [
            {
              indicatorId: 'usagers-franceconnect',
              from: { value: 40, by: '2022-12-31' },
              to: { value: 35, by: '2022-12-31' },
            },
          ],
        },
      });
      expect(summariseInEnglish(event)).toBe(
        'Redesigned (plan v2) on 2021-07-05 by citp-6: removed 1 milestone, retargeted 1 indicator — "Homologation RGS plus longue que prévu"',
      );
    });

    it('lists every kind of change in a fixed order', () => {
      const milestone = { milestoneId: 'lutte-usurpation', title: 'Lutte contre l’usurpation', dueOn: '2022-06-30' };
      const indicator = launched.data.indicators[0];
      const event = redesigned(
        {
          objective: 'Une identité numérique sûre',
          milestones: {
            added: [milestone, { ...milestone, milestoneId: 'autre' }],
            removed: ['raccordement-impots'],
            rescheduled: [{ milestoneId: 'franceconnect-plus', from: '2020-06-30', to: '2020-12-15' }],
          },
          indicators: {
            added: [{ ...indicator, indicatorId: 'comptes-plus' }],
            retired: ['usagers-franceconnect', 'delai'],
            retargeted: [
              { indicatorId: 'comptes', from: { value: 1, by: '2022-12-31' }, to: { value: 2, by: '2022-12-31' } },
            ],
          },
        },
        { planVersion: 3, decidedBy: undefined, reason: 'Revue' },
      );
      expect(summariseInEnglish(event)).toBe(
        'Redesigned (plan v3) on 2021-07-05: changed the objective, added 2 milestones, removed 1 milestone, ' +
          'rescheduled 1 milestone, added 1 indicator, retired 2 indicators, retargeted 1 indicator — "Revue"',
      );
    });

    it('omits the decider when there is none', () => {
      const event = redesigned({ objective: 'Nouvel objectif' }, { decidedBy: undefined });
      expect(summariseInEnglish(event)).toMatch(/^Redesigned \(plan v2\) on 2021-07-05: changed the objective — /);
    });

    it('truncates a long reason with an ellipsis and keeps it on one line', () => {
      const reason = `Le comité a constaté\n${'que le calendrier était trop serré '.repeat(10)}`;
      const summary = summariseInEnglish(redesigned({ objective: 'Nouvel objectif' }, { reason }));
      const quotedReason = summary.slice(summary.indexOf(' — "') + 4, -1);
      expect(summary).not.toContain('\n');
      expect(summary.endsWith('…"')).toBe(true);
      expect(Array.from(quotedReason)).toHaveLength(120);
      expect(quotedReason.startsWith('Le comité a constaté que le calendrier')).toBe(true);
    });

    it('still reads when nothing changed', () => {
      expect(summariseInEnglish(redesigned({}))).toContain('by citp-6: no change to the plan — ');
    });
  });

  describe('ProjectClosed', () => {
    it('gives the outcome, date and note', () => {
      expect(
        summariseInEnglish({
          type: 'ProjectClosed',
          data: { projectId: 'franceconnect', outcome: 'completed', closedOn: '2021-12-15', note: 'En production' },
        }),
      ).toBe('Closed as completed on 2021-12-15: En production');
    });

    it('tells an abandoned project and truncates a long note', () => {
      const summary = summariseInEnglish({
        type: 'ProjectClosed',
        data: { projectId: 'x-project', outcome: 'abandoned', closedOn: '2021-12-15', note: 'Arrêt. '.repeat(40) },
      });
      expect(summary.startsWith('Closed as abandoned on 2021-12-15: Arrêt. Arrêt.')).toBe(true);
      expect(summary.endsWith('…')).toBe(true);
      expect(summary.length).toBeLessThan(200);
    });
  });

  describe('ReviewCycleHeld', () => {
    it('names the cycle, title, date, event count and sealed position', () => {
      expect(
        summariseInEnglish({
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
      ).toBe('Held review cycle citp-5 "CITP de février 2021" on 2021-02-05, sealing 1,234 events up to position 1240');
    });

    it('uses the singular for one event', () => {
      expect(
        summariseInEnglish({
          type: 'ReviewCycleHeld',
          data: {
            cycleId: 'citp-1',
            title: 'Premier CITP',
            heldOn: '2019-06-01',
            sealedPosition: '1',
            merkleRoot: '00'.repeat(32),
            eventCount: 1,
            signature: 'c2lnbmF0dXJl',
          },
        }),
      ).toContain('sealing 1 event up to position 1');
    });
  });

  it('has an example for every event type', () => {
    // Guards the one-line check below: a new event type must join its examples.
    const tested = new Set(everyTypeExamples().map((event) => event.type));
    expect([...tested].sort()).toEqual([...DOMAIN_EVENT_TYPES].sort());
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    it('refuses an event of an unknown type rather than mis-summarising it', () => {
      const unknown = { type: 'ProjectPaused', data: {} } as unknown as DomainEvent;
      expect(() => summariseEvent(unknown, language)).toThrow(/ProjectPaused/);
    });

    it('gives a single line for every type', () => {
      for (const event of everyTypeExamples()) {
        expect(summariseEvent(event, language)).not.toMatch(/[\r\n]/);
      }
    });
  });

  it('says something different in French than in English for every type', () => {
    for (const event of everyTypeExamples()) {
      expect(summariseEvent(event, 'fr')).not.toBe(summariseEvent(event, 'en'));
    }
  });
});
