/**
 * Request bodies of the time-travel scenario (test/time-travel.e2e-spec.ts): the commands that record, through the HTTP
 * API, the very events the read side's own tests are given (libs/read-models/src/testing/time-travel-scenario.ts).
 */
import type { IndicatorMeasured, MilestoneReached, ProjectClosed } from '@portfolio/domain';
import * as recorded from '../../libs/read-models/src/testing/time-travel-scenario';

/** A measurement as sent: a national value without its territory (the default), a restatement without what it restates. */
function measurement({
  data: { projectId: _projectId, supersedes: _supersedes, territory, ...sent },
}: IndicatorMeasured) {
  return territory.level === 'national' && territory.code === 'FR' ? sent : { ...sent, territory };
}

/** A measurement of the indicator the path names. */
function indicatorMeasurement(event: IndicatorMeasured) {
  return withoutIndicator(measurement(event));
}

function withoutIndicator({ indicatorId: _indicatorId, ...sent }: ReturnType<typeof measurement>) {
  return sent;
}

/** The days late are the domain's to count. */
function reach({
  data: { projectId: _projectId, milestoneId: _milestoneId, daysLate: _daysLate, ...sent },
}: MilestoneReached) {
  return sent;
}

function closure({ data: { projectId: _projectId, ...sent } }: ProjectClosed) {
  return sent;
}

export const idnumMission = recorded.idnumDescribed.data;
export const dataMission = recorded.dataDefined.data;
export const franceConnectReviewedLaunch = recorded.franceconnectReviewed.data;
export const hubeeLaunch = recorded.hubeeLaunched.data;
export const vitamLaunch = recorded.vitamLaunched.data;
export const apiParticulierLaunch = recorded.apiParticulierLaunched.data;

/** Before CITP 4. */
export const franceConnect2019 = { measurements: recorded.franceconnect2019.map(measurement) };
export const hubee2019 = indicatorMeasurement(recorded.hubee2019);
export const franceConnectPlusReached = reach(recorded.franceconnectPlusReached);
export const citp4 = recorded.citp4;

/** Between CITP 4 and CITP 5. */
export const franceConnect2020 = { measurements: recorded.franceconnect2020.map(measurement) };
export const hubee2020 = indicatorMeasurement(recorded.hubee2020);
export const vitamSaasReached = reach(recorded.vitamSaasReached);
export const citp5 = recorded.citp5;

/** After CITP 5, for a period CITP 5 had seen: the domain finds the value it restates. */
export const franceConnectRestatement = indicatorMeasurement(recorded.franceconnectRestated);

/** The redesign as requested: only what changes; the domain fills in what the plan had before. */
export const hubeeRedesign = {
  reason: recorded.hubeeRedesigned.data.reason,
  decidedOn: recorded.hubeeRedesigned.data.decidedOn,
  decidedBy: recorded.hubeeRedesigned.data.decidedBy,
  changes: {
    milestones: { rescheduled: [{ milestoneId: 'hubee-ministries', to: '2021-12-31' }] },
    indicators: {
      retargeted: [{ indicatorId: recorded.delai.indicatorId, to: { value: 12, by: '2022-06-30' } }],
    },
  },
};

export const vitamClosure = closure(recorded.vitamClosed);
export const franceConnect2021 = indicatorMeasurement(recorded.franceconnect2021);
export const hubee2021 = indicatorMeasurement(recorded.hubee2021);
export const citp6 = recorded.citp6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one command and checks its status (201 or 200). */
export type ScenarioPost = (path: string, body: object, status: number) => Promise<void>;

/** Records the scenario's 24 events through the commands, in order (the comments number the events each records). */
export async function recordTimeTravelScenario(post: ScenarioPost): Promise<void> {
  // 1. Missions and launches.
  await post('/missions', idnumMission, 201); // 1
  await post('/missions', dataMission, 201); // 2
  await post('/projects', franceConnectReviewedLaunch, 201); // 3
  await post('/projects', hubeeLaunch, 201); // 4
  await post('/projects', vitamLaunch, 201); // 5
  // 2. First values, a late milestone, CITP 4.
  await post('/projects/franceconnect/measurements:batch', franceConnect2019, 201); // 6-8
  await post('/projects/hubee/indicators/delai-traitement/measurements', hubee2019, 201); // 9
  await post('/projects/franceconnect/milestones/franceconnect-plus/reach', franceConnectPlusReached, 200); // 10
  await post('/review-cycles', citp4, 201); // 11
  // Distinct recording instants around the reviews and the restatement, so that an ISO asOf resolves to a known
  // position.
  await sleep(5);
  // 3. A project CITP 4 did not know of, more values, an on-time milestone, CITP 5.
  await post('/projects', apiParticulierLaunch, 201); // 12
  await post('/projects/franceconnect/measurements:batch', franceConnect2020, 201); // 13-15
  await post('/projects/hubee/indicators/delai-traitement/measurements', hubee2020, 201); // 16
  await post('/projects/vitam/milestones/vitam-saas/reach', vitamSaasReached, 200); // 17
  await post('/review-cycles', citp5, 201); // 18
  await sleep(5);
  // 4. After CITP 5: a restatement of a value CITP 5 had seen.
  await post('/projects/franceconnect/indicators/usagers-franceconnect/measurements', franceConnectRestatement, 201); // 19
  await sleep(5);
  // 5. Hubee redesigned; 6. Vitam closed, last values, CITP 6.
  await post('/projects/hubee/redesigns', hubeeRedesign, 201); // 20
  await post('/projects/vitam/close', vitamClosure, 200); // 21
  await post('/projects/franceconnect/indicators/usagers-franceconnect/measurements', franceConnect2021, 201); // 22
  await post('/projects/hubee/indicators/delai-traitement/measurements', hubee2021, 201); // 23
  await post('/review-cycles', citp6, 201); // 24
}
