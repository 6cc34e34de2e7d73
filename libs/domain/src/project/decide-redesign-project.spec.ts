import { given } from '../testing/given';
import {
  comptesActifs,
  franceconnectClosed,
  franceconnectLaunched,
  franceconnectPlusPostponed,
  onToday,
  reached,
} from '../testing/tech-gouv';
import type { RedesignProject } from './decide-redesign-project';
import type { IndicatorDefinition } from './plan';
import type { PlanChanges, ProjectRedesigned } from './project-events';

const citp: Pick<RedesignProject, 'type' | 'projectId' | 'reason' | 'decidedOn'> = {
  type: 'RedesignProject',
  projectId: 'franceconnect',
  reason: 'Recentrage sur les démarches sensibles décidé en CITP',
  decidedOn: '2021-02-05',
};

const redesign = (changes: RedesignProject['changes']): RedesignProject => ({ ...citp, changes });

const noChange: PlanChanges = {
  milestones: { added: [], removed: [], rescheduled: [] },
  indicators: { added: [], retired: [], retargeted: [] },
};

function redesigned(planVersion: number, changes: Partial<PlanChanges>, more: Partial<ProjectRedesigned['data']> = {}) {
  const data = { projectId: 'franceconnect', planVersion, reason: citp.reason, decidedOn: citp.decidedOn, ...more };
  return { type: 'ProjectRedesigned', data: { ...data, changes: { ...noChange, ...changes } } } as const;
}

const tauxDemarches: IndicatorDefinition = {
  indicatorId: 'taux-demarches-sensibles',
  label: 'Part des démarches sensibles accessibles via FranceConnect+',
  unit: '%',
  direction: 'increase',
  baseline: { value: 0, on: '2021-01-01' },
  target: { value: 80, by: '2022-12-31' },
};

const newTarget = { value: 40_000_000, by: '2023-06-30' };

