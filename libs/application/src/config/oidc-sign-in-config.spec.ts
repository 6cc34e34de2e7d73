import { loadConfig } from './load-config';
import { problemsOf } from './testing/config-problems';
import { DEFAULT_OIDC_SCOPES } from './oidc-sign-in-config';

const ISSUER = { PORTFOLIO_OIDC_ISSUER: 'https://idp.example.gouv.fr/api/v2', PORTFOLIO_OIDC_AUDIENCE: 'portfolio' };
const SIGN_IN = {
  PORTFOLIO_OIDC_CLIENT_SECRET: 'client-secret',
  PORTFOLIO_OIDC_REDIRECT_URL: 'https://portefeuille.example.gouv.fr/api/v1/session/oidc/callback',
};
const SECRET = 'kX3v9Qm2Lr8Tz5Wb1Nc7Hd4Fg6Js0Pa-Ye_Ui2Oo8Ee';

function oidcOf(env: Record<string, string>) {
  const { auth } = loadConfig(env, '/srv');
  return auth.kind === 'credentials' ? auth.oidc : undefined;
}

describe('ProConnect browser sign-in configuration', () => {
  it('is off without a client secret and a redirect URL', () => {
    expect(oidcOf(ISSUER)?.signIn).toBeUndefined();
  });

  it("defaults the client id to the audience and the scopes to ProConnect's", () => {
    expect(oidcOf({ ...ISSUER, ...SIGN_IN })?.signIn).toEqual({
      clientId: 'portfolio',
      clientSecret: 'client-secret',
      redirectUrl: SIGN_IN.PORTFOLIO_OIDC_REDIRECT_URL,
      scopes: DEFAULT_OIDC_SCOPES,
      sessionMaxAgeSeconds: 28_800,
    });
  });

  it('takes a client id, scopes and a session secret', () => {
    const env = {
      ...ISSUER,
      ...SIGN_IN,
      PORTFOLIO_OIDC_CLIENT_ID: 'portfolio-web',
      PORTFOLIO_OIDC_SCOPES: 'openid email groups',
      PORTFOLIO_SESSION_SECRET: SECRET,
      PORTFOLIO_SESSION_MAX_AGE_SECONDS: '3600',
    };
    expect(oidcOf(env)?.signIn).toMatchObject({
      clientId: 'portfolio-web',
      scopes: 'openid email groups',
      sessionSecret: SECRET,
      sessionMaxAgeSeconds: 3600,
    });
  });

  it.each([
    [{ PORTFOLIO_OIDC_CLIENT_SECRET: 'x' }, 'PORTFOLIO_OIDC_CLIENT_SECRET is set but browser sign-in needs both'],
    [{ PORTFOLIO_OIDC_REDIRECT_URL: SIGN_IN.PORTFOLIO_OIDC_REDIRECT_URL }, 'PORTFOLIO_OIDC_REDIRECT_URL is set but'],
    [{ PORTFOLIO_SESSION_SECRET: SECRET }, 'PORTFOLIO_SESSION_SECRET is set but browser sign-in needs both'],
    [
      { ...SIGN_IN, PORTFOLIO_OIDC_REDIRECT_URL: 'http://portefeuille.example.gouv.fr/api/v1/session/oidc/callback' },
      'must be an https URL',
    ],
    [{ ...SIGN_IN, PORTFOLIO_OIDC_REDIRECT_URL: 'https://portefeuille.example.gouv.fr/callback' }, 'must end with'],
    [
      { ...SIGN_IN, PORTFOLIO_OIDC_REDIRECT_URL: `${SIGN_IN.PORTFOLIO_OIDC_REDIRECT_URL}?a=1` },
      'no credentials, query',
    ],
    [{ ...SIGN_IN, PORTFOLIO_OIDC_SCOPES: 'email siret' }, 'must include openid'],
    [{ ...SIGN_IN, PORTFOLIO_SESSION_SECRET: 'portfolio-secret-portfolio-secret' }, 'bits of entropy'],
    [{ ...SIGN_IN, PORTFOLIO_SESSION_MAX_AGE_SECONDS: '299' }, 'PORTFOLIO_SESSION_MAX_AGE_SECONDS must be'],
    [{ ...SIGN_IN, PORTFOLIO_SESSION_MAX_AGE_SECONDS: '86401' }, 'from 300 to 86400'],
    [{ ...SIGN_IN, PORTFOLIO_SESSION_MAX_AGE_SECONDS: '8h' }, 'from 300 to 86400'],
  ])('refuses to start on %j', (env, problem) => {
    expect(problemsOf({ ...ISSUER, ...env }).join('\n')).toContain(problem);
  });

  it('names the sign-in variables set without an issuer', () => {
    expect(problemsOf({ ...SIGN_IN, PORTFOLIO_API_TOKENS: '' })).toEqual(
      expect.arrayContaining(['PORTFOLIO_OIDC_CLIENT_SECRET is set but PORTFOLIO_OIDC_ISSUER is not']),
    );
  });
});
