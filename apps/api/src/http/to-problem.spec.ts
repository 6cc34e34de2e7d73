import {
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { ConcurrencyConflictError, IdempotencyKeyReusedError, PreconditionFailedError } from '@portfolio/application';
import { CheckpointRefusedError, CosignatureRefusedError, type CosignatureRefusal } from '@portfolio/audit';
import {
  ConflictError,
  DOMAIN_ERROR_CODES,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  type DomainError,
  type DomainErrorCode,
  type DomainErrorKind,
} from '@portfolio/domain';
import { StoreUnavailableError } from '@portfolio/event-store';
import {
  InvalidQueryError,
  NotProjectionLeaderError,
  parseBoolean,
  parseChoices,
  parseSearch,
  ProjectionsBehindError,
  ReadModelNotFoundError,
} from '@portfolio/read-models';
import { EventStreamsUnavailableError } from '../reads/event-streams-unavailable.error';
import { UndeclaredQueryParametersError } from './declared-query';
import { FRENCH_DOMAIN_DETAILS } from './domain-problem-details';
import { FRENCH_COSIGNATURE_REFUSALS } from './problem-details';
import { TITLED_STATUSES } from './problem-titles';
import { BODY_REFUSALS, RequestBodyRefusedError, type BodyRefusal } from './request-body-refused.error';
import { flattenValidationErrors, RequestValidationError } from './request-validation.error';
import { toProblem } from './to-problem';

const REFUSAL_OF_KIND: Readonly<
  Record<DomainErrorKind, new (code: never, message: string, path?: string) => DomainError>
> = {
  invalid: InvalidInputError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rule: RuleViolationError,
};

/** A refusal of the domain with that code, as the deciders throw it: an English message, a field. */
function domainRefusals(): DomainError[] {
  return Object.entries(DOMAIN_ERROR_CODES).flatMap(([kind, codes]) =>
    codes.map((code) => new REFUSAL_OF_KIND[kind as DomainErrorKind](code as never, `${code} refused`, 'field')),
  );
}

/** One error of every kind the API turns into a problem, each code of a family included. */
function everyProblemSource(): unknown[] {
  return [
    ...domainRefusals(),
    ...(Object.keys(BODY_REFUSALS) as BodyRefusal[]).map(
      (code) => new RequestBodyRefusedError(code, `${code} refused`),
    ),
    ...(Object.keys(FRENCH_COSIGNATURE_REFUSALS) as CosignatureRefusal[]).map(
      (code) => new CosignatureRefusedError(code, `${code} refused`),
    ),
    new CheckpointRefusedError('log_truncated', 'the log is shorter than the last checkpoint'),
    new CheckpointRefusedError('checkpoint_mismatch', 'the log does not extend the last checkpoint'),
    new RequestValidationError(
      flattenValidationErrors([{ property: 'name', constraints: { isString: 'name must be a string' }, children: [] }]),
    ),
    new PreconditionFailedError('project-franceconnect', 3n, 4n),
    new IdempotencyKeyReusedError('key-1'),
    new ConcurrencyConflictError('project-franceconnect', 5),
    new InvalidQueryError('limit', 'limit must be a whole number from 1 to 500'),
    new UndeclaredQueryParametersError(['colour'], ['at', 'asOf']),
    new ReadModelNotFoundError('project', 'data-pass'),
    new ReadModelNotFoundError('review_cycle', 'citp-9'),
    new ReadModelNotFoundError('indicator', 'delai'),
    new ProjectionsBehindError(10n, 5n, 1),
    new NotProjectionLeaderError(),
    new EventStreamsUnavailableError('too_many_event_streams', 100),
    new EventStreamsUnavailableError('shutting_down', 100),
    new StoreUnavailableError('disk_full', '/var/lib/portfolio/ledger.db', new Error('SQLITE_FULL')),
    new NotFoundException('Cannot GET /api/v1/nowhere'),
    new UnauthorizedException('missing bearer token'),
    new ForbiddenException('role reviewer may not POST /api/v1/missions'),
    new HttpException('too many failed authentications; retry later', 429),
    new ServiceUnavailableException('not ready: projections rebuilding'),
    Object.assign(new Error('method not allowed'), { status: 405 }),
    Object.assign(new Error('secret parser state'), { status: 400, expose: false }),
    new Error('a defect'),
  ];
}

describe('toProblem', () => {
  it('keeps each error’s own English detail and the HTTP reason phrase as title in English', () => {
    const problem = toProblem(new ReadModelNotFoundError('project', 'data-pass'), '/api/v1/projects/data-pass', 'en');
    expect(problem).toEqual({
      type: 'urn:portfolio-ledger:problem:project_not_found',
      title: 'Not Found',
      status: 404,
      detail: 'project data-pass is not known at the requested time',
      instance: '/api/v1/projects/data-pass',
      code: 'project_not_found',
    });
  });

  it('writes the same problem in French, code unchanged', () => {
    expect(toProblem(new ReadModelNotFoundError('project', 'data-pass'), '/api/v1/projects/data-pass', 'fr')).toEqual({
      type: 'urn:portfolio-ledger:problem:project_not_found',
      title: 'Ressource introuvable',
      status: 404,
      detail: 'le projet data-pass est inconnu à la date demandée',
      instance: '/api/v1/projects/data-pass',
      code: 'project_not_found',
    });
  });

  it('has a French detail for every code of the domain, after the field at fault', () => {
    for (const refusal of domainRefusals()) {
      const problem = toProblem(refusal, '/x', 'fr');
      const french = FRENCH_DOMAIN_DETAILS[refusal.code as DomainErrorCode]({});
      expect(problem.detail).toBe(`field : ${french}`);
      expect(problem.errors).toEqual([{ path: 'field', message: `field : ${french}` }]);
    }
  });

  it.each(everyProblemSource().map((error) => [nameOf(error), error]))(
    'leaks no English into the French problem of %s',
    (_name, error) => {
      const french = toProblem(error, '/x', 'fr');
      const english = toProblem(error, '/x', 'en');
      expect({ code: french.code, status: french.status }).toEqual({ code: english.code, status: english.status });
      expect(TITLED_STATUSES).toContain(french.status);
      expect(french.title).not.toBe(english.title);
      expect(french.detail).not.toBe(english.detail);
      // Known gap: the field messages of a DTO's validation are class-validator's, in English whatever the language.
      if (!(error instanceof RequestValidationError)) {
        (french.errors ?? []).forEach((field, index) =>
          expect(field.message).not.toBe(english.errors?.[index].message),
        );
      }
    },
  );

  it('quotes in French the values the refusal carries', () => {
    const invalidDate = new InvalidInputError('invalid_date', 'english', 'milestones[0].dueOn', {
      value: '"2021-02-30"',
    });
    expect(toProblem(invalidDate, '/x', 'fr').detail).toBe(
      'milestones[0].dueOn : "2021-02-30" n’est pas une date du calendrier (AAAA-MM-JJ)',
    );
    const reached = new ConflictError('milestone_already_reached', 'english', 'milestoneId', {
      id: 'franceconnect-plus',
      on: '2021-06-30',
    });
    expect(toProblem(reached, '/x', 'fr').detail).toBe(
      'milestoneId : le jalon franceconnect-plus a déjà été atteint le 2021-06-30',
    );
    const stale = new ConflictError('plan_mismatch', 'english', 'changes.milestones.rescheduled[0].from', {
      id: 'franceconnect-plus',
      from: '2021-03-31',
      dueOn: '2021-06-30',
    });
    expect(toProblem(stale, '/x', 'fr').detail).toBe(
      'changes.milestones.rescheduled[0].from : 2021-03-31 n’est pas l’échéance en vigueur du jalon franceconnect-plus ' +
        '(2021-06-30) : rechargez le projet et décidez à nouveau',
    );
  });

  it('says in French what a refused query parameter must be, when the refusal says it', () => {
    const limit = new InvalidQueryError('limit', 'limit must be a whole number from 1 to 500', {
      kind: 'limit',
      max: 500,
    });
    expect(toProblem(limit, '/x', 'fr')).toMatchObject({
      detail: 'limit doit être un nombre entier de 1 à 500',
      errors: [{ path: 'query.limit', message: 'limit doit être un nombre entier de 1 à 500' }],
    });
    const status = new InvalidQueryError('status', 'english', { kind: 'choice', choices: ['active', 'closed'] });
    expect(toProblem(status, '/x', 'fr').detail).toBe('status doit être l’une des valeurs active, closed');
    const release = new InvalidQueryError('fromAsOf', 'english', {
      kind: 'known_release',
      release: 'barometre:2099-01-01',
    });
    expect(toProblem(release, '/x', 'fr').detail).toBe(
      'fromAsOf doit être une publication dont des valeurs ont été enregistrées : barometre:2099-01-01 n’en est pas une',
    );
    const french = (refusal: () => unknown) => {
      try {
        refusal();
      } catch (error) {
        return toProblem(error, '/x', 'fr').detail;
      }
      throw new Error('not refused');
    };
    expect(french(() => parseBoolean('yes', 'late'))).toBe('late doit être true ou false');
    expect(french(() => parseSearch('  ', 'q'))).toBe('q doit être un texte de 1 à 200 caractères, non vide');
    expect(french(() => parseChoices(['red', 'amber'])('red,red', 'health'))).toBe(
      'health doit être une liste de valeurs distinctes parmi red, amber, séparées par des virgules',
    );
    expect(toProblem(new InvalidQueryError('cursor', 'english'), '/x', 'fr').detail).toBe(
      'le paramètre de requête cursor n’est pas valable ici',
    );
  });

  it('gives the errors of Nest and Express their French sentence, then their own words (known gap: not translated)', () => {
    expect(toProblem(new ServiceUnavailableException('not ready: writes: /data is read-only'), '/x', 'fr').detail).toBe(
      'le service n’est pas prêt : réessayez plus tard — not ready: writes: /data is read-only',
    );
    const hidden = Object.assign(new Error('secret parser state'), { status: 400, expose: false });
    expect(toProblem(hidden, '/x', 'fr').detail).toBe('la requête est incorrecte');
  });

  it('names the unknown query parameters and those the endpoint takes, in French', () => {
    expect(toProblem(new UndeclaredQueryParametersError(['colour', 'size'], ['at']), '/x', 'fr')).toMatchObject({
      detail: 'paramètres de requête inconnus "colour", "size" : ce point d’accès n’accepte que at',
      errors: [
        { path: 'query.colour', message: 'colour n’est pas un paramètre de requête de ce point d’accès' },
        { path: 'query.size', message: 'size n’est pas un paramètre de requête de ce point d’accès' },
      ],
    });
  });

  it('counts the invalid fields of a request and says what is wrong with each in French', () => {
    const invalid = new RequestValidationError(
      flattenValidationErrors([
        { property: 'name', constraints: { isString: 'name must be a string' }, children: [] },
        {
          property: 'milestones',
          children: [
            {
              property: '0',
              children: [
                { property: 'dueOn', constraints: { isRealIsoDate: 'dueOn must be a real date' }, children: [] },
              ],
            },
          ],
        },
        { property: 'colour', constraints: { someNewRule: 'colour is not right' }, children: [] },
        {
          property: 'note',
          constraints: {
            isString: 'note must be a string',
            maxLength: 'note must be shorter than or equal to 2000 characters',
          },
          children: [],
        },
      ]),
    );
    expect(toProblem(invalid, '/x', 'fr')).toMatchObject({
      // A field that breaks several rules is listed once, with each rule's message.
      detail: '4 champs invalides : name, milestones[0].dueOn, colour, note',
      errors: [
        { path: 'name', message: 'name doit être du texte' },
        {
          path: 'milestones[0].dueOn',
          message: 'milestones[0].dueOn doit être une date du calendrier écrite AAAA-MM-JJ',
        },
        // A rule without a French message of its own still answers in French.
        { path: 'colour', message: 'colour n’est pas valable' },
        { path: 'note', message: 'note doit être du texte ; note dépasse la longueur permise' },
      ],
    });
    expect(toProblem(invalid, '/x', 'en').detail).toBe('4 invalid fields: name, milestones[0].dueOn, colour, note');
    expect(toProblem(invalid, '/x', 'en').errors).toEqual([
      { path: 'name', message: 'name must be a string' },
      { path: 'milestones[0].dueOn', message: 'dueOn must be a real date' },
      { path: 'colour', message: 'colour is not right' },
      { path: 'note', message: 'note must be a string; note must be shorter than or equal to 2000 characters' },
    ]);
  });
});

function nameOf(error: unknown): string {
  if (error instanceof Error && 'code' in error) return `${error.name} ${String(error.code)}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
