// The authorization code flow of the local test issuer: /authorize consents at once as a configured person, /token
// checks what a real issuer checks (client secret, redirect_uri, PKCE S256, single-use code) and mints the ID token,
// /userinfo answers the access token with the person's claims, as ProConnect does (a signed JWT).
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt, UnsecuredJWT } from 'jose';
import type { MintOptions } from './oidc-issuer';

/** The client secret the test issuer expects of its one client, whose id is the audience of its tokens. */
export const TEST_CLIENT_SECRET = 'test-client-secret-8d1f0b6c9e2a4f7d';

/**
 * How /userinfo answers: a JWT signed by the issuer (ProConnect's way), plain JSON, or a bad answer — about another
 * subject, signed by a key the issuer does not publish, or not signed at all.
 */
export type UserinfoAnswer = 'signed' | 'json' | 'other-subject' | 'foreign-key' | 'unsigned';

/**
 * Who /authorize signs in without asking; undefined: the person refuses (`error=access_denied`). As at ProConnect,
 * the ID token holds the subject (and nonce) only; the roles, name and other claims are the UserInfo's.
 */
export type TestPerson = Omit<MintOptions, 'aud' | 'iss'> & { readonly userinfo?: UserinfoAnswer };

/** What /authorize was asked, for a test to look at. */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod: string;
}

interface Grant {
  readonly request: AuthorizationRequest;
  readonly person: TestPerson;
}

export interface AuthorizationServer {
  /** Who signs in at /authorize (default: nobody, the request is refused). */
  person: TestPerson | undefined;
  readonly authorizations: AuthorizationRequest[];
  /** Serves /authorize, /token and /userinfo; false for any other path. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
}

function clientOf(request: IncomingMessage, form: URLSearchParams): { id?: string; secret?: string } {
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
  if (basic === null) return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined };
  const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(decodeURIComponent);
  return { id, secret };
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function authorizationServer(
  issuer: () => string,
  clientId: string,
  mint: (options: MintOptions) => Promise<string>,
): AuthorizationServer {
  const grants = new Map<string, Grant>();
  /** Who each access token was issued to. */
  const accessTokens = new Map<string, TestPerson>();
  const server: AuthorizationServer = {
    person: undefined,
    authorizations: [],
    handle(request, response) {
      const url = new URL(request.url ?? '/', issuer());
      if (url.pathname === '/authorize') authorize(url.searchParams, response);
      else if (url.pathname === '/token' && request.method === 'POST') void token(request, response);
      else if (url.pathname === '/userinfo') void userinfo(request, response);
      else return false;
      return true;
    },
  };

  function authorize(query: URLSearchParams, response: ServerResponse): void {
    const field = (name: string) => query.get(name) ?? '';
    const asked: AuthorizationRequest = {
      clientId: field('client_id'),
      redirectUri: field('redirect_uri'),
      scope: field('scope'),
      state: field('state'),
      nonce: field('nonce'),
      codeChallenge: field('code_challenge'),
      codeChallengeMethod: field('code_challenge_method'),
    };
    server.authorizations.push(asked);
    if (asked.clientId !== clientId || field('response_type') !== 'code' || asked.redirectUri === '') {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('invalid authorization request');
      return;
    }
    const back = new URL(asked.redirectUri);
    back.searchParams.set('state', asked.state);
    back.searchParams.set('iss', issuer());
    if (server.person === undefined) back.searchParams.set('error', 'access_denied');
    else {
      const code = randomBytes(16).toString('base64url');
      grants.set(code, { request: asked, person: server.person });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { location: back.href }).end();
  }

  async function token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = await formOf(request);
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const client = clientOf(request, form);
    if (client.id !== clientId || client.secret !== TEST_CLIENT_SECRET) return send(401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    const grant = grants.get(code);
    // A code serves once: a replay finds nothing.
    grants.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const valid =
      grant !== undefined &&
      form.get('grant_type') === 'authorization_code' &&
      form.get('redirect_uri') === grant.request.redirectUri &&
      grant.request.codeChallengeMethod === 'S256' &&
      challenge === grant.request.codeChallenge;
    if (!valid) return send(400, { error: 'invalid_grant' });
    const { person, request: asked } = grant;
    const idToken = await mint({ sub: person.sub, aud: clientId, alg: person.alg, claims: { nonce: asked.nonce } });
    const accessToken = randomBytes(16).toString('base64url');
    accessTokens.set(accessToken, person);
    send(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 60, id_token: idToken });
  }

  async function userinfo(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    const person = bearer === null ? undefined : accessTokens.get(bearer[1]);
    if (person === undefined) {
      response.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
      return;
    }
    const { userinfo: answer = 'signed', ...claims } = person;
    const sub = answer === 'other-subject' ? `${person.sub}-other` : person.sub;
    const key = answer === 'foreign-key' ? 'foreign' : 'issuer';
    if (answer === 'json') {
      const payload = decodeJwt(await mint({ ...claims, aud: clientId }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      return;
    }
    const jwt =
      answer === 'unsigned'
        ? new UnsecuredJWT({ ...person.claims, sub, iss: issuer(), aud: clientId }).encode()
        : await mint({ ...claims, sub, key, aud: clientId });
    response.writeHead(200, { 'content-type': 'application/jwt' }).end(jwt);
  }

  return server;
}
