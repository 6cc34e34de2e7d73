import { given } from '../testing/given';
import {
  franceconnectClosed,
  franceconnectLaunched,
  franceconnectPlusPostponed,
  onToday,
  reached,
} from '../testing/tech-gouv';
import type { ReachMilestone } from './decide-reach-milestone';

const reachImpots: ReachMilestone = {
  type: 'ReachMilestone',
  projectId: 'franceconnect',
  milestoneId: 'raccordement-impots',
  reachedOn: '2019-12-31',
};

describe('ReachMilestone', () => {
  it('records a milestone reached on its due date as 0 days late', () => {
    given(franceconnectLaunched)
      .when(reachImpots, onToday)
      .then(reached('raccordement-impots', '2019-12-31', 0));
  });

  it('records a milestone reached early as 0 days late', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, reachedOn: '2019-11-15' }, onToday)
      .then(reached('raccordement-impots', '2019-11-15', 0));
  });

  it('counts the whole days past the due date', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, reachedOn: '2020-03-01' }, onToday)
      .then(reached('raccordement-impots', '2020-03-01', 61));
  });

  it('counts lateness against the plan in force, after a reschedule', () => {
    const reachPlus: ReachMilestone = { ...reachImpots, milestoneId: 'franceconnect-plus', reachedOn: '2020-12-20' };
    // Due 2020-06-30 at launch, moved to 2020-12-15 by the redesign: 5 days late, not 173.
    given(franceconnectLaunched, franceconnectPlusPostponed)
      .when(reachPlus, onToday)
      .then(reached('franceconnect-plus', '2020-12-20', 5));
  });

  it('keeps the evidence, trimmed', () => {
    const evidence = 'https://www.impots.gouv.fr/actualite/franceconnect';
    given(franceconnectLaunched)
      .when({ ...reachImpots, evidence: ` ${evidence} ` }, onToday)
      .then({ type: 'MilestoneReached', data: { ...reached('raccordement-impots', '2019-12-31', 0).data, evidence } });
  });

  it('reaches a milestone once', () => {
    given(franceconnectLaunched, reached('raccordement-impots', '2019-12-31', 0))
      .when({ ...reachImpots, reachedOn: '2020-01-15' }, onToday)
      .thenThrows({ code: 'milestone_already_reached', kind: 'conflict', path: 'milestoneId', message: /2019-12-31/ });
  });

  it('reaches only a milestone of the plan in force', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, milestoneId: 'raccordement-caf' }, onToday)
      .thenThrows({ code: 'milestone_not_found', kind: 'not_found', path: 'milestoneId', message: /raccordement-caf/ });
  });

  it('does not take Object.prototype members for milestones', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, milestoneId: 'constructor' }, onToday)
      .thenThrows({ code: 'milestone_not_found', kind: 'not_found' });
  });

  it('does not reach a milestone before the launch', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, reachedOn: '2019-06-02' }, onToday)
      .thenThrows({ code: 'date_before_launch', kind: 'rule', path: 'reachedOn', message: /2019-06-02.*2019-06-03/ });
    given(franceconnectLaunched)
      .when({ ...reachImpots, reachedOn: '2019-06-03' }, onToday)
      .then(reached('raccordement-impots', '2019-06-03', 0));
  });

  it('does not reach a milestone after today', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, reachedOn: '2021-07-01' }, onToday)
      .thenThrows({ code: 'date_in_future', kind: 'rule', path: 'reachedOn' });
  });

  it('refuses a reach date that does not exist', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, reachedOn: '2019-12-32' }, onToday)
      .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'reachedOn' });
  });

  it('refuses a malformed milestone id', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, milestoneId: 'Raccordement Impots' }, onToday)
      .thenThrows({ code: 'invalid_id', kind: 'invalid', path: 'milestoneId' });
  });

  it('acts only on a launched project', () => {
    given()
      .when(reachImpots, onToday)
      .thenThrows({ code: 'project_not_found', kind: 'not_found', message: /franceconnect/ });
  });

  it('acts only on a project still open', () => {
    given(franceconnectLaunched, franceconnectClosed)
      .when(reachImpots, onToday)
      .thenThrows({ code: 'project_closed', kind: 'conflict', message: /2021-06-01/ });
  });

  it('bounds the evidence to 2000 characters', () => {
    given(franceconnectLaunched)
      .when({ ...reachImpots, evidence: 'e'.repeat(2001) }, onToday)
      .thenThrows({ code: 'too_long', kind: 'invalid', path: 'evidence' });
  });
});
