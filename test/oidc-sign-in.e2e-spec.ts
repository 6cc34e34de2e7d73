import { loadConfig } from '@portfolio/application';
import request from 'supertest';
import { SessionSeal } from '../apps/api/src/session/session-seal';
import { TEST_CLIENT_SECRET, type TestPerson, type UserinfoAnswer } from './support/oidc-authorization';
import { startOidcIssuer, TEST_AUDIENCE, type TestOidcIssuer } from './support/oidc-issuer';
import { startTestApp, type TestApp } from './support/test-app';
import { idnumMission } from './support/tech-gouv-requests';

// The web workspace's ProConnect sign-in (authorization code + PKCE, the service as confidential client) through a
// local issuer, and the cookie session it opens: who it is, what it may change, and from where.

/** The service's public address as the issuer knows it; the tests call the application in process. */
const WORKSPACE = 'http://127.0.0.1:9';
const CALLBACK = `${WORKSPACE}/api/v1/session/oidc/callback`;
const SESSION_SECRET = 'kX3v9Qm2Lr8Tz5Wb1Nc7Hd4Fg6Js0Pa-Ye_Ui2Oo8Ee';
/** As at ProConnect: no roles claim, so roles are mapped from e-mail addresses. */
const ROLE_MAPPING = 'clara.martin@dinum.gouv.fr:programme-office,camille.durand@culture.gouv.fr:reviewer';
const CLARA: TestPerson = {
  sub: 'clara-7f3a',
  claims: {
    given_name: 'Clara',
    usual_name: 'Martin',
    email: 'clara.martin@dinum.gouv.fr',
    organizational_unit: 'DINUM',
  },
};
const CAMILLE: TestPerson = {
  sub: 'camille-2b9e',
  claims: {
    given_name: 'Camille',
    usual_name: 'Durand',
    email: 'camille.durand@culture.gouv.fr',
    siret: '11004601800013',
  },
};

/** The value of the cookie `name` that a response sets, and its attributes. */
function setCookie(response: request.Response, name: string): { value: string; attributes: string } | undefined {
  const headers = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const header = headers.find((cookie) => cookie.startsWith(`${name}=`));
  if (header === undefined) return undefined;
  const [pair, ...attributes] = header.split('; ');
  return { value: pair.slice(name.length + 1), attributes: attributes.join('; ') };
}

