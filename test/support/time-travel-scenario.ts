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
