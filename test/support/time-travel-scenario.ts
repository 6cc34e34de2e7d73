/**
 * Request bodies of the time-travel scenario (test/time-travel.e2e-spec.ts): three CITP reviews of a small Tech.gouv
 * portfolio, with a late milestone, a restatement recorded after a review, a project launched after the fact, a
 * redesign and a closure. Dates and values are chosen so that every expected figure can be worked out by hand.
 */

export const idnumMission = {
  missionCode: 'IDNUM',
  name: 'Identité numérique',
  programme: 'Tech.gouv',
  definedOn: '2019-04-25',
  description: 'Unified identification for online public services',
};

/** No description: the mission view shows null. */
export const dataMission = {
  missionCode: 'DATA',
  name: 'Données',
  programme: 'Tech.gouv',
  definedOn: '2019-04-25',
};

/** Indicator of FranceConnect: 10 → 30 million accounts over 1,460 days (2019-01-01 → 2022-12-31). */
export const usagers = {
  indicatorId: 'usagers-franceconnect',
  label: 'Citizens with a FranceConnect account',
  unit: 'millions',
  direction: 'increase',
  baseline: { value: 10, on: '2019-01-01' },
  target: { value: 30, by: '2022-12-31' },
} as const;

export const franceConnectLaunch = {
  projectId: 'franceconnect',
  missionCode: 'IDNUM',
  title: 'FranceConnect',
  objective: 'One identity for every online public service',
  leadOrganisation: 'DINUM',
  launchedOn: '2019-04-25',
  milestones: [
    { milestoneId: 'franceconnect-plus', title: 'FranceConnect+ with La Poste digital identity', dueOn: '2019-09-30' },
    { milestoneId: 'agentconnect', title: 'AgentConnect for public agents', dueOn: '2021-03-31' },
  ],
  indicators: [usagers],
};

/** Indicator of Hubee, meant to decrease: 30 → 10 days over 914 days (2019-07-01 → 2021-12-31). */
export const delai = {
  indicatorId: 'delai-traitement',
  label: 'Average days to process a file sent between administrations',
  unit: 'days',
  direction: 'decrease',
  baseline: { value: 30, on: '2019-07-01' },
  target: { value: 10, by: '2021-12-31' },
} as const;

export const hubeeLaunch = {
  projectId: 'hubee',
  missionCode: 'DATA',
  title: 'Hubee',
  objective: 'Files flow between administrations instead of citizens carrying them',
  leadOrganisation: 'DINUM',
  launchedOn: '2019-07-01',
  milestones: [{ milestoneId: 'hubee-ministries', title: 'Hubee open to every ministry', dueOn: '2020-06-30' }],
  indicators: [delai],
};

export const vitamLaunch = {
  projectId: 'vitam',
  missionCode: 'DATA',
  title: 'Vitam',
  objective: 'Digital archiving shared by the ministries',
  leadOrganisation: 'Programme Vitam',
  launchedOn: '2019-05-15',
  milestones: [{ milestoneId: 'vitam-saas', title: 'Vitam offered as a service', dueOn: '2020-12-31' }],
  indicators: [],
};

/** Launched on 2019-10-01 but recorded only after CITP 4 (2019-11-15) was held: CITP 4 did not know it. */
export const apiParticulierLaunch = {
  projectId: 'api-particulier',
  missionCode: 'DATA',
  title: 'API Particulier',
  objective: 'Citizens no longer supply documents the administration already holds',
  leadOrganisation: 'DINUM',
  launchedOn: '2019-10-01',
  milestones: [],
  indicators: [],
};

const regionAra = { level: 'region', code: '84' } as const;

/** Before CITP 4. */
export const franceConnect2019 = {
  measurements: [
    { indicatorId: usagers.indicatorId, value: 13, period: '2019-06-30', source: 'DINUM' },
    { indicatorId: usagers.indicatorId, value: 15, period: '2019-09-30', source: 'DINUM' },
    { indicatorId: usagers.indicatorId, value: 1.6, period: '2019-09-30', territory: regionAra },
  ],
};

export const hubee2019 = { value: 28, period: '2019-10-31' };

/** Due 2019-09-30: 31 days late. */
export const franceConnectPlusReached = {
  reachedOn: '2019-10-31',
  evidence: 'FranceConnect+ opened with La Poste digital identity',
};

export const citp4 = {
  cycleId: 'citp-4',
  title: '4e Comité interministériel de la transformation publique',
  heldOn: '2019-11-15',
};

/** Between CITP 4 and CITP 5. */
export const franceConnect2020 = {
  measurements: [
    { indicatorId: usagers.indicatorId, value: 20, period: '2020-06-30' },
    { indicatorId: usagers.indicatorId, value: 24, period: '2020-12-31' },
    { indicatorId: usagers.indicatorId, value: 2.5, period: '2020-12-31', territory: regionAra },
  ],
};

export const hubee2020 = { value: 20, period: '2020-12-31' };

/** Due 2020-12-31: on time. */
export const vitamSaasReached = { reachedOn: '2020-11-30' };

export const citp5 = {
  cycleId: 'citp-5',
  title: '5e Comité interministériel de la transformation publique',
  heldOn: '2021-02-05',
};

/** Recorded after CITP 5 was held, for a period CITP 5 had already seen (24 then): a restatement. */
export const franceConnectRestatement = { value: 25, period: '2020-12-31', source: 'DINUM, corrected figures' };

/** Decided on 2021-07-05: the milestone moves by 18 months, the target is relaxed to 12 days by mid-2022. */
export const hubeeRedesign = {
  reason: 'Ministries join one by one: the opening is phased',
  decidedOn: '2021-07-05',
  decidedBy: 'DINUM steering committee',
  changes: {
    milestones: { rescheduled: [{ milestoneId: 'hubee-ministries', to: '2021-12-31' }] },
    indicators: { retargeted: [{ indicatorId: delai.indicatorId, to: { value: 12, by: '2022-06-30' } }] },
  },
};

export const vitamClosure = { outcome: 'completed', closedOn: '2021-06-30', note: 'Vitam v4 in service' };

export const franceConnect2021 = { value: 27, period: '2021-06-30' };

export const hubee2021 = { value: 18, period: '2021-06-30' };

export const citp6 = {
  cycleId: 'citp-6',
  title: '6e Comité interministériel de la transformation publique',
  heldOn: '2021-07-23',
};
