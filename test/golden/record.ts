/**
 * Records the golden logs and their reads (see README.md here): run only to add a fixture, never to make a failing
 * replay pass. It refuses to overwrite a fixture's files: delete them first to record one again, on purpose.
 * `npx jest --testRegex 'test/golden/record\.ts$'`
 */
import { writeFileSync } from 'node:fs';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, type TestApp } from '../support/test-app';
import { recordTimeTravelScenario } from '../support/time-travel-scenario';
import { exportNdjson, fixtureFile, headOf, publicKeys, readAll, startGoldenApp } from './golden-app';
import { TIME_TRAVEL, type GoldenFixture } from './golden-reads';

/** Writes a fixture's file, never over one already recorded. */
const writeNew = (file: string, text: string) => writeFileSync(file, text, { flag: 'wx' });
const asJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function save(testApp: TestApp, fixture: GoldenFixture): Promise<void> {
  const http: App = testApp.app.getHttpServer();
  const ndjson = await exportNdjson(http);
  writeNew(fixtureFile(fixture, 'events.ndjson'), ndjson);
  writeNew(fixtureFile(fixture, 'reads.json'), asJson(await readAll(http, fixture, headOf(ndjson))));
  writeNew(fixtureFile(fixture, 'public-key.json'), asJson(await publicKeys(http)));
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
