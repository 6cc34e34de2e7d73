import { ROLES } from '@portfolio/application';
import request from 'supertest';
import { bearer, startTestApp, type TestApp } from './support/test-app';

// `GET /api/v1/session`: who the bearer of a credential is, which the web workspace asks when a token is pasted.

describe('GET /api/v1/session', () => {
  let testApp: TestApp;
  beforeAll(async () => (testApp = await startTestApp('sqlite')));
  afterAll(() => testApp.close());
  const http = () => request(testApp.app.getHttpServer());

  it.each(ROLES)('tells a caller with the %s token its id, name and role', async (role) => {
    const response = await http().get('/api/v1/session').set(bearer(role)).expect(200);
    expect(response.body).toEqual({
      id: expect.stringMatching(new RegExp(`^token:${role}:[0-9a-f]{12}$`)),
      name: expect.any(String),
      role,
    });
  });

  it('refuses a wrong token with a problem in French', async () => {
    const response = await http()
      .get('/api/v1/session')
      .set({ Authorization: 'Bearer not-a-token-of-this-service', 'Accept-Language': 'fr' })
      .expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['content-language']).toBe('fr');
  });
});
