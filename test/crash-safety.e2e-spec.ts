import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { testDatabaseUrl } from '../libs/event-store/src/testing/test-database-url';
import { buildServiceOnce, fetchService, freePort, startService, type ServiceProcess } from './support/service-process';
import { API_TOKENS_VARIABLE, jsonRequestHeaders } from './support/test-app';

// The crash test runs the service as `npm start` does, in processes it kills with SIGKILL at seeded random moments
// while a client sends a large batched import; the client then resends every batch with the same Idempotency-Key.

// PORTFOLIO_STRESS (npm run test:stress) multiplies the crashes and the size of the import.
const STRESS = Number(process.env.PORTFOLIO_STRESS ?? 1);
const SEED = 20211215 + STRESS;
const BATCHES = 40 * STRESS;
const PER_BATCH = 500;
const KILLS = 3 * STRESS;

/** mulberry32: a small seeded generator, so that a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function batch(index: number): object {
  return {
    measurements: Array.from({ length: PER_BATCH }, (_, j) => {
      const n = index * PER_BATCH + j;
      const month = n % 360;
      return {
        indicatorId: 'services-en-ligne',
        value: n,
        period: `${1990 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-28`,
        territory: { level: 'departement', code: String(10 + Math.floor(n / 360)).padStart(2, '0') },
      };
    }),
  };
}

async function send(service: () => ServiceProcess, path: string, body: object, key: string): Promise<Response> {
  // Retries while the service is down or restarting: the same key makes a resent batch harmless.
  for (;;) {
    try {
      const response = await fetchService(`${service().url}${path}`, {
        method: 'POST',
        headers: { ...jsonRequestHeaders('programme-office'), 'Idempotency-Key': key },
        body: JSON.stringify(body),
      });
      if (response.status < 500) return response;
    } catch {
      // connection refused or reset: the process was killed
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function get(service: ServiceProcess, path: string): Promise<unknown> {
  const response = await fetchService(`${service.url}${path}`, { headers: jsonRequestHeaders('admin') });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

interface Store {
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

function sqliteStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-crash-'));
  return { env: { PORTFOLIO_DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

function postgresStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-crash-'));
  const schema = `crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  return {
    env: {
      PORTFOLIO_DATA_DIR: dir,
      PORTFOLIO_STORE: 'postgres',
      DATABASE_URL: testDatabaseUrl(),
      PORTFOLIO_PG_SCHEMA: schema,
    },
    dispose: async () => {
      const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

beforeAll(buildServiceOnce, 180_000);

describe.each([
  ['sqlite', sqliteStore],
  ['postgres', postgresStore],
] as const)('crash safety on %s', (kind, openStore) => {
  it(
    `survives ${KILLS} kill -9 during a batched import, then a resend appends exactly what was missing`,
    async () => {
      const store = openStore();
      const port = await freePort();
      const env = { ...store.env, PORTFOLIO_API_TOKENS: API_TOKENS_VARIABLE };
      let service = await startService(port, env);
      const next = random(SEED + (kind === 'sqlite' ? 0 : 1));
      try {
        const setup = [
          [
            '/api/v1/missions',
            { missionCode: 'TRANSFO', name: 'Transformation', programme: 'Tech.gouv', definedOn: '2019-04-25' },
          ],
          [
            '/api/v1/projects',
            {
              projectId: 'demarches-en-ligne',
              missionCode: 'TRANSFO',
              title: 'Démarches en ligne',
              objective: 'The 250 most used procedures fully online',
              leadOrganisation: 'DINUM',
              launchedOn: '2019-04-25',
              milestones: [],
              indicators: [
                {
                  indicatorId: 'services-en-ligne',
                  label: 'Procedures online',
                  unit: 'procedures',
                  direction: 'increase',
                  baseline: { value: 0, on: '1990-01-01' },
                  target: { value: 250, by: '2022-12-31' },
                },
              ],
            },
          ],
        ] as const;
        for (const [path, body] of setup) await send(() => service, path, body, `setup:${path}`);

        const path = '/api/v1/projects/demarches-en-ligne/measurements:batch';
        let answered = 0;
        const importing = (async () => {
          for (let i = 0; i < BATCHES; i++) {
            await send(() => service, path, batch(i), `crash-import:${i}`);
            answered += 1;
          }
        })();
        const answeredAtKills: number[] = [];
        for (let k = 0; k < KILLS; k++) {
          await new Promise((resolve) => setTimeout(resolve, 100 + next() * 400));
          answeredAtKills.push(answered);
          await service.kill();
          service = await startService(port, env);
        }
        await importing;
        // Every kill landed in the middle of the import.
        expect(answeredAtKills.every((n) => n < BATCHES)).toBe(true);
        // Resend the whole import, as an operator would after the crashes: nothing may be appended twice.
        for (let i = 0; i < BATCHES; i++) {
          const response = await send(() => service, path, batch(i), `crash-import:${i}`);
          expect(response.status).toBe(201);
        }

        const verify = (await get(service, '/api/v1/audit/verify')) as { ok: boolean; eventsChecked: number };
        expect(verify).toMatchObject({ ok: true, eventsChecked: 2 + BATCHES * PER_BATCH });

        // Every batch is whole or absent: each Idempotency-Key recorded exactly PER_BATCH events.
        const perKey = new Map<string, number>();
        let after: string | null = '0';
        while (after !== null) {
          const page = (await get(service, `/api/v1/events?type=IndicatorMeasured&limit=1000&after=${after}`)) as {
            items: { metadata: { commandId: string } }[];
            nextCursor: string | null;
          };
          for (const item of page.items)
            perKey.set(item.metadata.commandId, (perKey.get(item.metadata.commandId) ?? 0) + 1);
          after = page.nextCursor;
        }
        expect(perKey.size).toBe(BATCHES);
        expect([...perKey.values()].every((count) => count === PER_BATCH)).toBe(true);

        // The read models, projected across the crashes, equal a rebuild from scratch.
        const head = String(2 + BATCHES * PER_BATCH);
        const documents = async () => {
          const series = [];
          for (const code of ['10', '25', '40', '65']) {
            series.push(
              await get(
                service,
                `/api/v1/projects/demarches-en-ligne/indicators/services-en-ligne/series?territory=departement:${code}&minPosition=${head}&asOf=${head}`,
              ),
            );
          }
          return {
            portfolio: await get(service, `/api/v1/portfolio?minPosition=${head}&asOf=${head}&at=2021-12-31`),
            series,
          };
        };
        const incremental = await documents();
        const rebuild = await fetchService(`${service.url}/api/v1/admin/projections/rebuild`, {
          method: 'POST',
          headers: jsonRequestHeaders('admin'),
        });
        expect(rebuild.status).toBe(202);
        for (let i = 0; i < 600; i++) {
          const status = (await get(service, '/api/v1/admin/projections')) as { rebuild?: { state: string } };
          if (status.rebuild?.state === 'done') break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const rebuilt = await documents();
        expect(createHash('sha256').update(JSON.stringify(rebuilt)).digest('hex')).toBe(
          createHash('sha256').update(JSON.stringify(incremental)).digest('hex'),
        );
        expect(rebuilt).toEqual(incremental);
      } finally {
        await service.kill();
        await store.dispose();
      }
    },
    180_000 * STRESS,
  );
});

describe('crash safety on postgres, database side', () => {
  it(
    'survives its database sessions being terminated in the middle of appends: 503s, then every batch once',
    async () => {
      const store = postgresStore();
      const env = { ...store.env, PORTFOLIO_API_TOKENS: API_TOKENS_VARIABLE };
      const service = await startService(await freePort(), env);
      const admin = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
      let importing = false;
      let terminated = 0;
      let killer: Promise<void> = Promise.resolve();
      try {
        await send(
          () => service,
          '/api/v1/missions',
          { missionCode: 'DATA', name: 'Data', programme: 'Tech.gouv', definedOn: '2019-04-25' },
          'db:mission',
        );
        await send(
          () => service,
          '/api/v1/projects',
          {
            projectId: 'hubee',
            missionCode: 'DATA',
            title: 'Hubee',
            objective: 'Exchanges between administrations',
            leadOrganisation: 'DINUM',
            launchedOn: '2019-04-25',
            milestones: [],
            indicators: [
              {
                indicatorId: 'services-en-ligne',
                label: 'Exchanges',
                unit: 'exchanges',
                direction: 'increase',
                baseline: { value: 0, on: '1990-01-01' },
                target: { value: 250, by: '2022-12-31' },
              },
            ],
          },
          'db:project',
        );
        const path = '/api/v1/projects/hubee/measurements:batch';
        importing = true;
        killer = (async () => {
          while (importing) {
            await new Promise((resolve) => setTimeout(resolve, 40));
            // Only this service's sessions: other suites may be using the same server at the same time.
            const { rowCount } = await admin.query(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()",
              [`portfolio-ledger ${store.env.PORTFOLIO_PG_SCHEMA}`],
            );
            terminated += rowCount ?? 0;
          }
        })();
        let unavailable = 0;
        for (let i = 0; i < 20; i++) {
          for (;;) {
            const response = await fetchService(`${service.url}${path}`, {
              method: 'POST',
              headers: { ...jsonRequestHeaders('programme-office'), 'Idempotency-Key': `db-import:${i}` },
              body: JSON.stringify(batch(i)),
            });
            if (response.status === 201) break;
            expect(response.status).toBe(503);
            expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
            unavailable += 1;
          }
        }
        importing = false;
        await killer;
        expect(terminated).toBeGreaterThan(0);
        const verify = (await get(service, '/api/v1/audit/verify')) as { ok: boolean; eventsChecked: number };
        expect(verify).toMatchObject({ ok: true, eventsChecked: 2 + 20 * PER_BATCH });
        expect(service.child.exitCode).toBeNull();
        // Figures for the README's Reliability section.
        process.stdout.write(
          `sessions terminated: ${terminated}, requests answered 503 then retried: ${unavailable}\n`,
        );
      } finally {
        importing = false;
        await killer;
        await admin.end();
        await service.kill();
        await store.dispose();
      }
    },
    120_000 * STRESS,
  );
});
