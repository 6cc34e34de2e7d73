import { given } from '../testing/given';
import {
  comptesActifs,
  delaiRaccordement,
  franceconnectClosed,
  franceconnectLaunched,
  idnumDefined,
  launchFranceConnect,
  onToday,
} from '../testing/tech-gouv';
import type { LaunchProject } from './decide-launch-project';
import type { IndicatorDefinition, NationalFromTerritories } from './plan';

function withIndicator(change: Partial<IndicatorDefinition>): LaunchProject {
  return { ...launchFranceConnect, indicators: [comptesActifs, { ...delaiRaccordement, ...change }] };
}

describe('LaunchProject', () => {
  it('launches a project into a defined mission with its first plan', () => {
    given(idnumDefined).when(launchFranceConnect, onToday).then(franceconnectLaunched);
  });

  it('records trimmed text', () => {
    const untidy: LaunchProject = {
      ...launchFranceConnect,
      title: ' FranceConnect ',
      leadOrganisation: 'DINUM\n',
      milestones: launchFranceConnect.milestones.map((m) => ({ ...m, title: ` ${m.title} ` })),
      indicators: launchFranceConnect.indicators.map((i) => ({ ...i, label: `${i.label}  `, unit: ` ${i.unit}` })),
    };
    given(idnumDefined).when(untidy, onToday).then(franceconnectLaunched);
  });

  it('leaves out what the command carries beyond the event data', () => {
    const padded = {
      ...launchFranceConnect,
      status: 'green',
      milestones: [{ ...launchFranceConnect.milestones[0], reachedOn: '2019-12-01' }],
    };
    given(idnumDefined)
      .when(padded as LaunchProject, onToday)
      .then({
        ...franceconnectLaunched,
        data: { ...franceconnectLaunched.data, milestones: [launchFranceConnect.milestones[0]] },
      });
  });

  it('launches a project with no milestone or indicator yet', () => {
    given(idnumDefined)
      .when({ ...launchFranceConnect, milestones: [], indicators: [] }, onToday)
      .then({ ...franceconnectLaunched, data: { ...franceconnectLaunched.data, milestones: [], indicators: [] } });
  });

  it('launches only into a defined mission', () => {
    given()
      .when(launchFranceConnect, onToday)
      .thenThrows({ code: 'mission_not_found', kind: 'not_found', path: 'missionCode', message: /IDNUM/ });
  });

  it('launches a project once', () => {
    given(idnumDefined, franceconnectLaunched)
      .when(launchFranceConnect, onToday)
      .thenThrows({ code: 'already_launched', kind: 'conflict', message: /franceconnect.*2019-06-03/ });
  });

  it('accepts nothing once closed, not even a new launch', () => {
    given(idnumDefined, franceconnectLaunched, franceconnectClosed)
      .when(launchFranceConnect, onToday)
      .thenThrows({ code: 'project_closed', kind: 'conflict' });
  });

  it.each(['FranceConnect', 'f', '-franceconnect', 'france_connect', 'p'.repeat(65)])(
    'refuses the project id %p',
    (projectId) => {
      given(idnumDefined)
        .when({ ...launchFranceConnect, projectId }, onToday)
        .thenThrows({ code: 'invalid_id', kind: 'invalid', path: 'projectId' });
    },
  );

  it('accepts a 64-character project id', () => {
    const projectId = 'p'.repeat(64);
    given(idnumDefined)
      .when({ ...launchFranceConnect, projectId }, onToday)
      .then({ ...franceconnectLaunched, data: { ...franceconnectLaunched.data, projectId } });
  });

  it('refuses an invalid mission code', () => {
    given(idnumDefined)
      .when({ ...launchFranceConnect, missionCode: 'idnum' }, onToday)
      .thenThrows({ code: 'invalid_mission_code', kind: 'invalid', path: 'missionCode' });
  });

  it('requires a title, an objective and a lead organisation', () => {
    for (const field of ['title', 'objective', 'leadOrganisation'] as const) {
      given(idnumDefined)
        .when({ ...launchFranceConnect, [field]: ' ' }, onToday)
        .thenThrows({ code: 'required', kind: 'invalid', path: field });
    }
  });

  it('bounds the title to 200 characters and the objective to 2000', () => {
    given(idnumDefined)
      .when({ ...launchFranceConnect, title: 'T'.repeat(201) }, onToday)
      .thenThrows({ code: 'too_long', kind: 'invalid', path: 'title' });
    given(idnumDefined)
      .when({ ...launchFranceConnect, objective: 'O'.repeat(2001) }, onToday)
      .thenThrows({ code: 'too_long', kind: 'invalid', path: 'objective' });
    const objective = 'O'.repeat(2000);
    given(idnumDefined)
      .when({ ...launchFranceConnect, title: 'T'.repeat(200), objective }, onToday)
      .then({ ...franceconnectLaunched, data: { ...franceconnectLaunched.data, title: 'T'.repeat(200), objective } });
  });

  it('refuses a launch dated after today', () => {
    given(idnumDefined)
      .when({ ...launchFranceConnect, launchedOn: '2021-07-01' }, onToday)
      .thenThrows({ code: 'date_in_future', kind: 'rule', path: 'launchedOn' });
  });

  it('refuses a launch date that does not exist', () => {
    given(idnumDefined)
      .when({ ...launchFranceConnect, launchedOn: '2019-06-31' }, onToday)
      .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'launchedOn' });
  });

  it('names the milestone whose due date does not exist', () => {
    const milestones = [
      launchFranceConnect.milestones[0],
      { ...launchFranceConnect.milestones[1], dueOn: '2021-02-30' },
    ];
    given(idnumDefined)
      .when({ ...launchFranceConnect, milestones }, onToday)
      .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'milestones[1].dueOn', message: /"2021-02-30"/ });
  });

  it('plans milestones from the launch day on, even years ahead', () => {
    const milestones = [
      { ...launchFranceConnect.milestones[0], dueOn: '2019-06-03' },
      { ...launchFranceConnect.milestones[1], dueOn: '2030-12-31' },
    ];
    given(idnumDefined)
      .when({ ...launchFranceConnect, milestones }, onToday)
      .then({ ...franceconnectLaunched, data: { ...franceconnectLaunched.data, milestones } });
    given(idnumDefined)
      .when({ ...launchFranceConnect, milestones: [{ ...milestones[0], dueOn: '2019-06-02' }] }, onToday)
      .thenThrows({ code: 'date_before_launch', kind: 'rule', path: 'milestones[0].dueOn' });
  });

  it('keeps milestone ids unique within the project', () => {
    const milestones = [
      launchFranceConnect.milestones[0],
      { ...launchFranceConnect.milestones[1], milestoneId: 'raccordement-impots' },
    ];
    given(idnumDefined)
      .when({ ...launchFranceConnect, milestones }, onToday)
      .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'milestones[1].milestoneId' });
  });

  it('keeps indicator ids unique within the project', () => {
    given(idnumDefined)
      .when(withIndicator({ indicatorId: 'comptes-actifs' }), onToday)
      .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'indicators[1].indicatorId' });
  });

  it('requires slugs for milestone and indicator ids', () => {
    given(idnumDefined)
      .when(
        { ...launchFranceConnect, milestones: [{ ...launchFranceConnect.milestones[0], milestoneId: 'Impots' }] },
        onToday,
      )
      .thenThrows({ code: 'invalid_id', kind: 'invalid', path: 'milestones[0].milestoneId' });
    given(idnumDefined)
      .when(withIndicator({ indicatorId: 'délai' }), onToday)
      .thenThrows({ code: 'invalid_id', kind: 'invalid', path: 'indicators[1].indicatorId' });
  });

  it('requires a milestone title, an indicator label and unit', () => {
    given(idnumDefined)
      .when({ ...launchFranceConnect, milestones: [{ ...launchFranceConnect.milestones[0], title: '' }] }, onToday)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'milestones[0].title' });
    given(idnumDefined)
      .when(withIndicator({ label: '' }), onToday)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'indicators[1].label' });
    given(idnumDefined)
      .when(withIndicator({ unit: '\t' }), onToday)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'indicators[1].unit' });
  });

  it('refuses control characters, bidirectional overrides and lone surrogates in its texts, naming the field', () => {
    given(idnumDefined)
      .when({ ...launchFranceConnect, title: 'France\u202eConnect' }, onToday)
      .thenThrows({ code: 'invalid_characters', kind: 'invalid', path: 'title', message: /U\+202E/ });
    given(idnumDefined)
      .when(
        { ...launchFranceConnect, milestones: [{ ...launchFranceConnect.milestones[0], title: 'a\u0000b' }] },
        onToday,
      )
      .thenThrows({ code: 'invalid_characters', kind: 'invalid', path: 'milestones[0].title' });
    given(idnumDefined)
      .when(withIndicator({ unit: 'jours\ud800' }), onToday)
      .thenThrows({ code: 'invalid_characters', kind: 'invalid', path: 'indicators[1].unit', message: /surrogate/ });
  });

  it('keeps line breaks in the objective, not in the title', () => {
    const objective = 'Une identité numérique :\r\n\t- pour les usagers\n\t- pour les agents';
    given(idnumDefined)
      .when({ ...launchFranceConnect, objective }, onToday)
      .then({ ...franceconnectLaunched, data: { ...franceconnectLaunched.data, objective } });
    given(idnumDefined)
      .when({ ...launchFranceConnect, title: 'France\nConnect' }, onToday)
      .thenThrows({ code: 'invalid_characters', kind: 'invalid', path: 'title', message: /one-line/ });
  });

  it('refuses a direction other than increase or decrease', () => {
    given(idnumDefined)
      .when(withIndicator({ direction: 'stable' as 'increase' }), onToday)
      .thenThrows({ code: 'invalid_choice', kind: 'invalid', path: 'indicators[1].direction', message: /"stable"/ });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '120' as unknown as number])(
    'refuses the baseline value %p',
    (value) => {
      given(idnumDefined)
        .when(withIndicator({ baseline: { ...delaiRaccordement.baseline, value } }), onToday)
        .thenThrows({ code: 'invalid_number', kind: 'invalid', path: 'indicators[1].baseline.value' });
    },
  );

  it('refuses a target value that is not finite, and a baseline date that does not exist', () => {
    given(idnumDefined)
      .when(withIndicator({ target: { ...delaiRaccordement.target, value: Number.NEGATIVE_INFINITY } }), onToday)
      .thenThrows({ code: 'invalid_number', kind: 'invalid', path: 'indicators[1].target.value' });
    given(idnumDefined)
      .when(withIndicator({ baseline: { ...delaiRaccordement.baseline, on: '2019-02-29' } }), onToday)
      .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'indicators[1].baseline.on' });
  });

  it('sets targets from the launch day on', () => {
    given(idnumDefined)
      .when(withIndicator({ target: { value: 30, by: '2019-06-02' } }), onToday)
      .thenThrows({ code: 'date_before_launch', kind: 'rule', path: 'indicators[1].target.by' });
  });

  it('keeps where national values come from when none is measured nationally, and refuses another level or way', () => {
    const nationalFrom = { level: 'region', aggregation: 'average' } as const;
    const launched = {
      ...franceconnectLaunched.data,
      indicators: [comptesActifs, { ...delaiRaccordement, nationalFrom }],
    };
    given(idnumDefined)
      .when(withIndicator({ nationalFrom }), onToday)
      .then({ ...franceconnectLaunched, data: launched });
    given(idnumDefined)
      .when(
        withIndicator({
          nationalFrom: { level: 'national', aggregation: 'sum' } as unknown as NationalFromTerritories,
        }),
        onToday,
      )
      .thenThrows({ code: 'invalid_choice', kind: 'invalid', path: 'indicators[1].nationalFrom.level' });
    given(idnumDefined)
      .when(
        withIndicator({
          nationalFrom: { level: 'region', aggregation: 'median' } as unknown as NationalFromTerritories,
        }),
        onToday,
      )
      .thenThrows({ code: 'invalid_choice', kind: 'invalid', path: 'indicators[1].nationalFrom.aggregation' });
  });

  describe('with the targets of the years on the way (VCA)', () => {
    const annual = (value: number, by: string) => ({ value, by });

    it('keeps them in date order, each checked as a target is', () => {
      const annualTargets = [annual(60, '2021-12-31'), annual(90, '2020-12-31')];
      const sorted = [annual(90, '2020-12-31'), annual(60, '2021-12-31')];
      const launched = {
        ...franceconnectLaunched.data,
        indicators: [comptesActifs, { ...delaiRaccordement, annualTargets: sorted }],
      };
      given(idnumDefined)
        .when(withIndicator({ annualTargets }), onToday)
        .then({ ...franceconnectLaunched, data: launched });
      given(idnumDefined)
        .when(withIndicator({ annualTargets: [annual(130, '2020-12-31')] }), onToday)
        .thenThrows({ code: 'target_against_direction', kind: 'rule', path: 'indicators[1].annualTargets[0].value' });
    });

    it('refuses two in one year, and any without a final target', () => {
      given(idnumDefined)
        .when(withIndicator({ annualTargets: [annual(90, '2020-06-30'), annual(80, '2020-12-31')] }), onToday)
        .thenThrows({ code: 'duplicate_id', kind: 'invalid', path: 'indicators[1].annualTargets[1].by' });
      given(idnumDefined)
        .when(withIndicator({ target: undefined, annualTargets: [annual(90, '2020-12-31')] }), onToday)
        .thenThrows({ code: 'annual_target_without_target', kind: 'rule', path: 'indicators[1].annualTargets' });
    });
  });

  describe('with a monitored series (an indicator without a target)', () => {
    const nbMortsRoutes = { indicatorId: 'nb-morts-routes', label: 'Nombre de morts sur les routes', unit: 'morts' };
    const launchWith = (indicator: object): LaunchProject => ({
      ...launchFranceConnect,
      indicators: [comptesActifs, indicator as IndicatorDefinition],
    });
    const launchedWith = (indicator: IndicatorDefinition) => ({
      ...franceconnectLaunched,
      data: { ...franceconnectLaunched.data, indicators: [comptesActifs, indicator] },
    });

    it('launches it with neither baseline, target nor direction', () => {
      given(idnumDefined).when(launchWith(nbMortsRoutes), onToday).then(launchedWith(nbMortsRoutes));
    });

    it('keeps the baseline and the direction it is given without a target', () => {
      const known = { ...nbMortsRoutes, direction: 'decrease', baseline: { value: 3244, on: '2019-12-31' } } as const;
      given(idnumDefined).when(launchWith(known), onToday).then(launchedWith(known));
    });

    it('refuses a target without a baseline to measure progress from', () => {
      given(idnumDefined)
        .when(
          launchWith({ ...nbMortsRoutes, direction: 'decrease', target: { value: 2000, by: '2022-12-31' } }),
          onToday,
        )
        .thenThrows({ code: 'target_without_baseline', kind: 'rule', path: 'indicators[1].baseline' });
    });

    it('refuses a target without a direction', () => {
      const indicator = { ...delaiRaccordement, direction: undefined };
      given(idnumDefined)
        .when(launchWith(indicator), onToday)
        .thenThrows({ code: 'target_without_direction', kind: 'rule', path: 'indicators[1].direction' });
    });

    it('still checks the baseline it is given', () => {
      given(idnumDefined)
        .when(launchWith({ ...nbMortsRoutes, baseline: { value: 3244, on: '2019-02-29' } }), onToday)
        .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'indicators[1].baseline.on' });
    });
  });

  it('sets targets after their baseline, so that expected progress is defined', () => {
    const baseline = { value: 120, on: '2019-09-01' };
    given(idnumDefined)
      .when(withIndicator({ baseline, target: { value: 30, by: '2019-09-01' } }), onToday)
      .thenThrows({ code: 'target_not_after_baseline', kind: 'rule', path: 'indicators[1].target.by' });
  });

  it('refuses a target on the wrong side of the baseline for the direction', () => {
    given(idnumDefined)
      .when(withIndicator({ target: { value: 150, by: '2022-12-31' } }), onToday)
      .thenThrows({
        code: 'target_against_direction',
        kind: 'rule',
        path: 'indicators[1].target.value',
        message: /150.*decrease/,
      });
    given(idnumDefined)
      .when(
        { ...launchFranceConnect, indicators: [{ ...comptesActifs, target: { value: 9_000_000, by: '2022-12-31' } }] },
        onToday,
      )
      .thenThrows({ code: 'target_against_direction', kind: 'rule', path: 'indicators[0].target.value' });
  });

  it('accepts a target equal to its baseline: holding the line', () => {
    const indicator = { ...delaiRaccordement, target: { value: 120, by: '2022-12-31' } };
    given(idnumDefined)
      .when({ ...launchFranceConnect, indicators: [indicator] }, onToday)
      .then({ ...franceconnectLaunched, data: { ...franceconnectLaunched.data, indicators: [indicator] } });
  });

  it('refuses plans that are not lists of objects', () => {
    given(idnumDefined)
      .when({ ...launchFranceConnect, milestones: 'none' as unknown as [] }, onToday)
      .thenThrows({ code: 'invalid_type', kind: 'invalid', path: 'milestones' });
    given(idnumDefined)
      .when({ ...launchFranceConnect, indicators: [null as unknown as IndicatorDefinition] }, onToday)
      .thenThrows({ code: 'invalid_type', kind: 'invalid', path: 'indicators[0]' });
    given(idnumDefined)
      .when(withIndicator({ baseline: null as unknown as IndicatorDefinition['baseline'] }), onToday)
      .thenThrows({ code: 'invalid_type', kind: 'invalid', path: 'indicators[1].baseline' });
  });
});
