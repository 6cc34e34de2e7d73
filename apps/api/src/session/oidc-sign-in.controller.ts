// The HTTP edge of the workspace's ProConnect sign-in: its options, the redirect to the issuer, the callback, sign-out.
import { Controller, Get, HttpCode, Inject, Logger, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { OIDC_SIGN_IN } from '../auth/oidc-sign-in.token';
import { Public } from '../auth/public.decorator';
import { QueryParameter } from '../http/declared-query';
import { Problems } from '../http/problems';
import { SESSION_COOKIE, SESSION_COOKIE_PATH, SIGN_IN_COOKIE, SIGN_IN_COOKIE_PATH } from './browser-session';
import { cookieValue, setCookie } from './cookies';
import { SIGN_IN_TTL_SECONDS, SignInRefused, type CallbackQuery, type OidcSignIn } from './oidc-sign-in';

/** The workspace's sign-in page, where a refused sign-in lands with its reason. */
const SIGN_IN_PAGE = '/connexion';

class SignInOptionsDto {
  @ApiProperty({ description: 'whether the workspace offers « S’identifier avec ProConnect »' })
  proConnect!: boolean;
}

class SignedOutDto {
  @ApiPropertyOptional({ description: "the issuer's end_session_endpoint, to end the session there too" })
  endSessionEndpoint?: string;
}

/** A 302 without Express's text body, which no client reads and the OpenAPI document does not promise. */
function redirect(response: Response, location: string): void {
  response.status(302).location(location).end();
}

const REDIRECT = (description: string) =>
  ApiResponse({ status: 302, description, headers: { Location: { schema: { type: 'string' } } } });

/**
 * The web workspace's ProConnect sign-in (backend-for-frontend): the service is the confidential client, the browser
 * only ever holds HttpOnly cookies. What is checked, and how, is OidcSignIn's; this moves cookies and redirects.
 */
@ApiTags('session')
@Controller('session')
@Public()
export class OidcSignInController {
  private readonly logger = new Logger('Auth');

  constructor(@Inject(OIDC_SIGN_IN) private readonly signIn: OidcSignIn | null) {}

  @Get('sign-in-options')
  @ApiOperation({
    operationId: 'getSignInOptions',
    summary: 'How a person may sign in to the web workspace',
    description: 'Public: the workspace asks it before anybody is signed in.',
  })
  @ApiOkResponse({ type: SignInOptionsDto, description: 'the sign-in methods offered besides a pasted API token' })
  options(): SignInOptionsDto {
    return { proConnect: this.signIn !== null };
  }

  @Get('oidc')
  @ApiOperation({
    operationId: 'startOidcSignIn',
    summary: 'Sends the browser to ProConnect to sign in',
    description:
      'Public, for browsers: the authorization code flow with PKCE (S256), a state and a nonce kept in a sealed, ' +
      'HttpOnly, SameSite=Lax cookie for ten minutes.',
  })
  @QueryParameter({ name: 'suite', required: false, description: 'workspace path to return to once signed in' })
  @REDIRECT("to the issuer's authorization endpoint, or to the sign-in page with `erreur` when it cannot be reached")
  @Problems([404, 'ProConnect sign-in is not configured'])
  async start(@Query('suite') returnTo: unknown, @Res() response: Response): Promise<void> {
    const signIn = this.configured();
    try {
      const { authorizationUrl, sealedState } = await signIn.start(returnTo);
      response.setHeader('Set-Cookie', this.signInCookie(sealedState, SIGN_IN_TTL_SECONDS));
      redirect(response, authorizationUrl);
    } catch (error) {
      this.refuse(error, response);
    }
  }

  @Get('oidc/callback')
  @ApiOperation({
    operationId: 'completeOidcSignIn',
    summary: 'Where ProConnect sends the browser back',
    description:
      'Public, for browsers: checks the state, exchanges the code with the client secret and the PKCE verifier, ' +
      "verifies the ID token and its nonce, reads the person's claims at the UserInfo endpoint (a signed JWT or " +
      'JSON, about the same subject), and sets the sealed, HttpOnly, SameSite=Strict session cookie that the API ' +
      'takes when a request has no Authorization header.',
  })
  @QueryParameter({ name: 'code', required: false, description: 'the authorization code' })
  @QueryParameter({ name: 'state', required: false, description: 'the state the sign-in was started with' })
  @QueryParameter({ name: 'iss', required: false, description: 'the issuer (RFC 9207)' })
  @QueryParameter({ name: 'error', required: false, description: "the issuer's refusal (RFC 6749 §4.1.2.1)" })
  @QueryParameter({ name: 'error_description', required: false, description: 'ignored' })
  @QueryParameter({ name: 'error_uri', required: false, description: 'ignored' })
  @QueryParameter({ name: 'session_state', required: false, description: 'ignored' })
  @REDIRECT('to the workspace signed in (session cookie set), or to the sign-in page with `erreur`')
  @Problems([404, 'ProConnect sign-in is not configured'])
  async complete(@Query() query: CallbackQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signIn = this.configured();
    // The sign-in state serves once, whatever comes of it.
    response.setHeader('Set-Cookie', this.signInCookie('', 0));
    try {
      const completed = await signIn.complete(query, cookieValue(request.headers.cookie, SIGN_IN_COOKIE));
      response.append('Set-Cookie', this.sessionCookie(completed.sealedSession, completed.maxAgeSeconds));
      this.logger.log(`signed in with ProConnect: ${completed.principal.id} as ${completed.principal.role}`);
      redirect(response, completed.returnTo);
    } catch (error) {
      this.refuse(error, response);
    }
  }

  @Post('logout')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'signOut',
    summary: "Ends the workspace's cookie session",
    description: "Public: clears the session cookie, and names the issuer's end_session_endpoint if it has one.",
  })
  @ApiOkResponse({ type: SignedOutDto, description: 'the session cookie is cleared' })
  async signOut(@Res({ passthrough: true }) response: Response): Promise<SignedOutDto> {
    // Public and without a CSRF check: all another site could do with it is sign a person out.
    if (this.signIn === null) return {};
    response.setHeader('Set-Cookie', this.sessionCookie('', 0));
    const endSessionEndpoint = await this.signIn.endSessionEndpoint();
    return endSessionEndpoint === undefined ? {} : { endSessionEndpoint };
  }

  private configured(): OidcSignIn {
    if (this.signIn === null) throw new NotFoundException('ProConnect sign-in is not configured on this service');
    return this.signIn;
  }

  private sessionCookie(value: string, maxAge: number): string {
    const secure = this.configured().secure;
    return setCookie(SESSION_COOKIE, value, { path: SESSION_COOKIE_PATH, maxAge, sameSite: 'Strict', secure });
  }

  /** Lax, not Strict: the callback is a top-level navigation that comes from the issuer's site. */
  private signInCookie(value: string, maxAge: number): string {
    const secure = this.configured().secure;
    return setCookie(SIGN_IN_COOKIE, value, { path: SIGN_IN_COOKIE_PATH, maxAge, sameSite: 'Lax', secure });
  }

  /** Back to the sign-in page with the reason; the log says more, never a code or a token. */
  private refuse(error: unknown, response: Response): void {
    if (!(error instanceof SignInRefused)) throw error;
    this.logger.warn(`ProConnect sign-in refused (${error.reason}): ${error.message}`);
    redirect(response, `${SIGN_IN_PAGE}?erreur=${error.reason}`);
  }
}
