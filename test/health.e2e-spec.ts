import request from 'supertest';
import { STORE_KINDS, startTestApp, type TestApp } from './support/test-app';

describe.each(STORE_KINDS)('health on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp(kind);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is live', async () => {
    await request(testApp.app.getHttpServer()).get('/health/live').expect(200, {
      status: 'ok',
      info: {},
      error: {},
      details: {},
    });
  });

  it('is ready when the event store answers, and reports its head', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up', head: '0' } } });
  });
});