describe('ProConnect sign-in of the web workspace', () => {
  let issuer: TestOidcIssuer;
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    issuer = await startOidcIssuer();
    const { auth } = loadConfig(
      {
        PORTFOLIO_OIDC_ISSUER: issuer.issuer,
        PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE,
        PORTFOLIO_OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
        PORTFOLIO_OIDC_REDIRECT_URL: CALLBACK,
        PORTFOLIO_SESSION_SECRET: SESSION_SECRET,
        PORTFOLIO_OIDC_ROLES_CLAIM: 'email',
        PORTFOLIO_OIDC_ROLE_MAPPING: ROLE_MAPPING,
      },
      '/srv',
    );
    testApp = await startTestApp('sqlite', { auth });
  });
  afterAll(async () => {
    await testApp.close();
    await issuer.close();
  });
  beforeEach(() => {
    issuer.signIn.person = CLARA;
  });

  /** GET /session/oidc: the issuer's authorization URL and the sign-in cookie. */
  async function startSignIn(suite?: string): Promise<{ authorize: URL; signInCookie: string }> {
    const response = await http()
      .get('/api/v1/session/oidc')
      .query(suite === undefined ? {} : { suite })
      .expect(302);
    const cookie = setCookie(response, 'portfolio_sign_in');
    if (cookie === undefined) throw new Error('no sign-in cookie');
    return { authorize: new URL(response.headers.location), signInCookie: cookie.value };
  }

  /** What the issuer sends the browser back to the callback with. */
  async function atIssuer(authorize: URL): Promise<URLSearchParams> {
    const response = await fetch(authorize, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const back = new URL(response.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    return back.searchParams;
  }

  function callback(query: URLSearchParams, signInCookie: string | undefined): request.Test {
    const call = http().get(`/api/v1/session/oidc/callback?${query}`);
    return signInCookie === undefined ? call : call.set('Cookie', `portfolio_sign_in=${signInCookie}`);
  }

  async function signedIn(suite?: string): Promise<string> {
    const { authorize, signInCookie } = await startSignIn(suite);
    const response = await callback(await atIssuer(authorize), signInCookie).expect(302);
    const session = setCookie(response, 'portfolio_session');
    if (session === undefined) throw new Error(`no session cookie; sent to ${response.headers.location}`);
    return session.value;
  }

  it('says that ProConnect sign-in is offered', async () => {
    await http().get('/api/v1/session/sign-in-options').expect(200, { proConnect: true });
  });

  it('sends the browser to the issuer with the code flow, PKCE S256, a state and a nonce', async () => {
    const { authorize, signInCookie } = await startSignIn();
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${issuer.issuer}/authorize`);
    const asked = Object.fromEntries(authorize.searchParams);
    expect(asked).toEqual({
      response_type: 'code',
      client_id: TEST_AUDIENCE,
      redirect_uri: CALLBACK,
      scope: 'openid email given_name usual_name organizational_unit siret',
      state: expect.stringMatching(/^[\w-]{43}$/),
      nonce: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    // Sealed: the browser sees none of them in its cookie.
    for (const secret of [asked.state, asked.nonce]) expect(signInCookie).not.toContain(secret);
  });

  it('opens an HttpOnly, SameSite=Strict cookie session the API knows by name and role', async () => {
    const { authorize, signInCookie } = await startSignIn('/projets?mission=IDNUM');
    const response = await callback(await atIssuer(authorize), signInCookie).expect(302);
    expect(response.headers.location).toBe('/projets?mission=IDNUM');
    const session = setCookie(response, 'portfolio_session');
    expect(session?.attributes).toBe('Path=/api/; Max-Age=28800; HttpOnly; SameSite=Strict');
    expect(setCookie(response, 'portfolio_sign_in')?.attributes).toContain('Max-Age=0');
    const who = await http().get('/api/v1/session').set('Cookie', `portfolio_session=${session?.value}`).expect(200);
    expect(who.body).toEqual({
      id: `oidc:${issuer.issuer}#clara-7f3a`,
      name: 'Clara Martin',
      role: 'programme-office',
      organisation: 'DINUM',
    });
  });

  it('takes the name from the UserInfo and the role from the e-mail mapping, the ID token holding neither', async () => {
    for (const userinfo of ['signed', 'json'] as const) {
      issuer.signIn.person = { ...CAMILLE, userinfo };
      const who = await http()
        .get('/api/v1/session')
        .set('Cookie', `portfolio_session=${await signedIn()}`);
      expect(who.body).toEqual({
        id: `oidc:${issuer.issuer}#camille-2b9e`,
        name: 'Camille Durand',
        role: 'reviewer',
        organisation: '11004601800013',
      });
    }
  });

  it.each<UserinfoAnswer>(['other-subject', 'foreign-key', 'unsigned'])(
    'refuses a sign-in whose UserInfo is %s',
    async (userinfo) => {
      issuer.signIn.person = { ...CAMILLE, userinfo };
      const { authorize, signInCookie } = await startSignIn();
      const response = await callback(await atIssuer(authorize), signInCookie).expect(302);
      expect(response.headers.location).toBe('/connexion?erreur=echec');
      expect(setCookie(response, 'portfolio_session')).toBeUndefined();
    },
  );

  it('refuses a session cookie that was altered, sealed with another key, or has ended', async () => {
    const session = await signedIn();
    const bytes = Buffer.from(session, 'base64url');
    bytes[20] ^= 1;
    const principal = { id: `oidc:${issuer.issuer}#clara-7f3a`, name: 'Clara Martin', role: 'admin' } as const;
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      bytes.toString('base64url'),
      new SessionSeal(`${SESSION_SECRET}x`, 3600).seal(principal, now),
      new SessionSeal(SESSION_SECRET, 300).seal(principal, now - 301),
    ];
    for (const cookie of refused) {
      await http().get('/api/v1/session').set('Cookie', `portfolio_session=${cookie}`).expect(401);
    }
    await http().get('/api/v1/session').set('Cookie', `portfolio_session=${session}`).expect(200);
  });

  it('refuses to send the browser off the site after the sign-in', async () => {
    for (const suite of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const { authorize, signInCookie } = await startSignIn(suite);
      const response = await callback(await atIssuer(authorize), signInCookie).expect(302);
      expect(response.headers.location).toBe('/');
    }
  });

  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    const { authorize, signInCookie } = await startSignIn();
    const query = await atIssuer(authorize);
    query.set('state', 'forged-state');
    const response = await callback(query, signInCookie).expect(302);
    expect(response.headers.location).toBe('/connexion?erreur=etat');
    expect(setCookie(response, 'portfolio_session')).toBeUndefined();
  });

  it('refuses a callback in a browser that started no sign-in', async () => {
    const { authorize } = await startSignIn();
    const response = await callback(await atIssuer(authorize), undefined).expect(302);
    expect(response.headers.location).toBe('/connexion?erreur=etat');
  });

  it("refuses a code obtained for another browser's sign-in (PKCE: its verifier does not match)", async () => {
    const victim = await startSignIn();
    const attacker = await startSignIn();
    const stolen = await atIssuer(victim.authorize);
    const attackerState = attacker.authorize.searchParams.get('state') ?? '';
    stolen.set('state', attackerState);
    const response = await callback(stolen, attacker.signInCookie).expect(302);
    expect(response.headers.location).toBe('/connexion?erreur=echec');
    expect(setCookie(response, 'portfolio_session')).toBeUndefined();
  });

  it('refuses a replayed code', async () => {
    const { authorize, signInCookie } = await startSignIn();
    const query = await atIssuer(authorize);
    await callback(query, signInCookie).expect(302);
    const replay = await callback(query, signInCookie).expect(302);
    expect(replay.headers.location).toBe('/connexion?erreur=echec');
    expect(setCookie(replay, 'portfolio_session')).toBeUndefined();
  });

  it('sends a person who refused at the issuer back to the sign-in page with the reason', async () => {
    issuer.signIn.person = undefined;
    const { authorize, signInCookie } = await startSignIn();
    const response = await callback(await atIssuer(authorize), signInCookie).expect(302);
    expect(response.headers.location).toBe('/connexion?erreur=refusee');
  });

  it('refuses a person to whom the issuer grants no role', async () => {
    issuer.signIn.person = { sub: 'no-role' };
    const { authorize, signInCookie } = await startSignIn();
    const response = await callback(await atIssuer(authorize), signInCookie).expect(302);
    expect(response.headers.location).toBe('/connexion?erreur=role');
  });

  it('refuses a change sent with the session cookie from another origin (CSRF)', async () => {
    const session = await signedIn();
    for (const origin of ['https://evil.example', undefined]) {
      const call = http().post('/api/v1/missions').set('Cookie', `portfolio_session=${session}`).send(idnumMission);
      const response = await (origin === undefined ? call : call.set('Origin', origin)).expect(403);
      expect(response.body.code).toBe('cross_site_request');
    }
    await http()
      .post('/api/v1/missions')
      .set({ Cookie: `portfolio_session=${session}`, Origin: WORKSPACE })
      .send(idnumMission)
      .expect(201);
  });

  it('signs out: the cookie is cleared and the issuer’s end-session endpoint named', async () => {
    const response = await http().post('/api/v1/session/logout').set('Origin', WORKSPACE).expect(200);
    expect(response.body).toEqual({ endSessionEndpoint: `${issuer.issuer}/logout` });
    expect(setCookie(response, 'portfolio_session')).toEqual({
      value: '',
      attributes: 'Path=/api/; Max-Age=0; HttpOnly; SameSite=Strict',
    });
  });
});

describe('a service without ProConnect sign-in', () => {
  let testApp: TestApp;
  beforeAll(async () => (testApp = await startTestApp('sqlite')));
  afterAll(() => testApp.close());

  it('offers none, and takes no session cookie', async () => {
    const http = () => request(testApp.app.getHttpServer());
    await http().get('/api/v1/session/sign-in-options').expect(200, { proConnect: false });
    await http().get('/api/v1/session/oidc').expect(404);
    await http().get('/api/v1/session').set('Cookie', 'portfolio_session=a.b.c').expect(401);
  });
});
