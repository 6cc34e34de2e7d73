import { HttpException, HttpStatus, UnauthorizedException, type Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { tokenDigest } from '@portfolio/application';
import { AuthFailureThrottle } from './auth-failure-throttle';
import { bearerToken } from './credential-verifier';

export const REALM = 'portfolio-ledger';

/** One count of refused tokens: its key in the throttle, and how the log and the 429 name it. */
interface ThrottleSubject {
  readonly key: string;
  readonly logged: string;
  readonly refusal: string;
}

/**
 * What a refused token is counted against: the address it came from (guesses from one client), and the token itself
 * by digest (one bad credential replayed from many addresses, such as a revoked token left in a fleet's settings).
 */
function throttleSubjects(client: string, token: string | undefined): ThrottleSubject[] {
  const subjects = [{ key: `address ${client}`, logged: `from ${client}`, refusal: 'from this address' }];
  if (token !== undefined) {
    const digest = tokenDigest(token);
    subjects.push({
      key: `credential ${digest}`,
      logged: `with the credential of SHA-256 ${digest.slice(0, 12)}…`,
      refusal: 'with this credential',
    });
  }
  return subjects;
}

export interface Refusal {
  readonly client: string;
  readonly authorization: string | string[] | undefined;
  readonly message: string;
  /** Whether the refusal counts toward the throttle: a token was refused (not missing, nor left unchecked). */
  readonly counted: boolean;
}

/**
 * The answer to a credential refused, for every guard: 401 with a Bearer challenge, or 429 with Retry-After when the
 * address or the token has been refused too often lately (the same counts whichever route refused it).
 */
export function refuseCredential(
  throttle: AuthFailureThrottle,
  logger: Logger,
  refusal: Refusal,
  response: ServerResponse,
): never {
  const token = bearerToken(refusal.authorization);
  if (refusal.counted) {
    const subjects = throttleSubjects(refusal.client, token);
    for (const { key, refusal: named } of subjects) {
      const retryAfter = throttle.retryAfterSeconds(key);
      if (retryAfter === undefined) continue;
      response.setHeader('Retry-After', String(retryAfter));
      throw new HttpException(`too many failed authentications ${named}; retry later`, HttpStatus.TOO_MANY_REQUESTS);
    }
    for (const { key, logged } of subjects) {
      throttle.recordFailure(key);
      if (throttle.retryAfterSeconds(key) !== undefined) {
        logger.warn(`too many failed authentications ${logged}: refused tokens get 429 for the rest of the window`);
      }
    }
  }
  response.setHeader(
    'WWW-Authenticate',
    `Bearer realm="${REALM}"${token === undefined ? '' : ', error="invalid_token"'}`,
  );
  throw new UnauthorizedException(refusal.message);
}
