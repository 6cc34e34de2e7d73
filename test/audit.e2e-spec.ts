import type { StoredEvent } from '@portfolio/event-store';
import { generateSigningKey, signingKeyToPem } from '@portfolio/audit';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { rawStore } from './support/raw-store';
import { allEvents } from './support/store-probe';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { citp5, franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';

const programmeOffice = bearer('programme-office');
const auditor = bearer('auditor');
const measurements = '/api/v1/projects/franceconnect/indicators/usagers-franceconnect/measurements';

/** A small sealed history: mission, project, measurements, two review cycles, one more value after them. */
async function buildHistory(http: App): Promise<void> {
  const post = (path: string, body: object) =>
    request(http)
      .post(path)
      .set(programmeOffice)
      .send(body)
      .expect((r) => {
        if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      });
  await post('/api/v1/missions', idnumMission);
  await post('/api/v1/projects', franceConnectLaunch);
  await post(measurements, measurementMay2021);
  await post('/api/v1/review-cycles', citp5);
  await post(measurements, { ...measurementMay2021, period: '2021-06-30', value: 27 });
  await post('/api/v1/review-cycles', { ...citp5, cycleId: 'citp-6', title: '6e CITP', heldOn: '2021-07-23' });
  await post(measurements, { ...measurementMay2021, period: '2021-07-31', value: 28 });
}

// Over HTTP: the report, one tampering found, and the configured key used. Every kind of tampering, on both stores,
// is covered below HTTP in libs/audit/src/live/audit-verifier.int-spec.ts.
describe.each(STORE_KINDS)('online audit verification on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  let events: StoredEvent[];

  beforeEach(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    await buildHistory(http);
    events = await allEvents(testApp);
  });
  afterEach(async () => {
    await testApp.close();
  });

  const verify = async () => (await request(http).get('/api/v1/audit/verify').set(auditor).expect(200)).body;

  async function tamper(sql: string, ...params: unknown[]): Promise<void> {
    const raw = rawStore(testApp);
    try {
      await raw.run(sql, ...params);
    } finally {
      await raw.close();
    }
  }

  it('reports an untouched log as intact, with every seal checked', async () => {
    expect(await verify()).toMatchObject({
      ok: true,
      head: '7',
      eventsChecked: 7,
      streamsChecked: 4,
      sealsChecked: 2,
      problem: null,
    });
  });

  it('reports changed data at its position', async () => {
    await tamper('UPDATE events SET data = ? WHERE position = ?', '{"value":99}', events[2].position);
    expect(await verify()).toMatchObject({ ok: false, problem: { code: 'chain_broken', position: '3' } });
  });

  it('reports seals that do not verify with the instance key at the first seal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portfolio-key-'));
    try {
      const keyFile = join(dir, 'other.pem');
      writeFileSync(keyFile, signingKeyToPem(generateSigningKey()));
      const reopened = await startTestApp(kind, { ...testApp.config, signingKeyFile: keyFile });
      try {
        const { body } = await request(reopened.app.getHttpServer())
          .get('/api/v1/audit/verify')
          .set(auditor)
          .expect(200);
        expect(body).toMatchObject({ ok: false, problem: { code: 'bad_signature', position: '4', cycleId: 'citp-5' } });
      } finally {
        await reopened.app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
