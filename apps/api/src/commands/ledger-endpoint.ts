import { Injectable } from '@nestjs/common';
import { fingerprintCommand, Ledger, type CommandEnvelope, type Principal } from '@portfolio/application';
import type { DomainCommand } from '@portfolio/domain';
import type { Localised } from '@portfolio/read-models';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { CORRELATION_ID, CORRELATION_ID_HEADER, correlationIdOf } from '../http/correlation-id';
import { RequestValidationError } from '../http/request-validation.error';
import { CommandMetrics } from '../observability/metrics/command-metrics';
import type { CommandCaller } from './command-caller.decorator';

// Printable ASCII, as the Idempotency-Key draft recommends; bounded so that keys stay index-friendly. Both headers are
// recorded with the events (commandId, correlationId): one holding anything else is refused, never recorded or
// silently replaced (a tab, or bytes past ASCII such as a bidirectional override's, reach here; Node's parser refuses
// the other control characters).
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
const IF_MATCH = /^(?:W\/)?"(0|[1-9][0-9]{0,19})"$/;

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function invalidHeader(name: string, message: Localised): RequestValidationError {
  return new RequestValidationError([{ path: `headers.${name}`, message }]);
}

/**
 * The ledger as HTTP reaches it: the actor comes from the credentials, the command id from Idempotency-Key, the
 * precondition from If-Match; the fingerprint covers what the command asks, nothing else.
 */
@Injectable()
export class LedgerEndpoint {
  constructor(
    private readonly ledger: Ledger,
    private readonly metrics: CommandMetrics,
  ) {}

  /**
   * Sends the command and answers as ARCHITECTURE §6 says: the target's id, the revision (also as ETag) and the
   * position; `location` names a created resource.
   */
  async send(
    caller: CommandCaller,
    command: DomainCommand,
    answer: { readonly target: Readonly<Record<string, string>>; readonly location?: string },
  ): Promise<Record<string, string | number>> {
    const envelope = envelopeOf(caller.request, caller.principal, command);
    const result = await this.metrics.observe(command.type, () => this.ledger.execute(command, envelope));
    caller.response.setHeader('ETag', `"${result.revision}"`);
    if (answer.location !== undefined) caller.response.location(answer.location);
    return {
      ...answer.target,
      revision: result.revision.toString(),
      position: result.position.toString(),
      eventsAppended: result.appended,
    };
  }
}

function envelopeOf(request: Request, principal: Principal, what: object): CommandEnvelope {
  const key = header(request, 'Idempotency-Key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw invalidHeader('Idempotency-Key', {
      en: 'Idempotency-Key must be 1 to 128 printable ASCII characters',
      fr: 'Idempotency-Key doit compter de 1 à 128 caractères ASCII imprimables',
    });
  }
  const ifMatch = header(request, 'If-Match');
  const match = ifMatch === undefined ? undefined : IF_MATCH.exec(ifMatch.trim());
  if (ifMatch !== undefined && (match === null || match === undefined)) {
    throw invalidHeader('If-Match', {
      en: 'If-Match must be a revision as returned in ETag, e.g. "3"',
      fr: 'If-Match doit être une révision telle que l’ETag la donne, par exemple "3"',
    });
  }
  const correlationId = header(request, CORRELATION_ID_HEADER);
  if (correlationId !== undefined && !CORRELATION_ID.test(correlationId)) {
    throw invalidHeader(CORRELATION_ID_HEADER, {
      en: 'X-Correlation-Id must be 1 to 128 printable ASCII characters',
      fr: 'X-Correlation-Id doit compter de 1 à 128 caractères ASCII imprimables',
    });
  }
  const { id, name, role, organisation } = principal;
  return {
    actor: { id, name, role, ...(organisation === undefined ? {} : { organisation }) },
    commandId: key ?? randomUUID(),
    idempotencyKeyGiven: key !== undefined,
    requestFingerprint: fingerprintCommand(what),
    correlationId: correlationIdOf(request),
    ...(match ? { expectedRevision: BigInt(match[1]) } : {}),
  };
}
