/** Request bodies drawn from the Tech.gouv road map (DINUM, 2019-2022), for end-to-end tests. */

export const idnumMission = {
  missionCode: 'IDNUM',
  name: 'Identité numérique',
  programme: 'Tech.gouv',
  definedOn: '2019-04-25',
  description: 'Unified identification for online public services',
};

export const franceConnectLaunch = {
  projectId: 'franceconnect',
  missionCode: 'IDNUM',
  title: 'FranceConnect',
  objective: 'One identity for every online public service',
  leadOrganisation: 'DINUM',
  launchedOn: '2019-04-25',
  milestones: [
    { milestoneId: 'franceconnect-plus', title: 'FranceConnect+ with La Poste digital identity', dueOn: '2021-03-31' },
    { milestoneId: 'agentconnect', title: 'AgentConnect for public agents', dueOn: '2021-12-31' },
  ],
  indicators: [
    {
      indicatorId: 'usagers-franceconnect',
      label: 'Citizens with a FranceConnect account',
      unit: 'millions',
      direction: 'increase',
      baseline: { value: 10, on: '2019-04-30' },
      target: { value: 30, by: '2022-12-31' },
    },
  ],
};

export const measurementMay2021 = { value: 26, period: '2021-05-31', source: 'DINUM press kit' };

export const citp5 = {
  cycleId: 'citp-5',
  title: '5e Comité interministériel de la transformation publique',
  heldOn: '2021-02-05',
};
