import request from 'supertest';
import type { App } from 'supertest/types';
import { allEvents, storeOf } from './support/store-probe';
import { API_TOKENS, apiToken, bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';

/** A second programme-office token: another principal with the same role as bearer('programme-office'). */
const OTHER_PROGRAMME_OFFICE_TOKEN = 'q7Jv0dWm4xS2nYc8kLr5tB1hZe9aPf3gUo6iXw0VjDs';
const measurementsPath = '/api/v1/projects/franceconnect/indicators/usagers-franceconnect/measurements';

describe.each(STORE_KINDS)('idempotency keys scoped to the principal on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  const alice = bearer('programme-office');
  const bob = { Authorization: `Bearer ${OTHER_PROGRAMME_OFFICE_TOKEN}` };

  beforeEach(async () => {
    const apiTokens = [...API_TOKENS, apiToken('programme-office', OTHER_PROGRAMME_OFFICE_TOKEN)];
    testApp = await startTestApp(kind, { auth: { kind: 'credentials', apiTokens } });
    http = testApp.app.getHttpServer();
  });
  afterEach(async () => {
    await testApp.close();
  });

  function post(caller: Record<string, string>, path: string, body: object, key?: string): request.Test {
    return request(http)
      .post(path)
      .set({ ...caller, ...(key === undefined ? {} : { 'Idempotency-Key': key }) })
      .send(body);
  }

  async function launchFranceConnect(): Promise<void> {
    await post(alice, '/api/v1/missions', idnumMission).expect(201);
    await post(alice, '/api/v1/projects', franceConnectLaunch).expect(201);
  }

  it("decides another principal's command with the same key and body on its own, never answering with the first's", async () => {
    const defined = await post(alice, '/api/v1/missions', idnumMission, 'define-idnum').expect(201);
    const head = await storeOf(testApp).head();
    // Bob's command is his own: the mission exists, so it is refused, not answered with Alice's success.
    const bobs = await post(bob, '/api/v1/missions', idnumMission, 'define-idnum').expect(409);
    expect(bobs.body).toMatchObject({ code: 'mission_already_defined' });
    // Alice's retry is still answered from her first command, and nothing was appended meanwhile.
    const retried = await post(alice, '/api/v1/missions', idnumMission, 'define-idnum').expect(201);
    expect(retried.body).toEqual(defined.body);
    expect(await storeOf(testApp).head()).toBe(head);
  });

  it('records a command of each principal under the same key, each retry answered from its own', async () => {
    await launchFranceConnect();
    const alices = await post(alice, measurementsPath, measurementMay2021, 'may-2021').expect(201);
    const restated = { ...measurementMay2021, value: 27 };
    const bobs = await post(bob, measurementsPath, restated, 'may-2021').expect(201);
    expect(bobs.body).toEqual({ projectId: 'franceconnect', revision: '2', position: '4', eventsAppended: 1 });
    const recorded = (await allEvents(testApp)).filter((e) => e.metadata.commandId === 'may-2021');
    expect(recorded.map((e) => [e.position, (e.metadata.actor as { id: string }).id])).toEqual([
      [3n, expect.stringMatching(/^token:programme-office:/)],
      [4n, expect.stringMatching(/^token:programme-office:/)],
    ]);
    expect(recorded[0].metadata.actor).not.toEqual(recorded[1].metadata.actor);

    const head = await storeOf(testApp).head();
    expect((await post(alice, measurementsPath, measurementMay2021, 'may-2021').expect(201)).body).toEqual(alices.body);
    expect((await post(bob, measurementsPath, restated, 'may-2021').expect(201)).body).toEqual(bobs.body);
    expect(await storeOf(testApp).head()).toBe(head);
  });

  it("still refuses a principal's own key with another body: 422", async () => {
    await launchFranceConnect();
    await post(alice, measurementsPath, measurementMay2021, 'may-2021').expect(201);
    const restated = { ...measurementMay2021, value: 27 };
    await post(bob, measurementsPath, restated, 'may-2021').expect(201);

    const head = await storeOf(testApp).head();
    const refused = await post(bob, measurementsPath, { ...measurementMay2021, value: 28 }, 'may-2021').expect(422);
    expect(refused.body).toMatchObject({ code: 'idempotency_key_reused' });
    await post(alice, measurementsPath, restated, 'may-2021').expect(422);
    expect(await storeOf(testApp).head()).toBe(head);
  });
});
