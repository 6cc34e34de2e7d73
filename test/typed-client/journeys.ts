import createClient from 'openapi-fetch';
import type { paths } from './openapi-types';

// The README's journeys through a client generated from the OpenAPI document (openapi-typescript, openapi-fetch),
// with no cast: record a measurement, read the portfolio as a review cycle saw it, the diff between two cycles, and
// an export. test/typed-client.spec.ts generates ./openapi-types next to a copy of this file, compiles both, then runs
// the journeys against a live application. Not part of the project's typecheck: its types exist only once generated.

export type PortfolioClient = ReturnType<typeof portfolioClient>;

export function portfolioClient(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'en' } });
}

/** A refused request, with the problem the service answered. */
function refused(problem: { status: number; code: string; detail: string }): Error {
  return new Error(`${problem.status} ${problem.code}: ${problem.detail}`);
}

const franceConnect = { path: { projectId: 'franceconnect', indicatorId: 'usagers' } };

/** Where the log stood when each review cycle was held: what it saw. */
export interface CyclePositions {
  readonly citp5: string;
  readonly citp6: string;
}

/** As the programme office: a mission, a project with an indicator, two values of it and a review cycle after each. */
export async function recordMeasurements(office: PortfolioClient): Promise<CyclePositions> {
  const mission = await office.POST('/api/v1/missions', {
    body: { missionCode: 'IDNUM', name: 'Identité numérique', programme: 'Tech.gouv', definedOn: '2019-04-25' },
  });
  if (mission.error) throw refused(mission.error);
  const project = await office.POST('/api/v1/projects', {
    body: {
      projectId: 'franceconnect',
      missionCode: 'IDNUM',
      title: 'FranceConnect',
      objective: 'One identity for every online public service',
      leadOrganisation: 'DINUM',
      launchedOn: '2019-04-25',
      milestones: [{ milestoneId: 'franceconnect-plus', title: 'FranceConnect+', dueOn: '2021-03-31' }],
      indicators: [
        {
          indicatorId: 'usagers',
          label: 'Citizens with an account',
          unit: 'millions',
          direction: 'increase',
          baseline: { value: 10, on: '2019-04-30' },
          target: { value: 30, by: '2022-12-31' },
        },
      ],
    },
  });
  if (project.error) throw refused(project.error);
  const cycles = [
    { value: 26, period: '2021-05-31', cycleId: 'citp-5', heldOn: '2021-06-01' },
    { value: 27, period: '2021-06-30', cycleId: 'citp-6', heldOn: '2021-07-23' },
  ];
  const positions: string[] = [];
  for (const { value, period, cycleId, heldOn } of cycles) {
    const measurement = await office.POST('/api/v1/projects/{projectId}/indicators/{indicatorId}/measurements', {
      params: { ...franceConnect, header: { 'Idempotency-Key': `usagers-${period}` } },
      body: { value, period, source: 'DINUM' },
    });
    if (measurement.error) throw refused(measurement.error);
    const cycle = await office.POST('/api/v1/review-cycles', { body: { cycleId, title: cycleId, heldOn } });
    if (cycle.error) throw refused(cycle.error);
    positions.push(cycle.data.position);
  }
  return { citp5: positions[0], citp6: positions[1] };
}

/** As a reviewer: the value the 5th review saw, and how it moved by the 6th. */
export async function timeTravel(reviewer: PortfolioClient, { citp5, citp6 }: CyclePositions) {
  const portfolio = await reviewer.GET('/api/v1/portfolio', {
    params: { query: { asOf: citp5, minPosition: citp6 } },
  });
  if (portfolio.error) throw refused(portfolio.error);
  const project = portfolio.data.missions.flatMap((mission) => mission.projects)[0];
  const seenByCitp5 = project.indicators[0].latest?.value;
  const diff = await reviewer.GET('/api/v1/diff', {
    params: { query: { fromAsOf: citp5, toAsOf: citp6, fromAt: '2021-06-01', toAt: '2021-07-23' } },
  });
  if (diff.error) throw refused(diff.error);
  const moves = 'indicatorMoves' in diff.data ? diff.data.indicatorMoves : [];
  return { seenByCitp5, moves: moves.map((move) => [move.before?.value, move.after?.value]) };
}

/** As an auditor: the audit trail as a bundle to verify offline, and the key that verifies it. */
export async function exportAuditTrail(auditor: PortfolioClient) {
  const key = await auditor.GET('/api/v1/audit/public-key');
  if (key.error) throw refused(key.error);
  const bundle = await auditor.GET('/api/v1/audit/export', {
    params: { query: { format: 'bundle' } },
    parseAs: 'arrayBuffer',
  });
  if (bundle.error) throw refused(bundle.error);
  return { algorithm: key.data.algorithm, bundle: Buffer.from(bundle.data) };
}