describe('RedesignProject', () => {
  it('changes every part of the plan at once, filling `from` from the plan in force', () => {
    const usurpation = {
      milestoneId: 'lutte-usurpation',
      title: "Détection de l'usurpation d'identité",
      dueOn: '2021-12-31',
    };
    given(franceconnectLaunched)
      .when(
        {
          ...citp,
          decidedBy: ' citp-2021-02 ',
          changes: {
            objective: ' Une identité numérique sûre pour toutes les démarches ',
            milestones: {
              added: [usurpation],
              removed: ['raccordement-impots'],
              rescheduled: [{ milestoneId: 'franceconnect-plus', to: '2021-09-30' }],
            },
            indicators: {
              added: [tauxDemarches],
              retired: ['delai-raccordement'],
              retargeted: [{ indicatorId: 'comptes-actifs', to: newTarget }],
            },
          },
        },
        onToday,
      )
      .then(
        redesigned(
          2,
          {
            objective: 'Une identité numérique sûre pour toutes les démarches',
            milestones: {
              added: [usurpation],
              removed: ['raccordement-impots'],
              rescheduled: [{ milestoneId: 'franceconnect-plus', from: '2020-06-30', to: '2021-09-30' }],
            },
            indicators: {
              added: [tauxDemarches],
              retired: ['delai-raccordement'],
              retargeted: [{ indicatorId: 'comptes-actifs', from: comptesActifs.target, to: newTarget }],
            },
          },
          { decidedBy: 'citp-2021-02' },
        ),
      );
  });

  it('increments the plan version at each redesign', () => {
    given(franceconnectLaunched, franceconnectPlusPostponed)
      .when(
        redesign({ milestones: { rescheduled: [{ milestoneId: 'franceconnect-plus', to: '2021-03-31' }] } }),
        onToday,
      )
      .then(
        redesigned(3, {
          milestones: {
            ...noChange.milestones,
            rescheduled: [{ milestoneId: 'franceconnect-plus', from: '2020-12-15', to: '2021-03-31' }],
          },
        }),
      );
  });

  it('accepts a `from` equal to the plan in force', () => {
    const retargeted = [{ indicatorId: 'comptes-actifs', from: comptesActifs.target, to: newTarget }];
    const rescheduled = [{ milestoneId: 'franceconnect-plus', from: '2020-12-15', to: '2021-03-31' }];
    given(franceconnectLaunched, franceconnectPlusPostponed)
      .when(redesign({ milestones: { rescheduled }, indicators: { retargeted } }), onToday)
      .then(
        redesigned(3, {
          milestones: { ...noChange.milestones, rescheduled },
          indicators: { ...noChange.indicators, retargeted },
        }),
      );
  });

  it('refuses a reschedule whose `from` is not the due date in force', () => {
    // The launch plan said 2020-06-30, but the February 2020 redesign moved it.
    given(franceconnectLaunched, franceconnectPlusPostponed)
      .when(
        redesign({
          milestones: { rescheduled: [{ milestoneId: 'franceconnect-plus', from: '2020-06-30', to: '2021-03-31' }] },
        }),
        onToday,
      )
      .thenThrows({
        code: 'plan_mismatch',
        kind: 'conflict',
        path: 'changes.milestones.rescheduled[0].from',
        message: /2020-06-30.*2020-12-15/,
      });
  });

  it('adds a monitored series, and refuses to move the target it does not have', () => {
    const nbMortsRoutes: IndicatorDefinition = {
      indicatorId: 'nb-morts-routes',
      label: 'Nombre de morts sur les routes',
      unit: 'morts',
    };
    const added = redesigned(2, { indicators: { ...noChange.indicators, added: [nbMortsRoutes] } });
    given(franceconnectLaunched)
      .when(redesign({ indicators: { added: [nbMortsRoutes] } }), onToday)
      .then(added);
    given(franceconnectLaunched, added)
      .when(
        redesign({
          indicators: { retargeted: [{ indicatorId: 'nb-morts-routes', to: { value: 2000, by: '2022-12-31' } }] },
        }),
        onToday,
      )
      .thenThrows({
        code: 'indicator_not_targeted',
        kind: 'rule',
        path: 'changes.indicators.retargeted[0].indicatorId',
      });
  });

  it('refuses a retarget whose `from` is not the target in force', () => {
    given(franceconnectLaunched)
      .when(
        redesign({
          indicators: {
            retargeted: [
              { indicatorId: 'comptes-actifs', from: { value: 25_000_000, by: '2022-12-31' }, to: newTarget },
            ],
          },
        }),
        onToday,
      )
      .thenThrows({ code: 'plan_mismatch', kind: 'conflict', path: 'changes.indicators.retargeted[0].from' });
  });

  it('must change something', () => {
    given(franceconnectLaunched)
      .when(redesign({}), onToday)
      .thenThrows({ code: 'nothing_to_change', kind: 'rule', path: 'changes' });
    given(franceconnectLaunched)
      .when(redesign({ milestones: { added: [], removed: [] }, indicators: {} }), onToday)
      .thenThrows({ code: 'nothing_to_change', kind: 'rule', path: 'changes' });
  });

  it('changes the objective alone', () => {
    given(franceconnectLaunched)
      .when(redesign({ objective: 'Nouvel objectif' }), onToday)
      .then(redesigned(2, { objective: 'Nouvel objectif' }));
  });

  it('does not count an unchanged objective, due date or target as a change', () => {
    given(franceconnectLaunched)
      .when(redesign({ objective: franceconnectLaunched.data.objective }), onToday)
      .thenThrows({ code: 'nothing_to_change', kind: 'rule', path: 'changes.objective' });
    given(franceconnectLaunched)
      .when(
        redesign({ milestones: { rescheduled: [{ milestoneId: 'franceconnect-plus', to: '2020-06-30' }] } }),
        onToday,
      )
      .thenThrows({ code: 'nothing_to_change', kind: 'rule', path: 'changes.milestones.rescheduled[0].to' });
    given(franceconnectLaunched)
      .when(
        redesign({ indicators: { retargeted: [{ indicatorId: 'comptes-actifs', to: comptesActifs.target }] } }),
        onToday,
      )
      .thenThrows({ code: 'nothing_to_change', kind: 'rule', path: 'changes.indicators.retargeted[0].to' });
  });

  it('refuses a blank objective', () => {
    given(franceconnectLaunched)
      .when(redesign({ objective: '  ' }), onToday)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'changes.objective' });
  });

  it('gives a reason', () => {
    given(franceconnectLaunched)
      .when({ ...citp, reason: ' ', changes: { objective: 'Nouvel objectif' } }, onToday)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'reason' });
  });

  it('is decided from the launch on and not after today', () => {
    const objective = { changes: { objective: 'Nouvel objectif' } };
    given(franceconnectLaunched)
      .when({ ...citp, ...objective, decidedOn: '2019-06-02' }, onToday)
      .thenThrows({ code: 'date_before_launch', kind: 'rule', path: 'decidedOn' });
    given(franceconnectLaunched)
      .when({ ...citp, ...objective, decidedOn: '2021-07-01' }, onToday)
      .thenThrows({ code: 'date_in_future', kind: 'rule', path: 'decidedOn' });
  });

  it('acts only on a launched, open project', () => {
    const command: RedesignProject = redesign({ objective: 'Nouvel objectif' });
    given().when(command, onToday).thenThrows({ code: 'project_not_found', kind: 'not_found' });
    given(franceconnectLaunched, franceconnectClosed)
      .when(command, onToday)
      .thenThrows({ code: 'project_closed', kind: 'conflict' });
  });

  describe('milestones', () => {
    it('removes or reschedules only a milestone of the plan in force', () => {
      given(franceconnectLaunched)
        .when(redesign({ milestones: { removed: ['raccordement-caf'] } }), onToday)
        .thenThrows({ code: 'milestone_not_found', kind: 'not_found', path: 'changes.milestones.removed[0]' });
      given(franceconnectLaunched)
        .when(
          redesign({ milestones: { rescheduled: [{ milestoneId: 'raccordement-caf', to: '2021-12-31' }] } }),
          onToday,
        )
        .thenThrows({
          code: 'milestone_not_found',
          kind: 'not_found',
          path: 'changes.milestones.rescheduled[0].milestoneId',
        });
    });

    it('neither removes nor reschedules a milestone already reached', () => {
      const history = [franceconnectLaunched, reached('raccordement-impots', '2019-12-20', 0)] as const;
      given(...history)
        .when(redesign({ milestones: { removed: ['raccordement-impots'] } }), onToday)
        .thenThrows({ code: 'milestone_already_reached', kind: 'conflict', path: 'changes.milestones.removed[0]' });
      given(...history)
        .when(
          redesign({ milestones: { rescheduled: [{ milestoneId: 'raccordement-impots', to: '2021-12-31' }] } }),
          onToday,
        )
        .thenThrows({
          code: 'milestone_already_reached',
          kind: 'conflict',
          path: 'changes.milestones.rescheduled[0].milestoneId',
        });
    });

    it('adds a milestone under an id not already in the plan', () => {
      const added = [{ milestoneId: 'franceconnect-plus', title: 'Doublon', dueOn: '2021-12-31' }];
      given(franceconnectLaunched)
        .when(redesign({ milestones: { added } }), onToday)
        .thenThrows({ code: 'milestone_id_taken', kind: 'conflict', path: 'changes.milestones.added[0].milestoneId' });
    });

    it('refuses the same id twice in one list', () => {
      const added = [
        { milestoneId: 'lutte-usurpation', title: 'Usurpation', dueOn: '2021-12-31' },
        { milestoneId: 'lutte-usurpation', title: 'Usurpation bis', dueOn: '2022-06-30' },
      ];
      given(franceconnectLaunched)
        .when(redesign({ milestones: { added } }), onToday)
        .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'changes.milestones.added[1].milestoneId' });
      given(franceconnectLaunched)
        .when(redesign({ milestones: { removed: ['franceconnect-plus', 'franceconnect-plus'] } }), onToday)
        .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'changes.milestones.removed[1]' });
      const twice = [
        { milestoneId: 'franceconnect-plus', to: '2021-09-30' },
        { milestoneId: 'franceconnect-plus', to: '2021-10-31' },
      ];
      given(franceconnectLaunched)
        .when(redesign({ milestones: { rescheduled: twice } }), onToday)
        .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'changes.milestones.rescheduled[1].milestoneId' });
    });

    it('does not both remove and reschedule a milestone', () => {
      given(franceconnectLaunched)
        .when(
          redesign({
            milestones: {
              removed: ['franceconnect-plus'],
              rescheduled: [{ milestoneId: 'franceconnect-plus', to: '2021-09-30' }],
            },
          }),
          onToday,
        )
        .thenThrows({
          code: 'conflicting_changes',
          kind: 'invalid',
          path: 'changes.milestones.rescheduled[0].milestoneId',
        });
    });

    it('plans added and rescheduled milestones from the launch day on', () => {
      given(franceconnectLaunched)
        .when(
          redesign({ milestones: { added: [{ milestoneId: 'cadrage', title: 'Cadrage', dueOn: '2019-05-31' }] } }),
          onToday,
        )
        .thenThrows({ code: 'date_before_launch', kind: 'rule', path: 'changes.milestones.added[0].dueOn' });
      given(franceconnectLaunched)
        .when(
          redesign({ milestones: { rescheduled: [{ milestoneId: 'franceconnect-plus', to: '2019-05-31' }] } }),
          onToday,
        )
        .thenThrows({ code: 'date_before_launch', kind: 'rule', path: 'changes.milestones.rescheduled[0].to' });
    });

    it('refuses a reschedule to a date that does not exist', () => {
      given(franceconnectLaunched)
        .when(
          redesign({ milestones: { rescheduled: [{ milestoneId: 'franceconnect-plus', to: '2021-09-31' }] } }),
          onToday,
        )
        .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'changes.milestones.rescheduled[0].to' });
    });
  });

  describe('indicators', () => {
    const retireDelai: RedesignProject = redesign({ indicators: { retired: ['delai-raccordement'] } });
    const delaiRetired = redesigned(2, { indicators: { ...noChange.indicators, retired: ['delai-raccordement'] } });

    it('retires or retargets only an indicator of the project', () => {
      given(franceconnectLaunched)
        .when(redesign({ indicators: { retired: ['taux-satisfaction'] } }), onToday)
        .thenThrows({ code: 'indicator_not_found', kind: 'not_found', path: 'changes.indicators.retired[0]' });
      given(franceconnectLaunched)
        .when(redesign({ indicators: { retargeted: [{ indicatorId: 'taux-satisfaction', to: newTarget }] } }), onToday)
        .thenThrows({
          code: 'indicator_not_found',
          kind: 'not_found',
          path: 'changes.indicators.retargeted[0].indicatorId',
        });
    });

    it('neither retires nor retargets an indicator already retired', () => {
      given(franceconnectLaunched, delaiRetired)
        .when(retireDelai, onToday)
        .thenThrows({ code: 'indicator_retired', kind: 'rule', path: 'changes.indicators.retired[0]' });
      given(franceconnectLaunched, delaiRetired)
        .when(
          redesign({
            indicators: { retargeted: [{ indicatorId: 'delai-raccordement', to: { value: 20, by: '2023-12-31' } }] },
          }),
          onToday,
        )
        .thenThrows({ code: 'indicator_retired', kind: 'rule', path: 'changes.indicators.retargeted[0].indicatorId' });
    });

    it('adds an indicator under an id never used in the project, even by a retired one', () => {
      given(franceconnectLaunched)
        .when(redesign({ indicators: { added: [{ ...tauxDemarches, indicatorId: 'comptes-actifs' }] } }), onToday)
        .thenThrows({ code: 'indicator_id_taken', kind: 'conflict', path: 'changes.indicators.added[0].indicatorId' });
      given(franceconnectLaunched, delaiRetired)
        .when(redesign({ indicators: { added: [{ ...tauxDemarches, indicatorId: 'delai-raccordement' }] } }), onToday)
        .thenThrows({ code: 'indicator_id_taken', kind: 'conflict' });
    });

    it('refuses the same indicator twice in one list', () => {
      given(franceconnectLaunched)
        .when(redesign({ indicators: { added: [tauxDemarches, tauxDemarches] } }), onToday)
        .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'changes.indicators.added[1].indicatorId' });
      given(franceconnectLaunched)
        .when(redesign({ indicators: { retired: ['delai-raccordement', 'delai-raccordement'] } }), onToday)
        .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'changes.indicators.retired[1]' });
      const twice = [
        { indicatorId: 'comptes-actifs', to: newTarget },
        { indicatorId: 'comptes-actifs', to: { value: 35_000_000, by: '2023-06-30' } },
      ];
      given(franceconnectLaunched)
        .when(redesign({ indicators: { retargeted: twice } }), onToday)
        .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'changes.indicators.retargeted[1].indicatorId' });
    });

    it('does not both retire and retarget an indicator', () => {
      given(franceconnectLaunched)
        .when(
          redesign({
            indicators: {
              retired: ['comptes-actifs'],
              retargeted: [{ indicatorId: 'comptes-actifs', to: newTarget }],
            },
          }),
          onToday,
        )
        .thenThrows({
          code: 'conflicting_changes',
          kind: 'invalid',
          path: 'changes.indicators.retargeted[0].indicatorId',
        });
    });

    it('checks a new target as at launch: direction, after the baseline', () => {
      given(franceconnectLaunched)
        .when(
          redesign({
            indicators: {
              retargeted: [{ indicatorId: 'comptes-actifs', to: { value: 5_000_000, by: '2023-06-30' } }],
            },
          }),
          onToday,
        )
        .thenThrows({
          code: 'target_against_direction',
          kind: 'rule',
          path: 'changes.indicators.retargeted[0].to.value',
        });
      given(franceconnectLaunched)
        .when(
          redesign({ indicators: { added: [{ ...tauxDemarches, target: { value: 80, by: '2021-01-01' } }] } }),
          onToday,
        )
        .thenThrows({ code: 'target_not_after_baseline', kind: 'rule', path: 'changes.indicators.added[0].target.by' });
    });

    it('refuses a malformed `from`', () => {
      given(franceconnectLaunched)
        .when(
          redesign({
            indicators: {
              retargeted: [
                { indicatorId: 'comptes-actifs', from: { value: 30_000_000, by: '2022-12-32' }, to: newTarget },
              ],
            },
          }),
          onToday,
        )
        .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'changes.indicators.retargeted[0].from.by' });
    });
  });
});
