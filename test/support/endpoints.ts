import { createHash } from 'node:crypto';
import type { Role } from '@portfolio/application';
import { TOKENS } from './test-app';
import { citp5, franceConnectLaunch, idnumMission, measurementMay2021 } from './tech-gouv-requests';

/**
 * Every endpoint of the API with the roles ARCHITECTURE §6 allows, for the access-control matrix. Paths name the
 * resources of ENDPOINT_FIXTURE, which the test creates first.
 */
export type EndpointKind = 'command' | 'read' | 'audit' | 'admin' | 'public';

export interface Endpoint {
  readonly kind: EndpointKind;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Body of a POST: JSON, or text/plain when a string. */
  readonly body?: object | string;
  /** Roles allowed; empty for public endpoints (no credentials needed). */
  readonly roles: readonly Role[];
  /** Status of a successful call. Commands may also answer 409/422 when the matrix repeats them. */
  readonly success: number;
}

export const COMMAND_ROLES: readonly Role[] = ['programme-office', 'admin'];
export const READER_ROLES: readonly Role[] = ['reviewer', 'auditor', 'programme-office', 'admin'];
export const AUDIT_ROLES: readonly Role[] = ['auditor', 'admin'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

const PROJECT = `/api/v1/projects/${franceConnectLaunch.projectId}`;
/** The programme office's API token as a data subject: the actor id the fixture's commands record. */
const TOKEN_SUBJECT = `token:programme-office:${createHash('sha256').update(TOKENS['programme-office']).digest('hex').slice(0, 12)}`;
const DATA_SUBJECT = `/api/v1/admin/data-subjects/${encodeURIComponent(TOKEN_SUBJECT)}`;
const MILESTONE = franceConnectLaunch.milestones[0].milestoneId;
const INDICATOR = franceConnectLaunch.indicators[0].indicatorId;

/** The mission, project and review cycle the paths below name: POST each to create it. */
export const ENDPOINT_FIXTURE: readonly { readonly path: string; readonly body: object }[] = [
  { path: '/api/v1/missions', body: idnumMission },
  { path: '/api/v1/projects', body: franceConnectLaunch },
  { path: `${PROJECT}/indicators/${INDICATOR}/measurements`, body: measurementMay2021 },
  { path: '/api/v1/review-cycles', body: citp5 },
];

const command = (path: string, body: object, success: number): Endpoint => ({
  kind: 'command',
  method: 'POST',
  path,
  body,
  roles: COMMAND_ROLES,
  success,
});
const read = (path: string): Endpoint => ({ kind: 'read', method: 'GET', path, roles: READER_ROLES, success: 200 });
const audit = (path: string): Endpoint => ({ kind: 'audit', method: 'GET', path, roles: AUDIT_ROLES, success: 200 });
const open = (path: string): Endpoint => ({ kind: 'public', method: 'GET', path, roles: [], success: 200 });

/**
 * In the order the matrix calls them: reads first, so that they see the fixture alone; the projection rebuild last,
 * so that nothing reads while it runs.
 */
export const ENDPOINTS: readonly Endpoint[] = [
  open('/health/live'),
  open('/health/ready'),
  open('/docs'),
  open('/docs-json'),
  // The workspace's ProConnect sign-in, before anybody is signed in: public; its browser steps answer redirects.
  open('/api/v1/session/sign-in-options'),
  { ...open('/api/v1/session/oidc'), success: 302 },
  { ...open('/api/v1/session/oidc/callback'), success: 302 },
  { ...open('/api/v1/session/logout'), method: 'POST' },
  // Who the caller is: any role (the readers are all of them).
  read('/api/v1/session'),
  read('/api/v1/portfolio'),
  read('/api/v1/missions'),
  read(`/api/v1/missions/${idnumMission.missionCode}`),
  read('/api/v1/projects'),
  read('/api/v1/milestones?overdue=true'),
  read(PROJECT),
  read(`${PROJECT}/history`),
  read(`${PROJECT}/replay`),
  read(`${PROJECT}/indicators/${INDICATOR}/series`),
  read('/api/v1/review-cycles'),
  read(`/api/v1/review-cycles/${citp5.cycleId}`),
  read(`/api/v1/review-cycles/${citp5.cycleId}/diff?against=${citp5.cycleId}`),
  read(`/api/v1/review-cycles/${citp5.cycleId}/pack?format=csv`),
  read('/api/v1/review-cycles/pack/schema'),
  read('/api/v1/diff?fromAt=2021-01-01&toAt=2021-06-30'),
  read('/api/v1/events'),
  // Up to toPosition from before it: a stream that ends, as the matrix reads each answer whole.
  read('/api/v1/events/stream?after=0&toPosition=1'),
  read('/api/v1/sources/barometre/releases'),
  audit('/api/v1/audit/export?format=ndjson'),
  audit('/api/v1/audit/verify'),
  audit('/api/v1/audit/public-key'),
  audit('/api/v1/audit/checkpoint'),
  audit('/api/v1/audit/checkpoints'),
  audit('/api/v1/audit/proofs/inclusion?position=1&treeSize=1'),
  audit('/api/v1/audit/proofs/consistency?from=0&to=1'),
  {
    kind: 'audit',
    method: 'POST',
    path: '/api/v1/audit/checkpoint/cosignatures',
    // No note: past access control, the intake refuses it (400 malformed_cosignature) without a witness to configure.
    body: 'not a cosigned checkpoint\n',
    roles: AUDIT_ROLES,
    success: 400,
  },
  command('/api/v1/missions', { ...idnumMission, missionCode: 'DATA', name: 'Données' }, 201),
  command('/api/v1/projects', { ...franceConnectLaunch, projectId: 'proconnect', title: 'ProConnect' }, 201),
  command(`${PROJECT}/milestones/${MILESTONE}/reach`, { reachedOn: '2021-06-30' }, 200),
  command(`${PROJECT}/indicators/${INDICATOR}/measurements`, { value: 27, period: '2021-06-30' }, 201),
  command(
    `${PROJECT}/measurements:batch`,
    { measurements: [{ indicatorId: INDICATOR, value: 28, period: '2021-07-31' }] },
    201,
  ),
  command(
    `${PROJECT}/redesigns`,
    {
      reason: 'AgentConnect is delivered by a project of its own',
      decidedOn: '2021-07-05',
      changes: { milestones: { removed: ['agentconnect'] } },
    },
    201,
  ),
  command(`${PROJECT}/close`, { outcome: 'completed', closedOn: '2021-12-15', note: 'In service' }, 200),
  command('/api/v1/review-cycles', { cycleId: 'citp-6', title: '6e CITP', heldOn: '2021-07-23' }, 201),
  { kind: 'admin', method: 'GET', path: '/api/v1/admin/projections', roles: ADMIN_ROLES, success: 200 },
  { kind: 'admin', method: 'GET', path: DATA_SUBJECT, roles: ADMIN_ROLES, success: 200 },
  {
    kind: 'admin',
    method: 'POST',
    path: `${DATA_SUBJECT}/erasure`,
    body: { reason: 'access-control matrix' },
    roles: ADMIN_ROLES,
    success: 200,
  },
  { kind: 'admin', method: 'POST', path: '/api/v1/admin/projections/rebuild', roles: ADMIN_ROLES, success: 202 },
];
