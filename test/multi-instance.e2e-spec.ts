import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@portfolio/application';
import { Pool } from 'pg';
import { testDatabaseUrl } from '../libs/event-store/src/testing/test-database-url';
import { buildServiceOnce, fetchService, freePort, startService, type ServiceProcess } from './support/service-process';
import { API_TOKENS_VARIABLE, jsonRequestHeaders } from './support/test-app';
import { franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';

// Two API processes, as `npm start` runs them, share one PostgreSQL schema: one leads the projections, the other
// stands by and serves what the leader writes; when the leader is killed, the other takes over. No event may be
// projected twice or lost, whichever instance a client happens to reach.

interface ProjectionStatus {
  projectors: { name: string; state: string; position: string; lastError?: string }[];
}

async function call(
  service: ServiceProcess,
  method: string,
  path: string,
  body?: object,
  role: Role = method === 'GET' ? 'admin' : 'programme-office',
): Promise<Response> {
  return fetchService(`${service.url}/api/v1${path}`, {
    method,
    headers: jsonRequestHeaders(role),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function command(service: ServiceProcess, path: string, body: object): Promise<bigint> {
  const response = await call(service, 'POST', path, body);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return BigInt(((await response.json()) as { position: string }).position);
}

async function projections(service: ServiceProcess): Promise<ProjectionStatus> {
  return (await (await call(service, 'GET', '/admin/projections')).json()) as ProjectionStatus;
}

const leads = (status: ProjectionStatus) => status.projectors.every((p) => p.state !== 'standby');

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function measurements(batch: number) {
  return {
    measurements: Array.from({ length: 50 }, (_, i) => ({
      indicatorId: 'usagers-franceconnect',
      value: batch * 50 + i,
      period: `${2000 + batch}-${String((i % 12) + 1).padStart(2, '0')}-28`,
      territory: { level: 'departement', code: String(10 + Math.floor(i / 12)) },
    })),
  };
}

beforeAll(buildServiceOnce, 180_000);

describe('several API instances on one PostgreSQL database', () => {
  const schema = `multi_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'portfolio-multi-'));
  const database = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  const env = {
    PORTFOLIO_STORE: 'postgres',
    DATABASE_URL: testDatabaseUrl(),
    PORTFOLIO_PG_SCHEMA: schema,
    PORTFOLIO_API_TOKENS: API_TOKENS_VARIABLE,
    PORTFOLIO_DATA_DIR: dataDir,
  };
  let services: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(services.map((service) => service.kill()));
    await database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await database.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Rows of the audit-log index in the active generation, and how many distinct positions they cover. */
  async function projectedEvents(): Promise<{ rows: number; positions: number; events: number }> {
    const { rows } = await database.query<{ rows: string; positions: string; events: string }>(
      `SELECT count(*) AS rows, count(DISTINCT i.position) AS positions,
              (SELECT count(*) FROM "${schema}".events) AS events
         FROM "${schema}".rm_event_index i
         JOIN "${schema}".rm_generations g ON g.generation = i.generation AND g.status = 'active'`,
    );
    return { rows: Number(rows[0].rows), positions: Number(rows[0].positions), events: Number(rows[0].events) };
  }

  it('lets one instance lead the projections while the other serves reads, then take over when the leader dies', async () => {
    services = [await startService(await freePort(), env), await startService(await freePort(), env)];
    const statuses = await Promise.all(services.map(projections));
    expect(statuses.filter(leads)).toHaveLength(1);
    const leader = services[statuses.findIndex(leads)];
    const standby = services.find((service) => service !== leader)!;
    expect((await projections(standby)).projectors.every((p) => p.state === 'standby')).toBe(true);

    // Writes reach either instance; reads on the other see them once the leader has projected them.
    await command(standby, '/missions', idnumMission);
    await command(leader, '/projects', franceConnectLaunch);
    for (let batch = 0; batch < 10; batch++) {
      const writer = batch % 2 === 0 ? standby : leader;
      const reader = writer === leader ? standby : leader;
      const position = await command(writer, '/projects/franceconnect/measurements:batch', measurements(batch));
      const read = await call(reader, 'GET', `/portfolio?minPosition=${position}`);
      expect(read.status).toBe(200);
    }
    const projected = await projectedEvents();
    expect(projected).toEqual({ rows: projected.events, positions: projected.events, events: 2 + 10 * 50 });

    // Only the leader rebuilds: a standby says where the work happens instead of projecting beside it.
    const refused = await call(standby, 'POST', '/admin/projections/rebuild', undefined, 'admin');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'not_projection_leader' });

    // kill -9: PostgreSQL ends the leader's session and its lock with it; the standby takes over.
    await leader.kill();
    await eventually('the standby to lead', async () => (leads(await projections(standby)) ? true : undefined));
    for (let batch = 10; batch < 14; batch++) {
      const position = await command(standby, '/projects/franceconnect/measurements:batch', measurements(batch));
      expect((await call(standby, 'GET', `/portfolio?minPosition=${position}`)).status).toBe(200);
    }
    const status = await projections(standby);
    expect(status.projectors.every((p) => p.state === 'live' && p.lastError === undefined)).toBe(true);
    const afterTakeOver = await projectedEvents();
    expect(afterTakeOver).toEqual({ rows: afterTakeOver.events, positions: afterTakeOver.events, events: 2 + 14 * 50 });
  }, 120_000);
});
