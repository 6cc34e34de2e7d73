/**
 * Re-records the golden logs and their reads (see README.md here): run only to add a fixture, never to make a failing
 * replay pass. `npx jest --testRegex 'test/golden/record\.ts$'`
 */
import { writeFileSync } from 'node:fs';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, type TestApp } from '../support/test-app';
import { recordTimeTravelScenario } from '../support/time-travel-scenario';
import { exportNdjson, fixtureFile, headOf, readAll, startGoldenApp } from './golden-app';
import { TIME_TRAVEL, type GoldenFixture } from './golden-reads';

async function save(testApp: TestApp, fixture: GoldenFixture): Promise<void> {
  const http: App = testApp.app.getHttpServer();
  const ndjson = await exportNdjson(http);
  writeFileSync(fixtureFile(fixture, 'events.ndjson'), ndjson);
  const reads = await readAll(http, fixture, headOf(ndjson));
  writeFileSync(fixtureFile(fixture, 'reads.json'), `${JSON.stringify(reads, null, 2)}\n`);
}

it('records the time-travel scenario', async () => {
  const testApp = await startGoldenApp('sqlite');
  try {
    const http: App = testApp.app.getHttpServer();
    await recordTimeTravelScenario(async (path, body, status) => {
      await request(http).post(`/api/v1${path}`).set(bearer('programme-office')).send(body).expect(status);
    });
    await save(testApp, TIME_TRAVEL);
  } finally {
    await testApp.close();
  }
}, 60_000);
