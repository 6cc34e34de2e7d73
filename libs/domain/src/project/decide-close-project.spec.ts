import { given } from '../testing/given';
import { franceconnectClosed, franceconnectLaunched, onToday } from '../testing/tech-gouv';
import type { CloseProject } from './decide-close-project';
import type { ProjectOutcome } from './project-events';

const closeFranceConnect: CloseProject = { type: 'CloseProject', ...franceconnectClosed.data };

describe('CloseProject', () => {
  it('closes a project as completed', () => {
    given(franceconnectLaunched).when(closeFranceConnect, onToday).then(franceconnectClosed);
  });

  it('closes a project as abandoned, with a trimmed note', () => {
    const note = 'Remplacé par ProConnect pour les agents publics';
    given(franceconnectLaunched)
      .when({ ...closeFranceConnect, outcome: 'abandoned', note: `${note}  ` }, onToday)
      .then({ type: 'ProjectClosed', data: { ...franceconnectClosed.data, outcome: 'abandoned', note } });
  });

  it('closes with outcome completed or abandoned only', () => {
    given(franceconnectLaunched)
      .when({ ...closeFranceConnect, outcome: 'suspended' as ProjectOutcome }, onToday)
      .thenThrows({ code: 'invalid_choice', kind: 'invalid', path: 'outcome', message: /"suspended"/ });
  });

  it('requires a note', () => {
    given(franceconnectLaunched)
      .when({ ...closeFranceConnect, note: '' }, onToday)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'note' });
  });

  it('closes from the launch day on, and not after today', () => {
    given(franceconnectLaunched)
      .when({ ...closeFranceConnect, closedOn: '2019-06-02' }, onToday)
      .thenThrows({ code: 'date_before_launch', kind: 'rule', path: 'closedOn' });
    given(franceconnectLaunched)
      .when({ ...closeFranceConnect, closedOn: '2021-07-01' }, onToday)
      .thenThrows({ code: 'date_in_future', kind: 'rule', path: 'closedOn' });
    given(franceconnectLaunched)
      .when({ ...closeFranceConnect, closedOn: '2019-06-03' }, onToday)
      .then({ type: 'ProjectClosed', data: { ...franceconnectClosed.data, closedOn: '2019-06-03' } });
  });

  it('closes only a launched project', () => {
    given().when(closeFranceConnect, onToday).thenThrows({ code: 'project_not_found', kind: 'not_found' });
  });

  it('closes a project once', () => {
    given(franceconnectLaunched, franceconnectClosed)
      .when(closeFranceConnect, onToday)
      .thenThrows({ code: 'project_closed', kind: 'conflict' });
  });
});
