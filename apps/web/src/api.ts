// The workspace's client of the ledger's API: the credential, problems in French, and reading one's own writes.
import { hrefOf } from './router';

/** One field at fault in a refused request, as the API's problem details name it. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An API refusal (RFC 9457 problem details), in French. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly code: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(detail === '' ? title : `${title} : ${detail}`);
  }

  /** The message of the field at `path` (`query.at`, `measurements[0].value`), if the API named it. */
  fieldMessage(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }
}

/** What fetch failing before any answer (the service down, the network cut) is shown as. */
const UNREACHABLE = new ApiProblem(
  0,
  'Service injoignable',
  'le service n’a pas répondu ; réessayez dans un moment',
  'unreachable',
);

/** Where the API is: the service that serves the workspace. */
const API_BASE = '/api/v1';

/** Any failure of a call as a problem to show: the API's, or one saying what went wrong. */
export function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem(0, 'Erreur', String(error), 'unexpected');
}

/** The Authorization of a pasted token; none for a ProConnect session, whose cookie the browser sends itself. */
export function authorizationOf(token: string | undefined): Record<string, string> {
  return token === undefined ? {} : { Authorization: `Bearer ${token}` };
}

type Query = Readonly<Record<string, string | undefined>>;

async function problemOf(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => ({}))) as Partial<ApiProblem> & { errors?: FieldError[] };
  return new ApiProblem(
    response.status,
    body.title ?? response.statusText,
    body.detail ?? '',
    body.code ?? 'unknown',
    body.errors ?? [],
  );
}

/**
 * Calls the API with a bearer token, or, without one, with the session cookie of a ProConnect sign-in (the browser
 * sends it: same origin). Each command answers the log position it wrote; later reads pass the highest
 * one seen as `minPosition`, so that a page shows what its user just recorded (the read models are projected
 * asynchronously).
 */
export class ApiClient {
  private minPosition: bigint | undefined;

  /**
   * `onRefused`: told when the API no longer accepts the credential (401): a token rotated, a session expired.
   * `token` undefined: the session cookie.
   */
  constructor(
    private readonly token: string | undefined,
    private readonly onRefused: () => void = () => undefined,
  ) {}

  async get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, value);
    if (this.minPosition !== undefined) search.set('minPosition', String(this.minPosition));
    const text = search.toString();
    const response = await this.send(`${path}${text === '' ? '' : `?${text}`}`, { signal });
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await this.send(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    });
    const answer = (await response.json()) as T & { position?: string };
    if (typeof answer.position === 'string') this.sawPosition(BigInt(answer.position));
    return answer;
  }

  /**
   * GET a file of the API (a committee pack, an export, a signed note) with the bearer token, which a plain link cannot
   * send: its body, and the name the API gives it (`Content-Disposition`).
   */
  async file(path: string, query: Query = {}): Promise<{ body: Blob; fileName: string | undefined }> {
    const minPosition = this.minPosition === undefined ? undefined : String(this.minPosition);
    const response = await this.send(hrefOf(path, { ...query, minPosition }), {});
    const disposition = response.headers.get('Content-Disposition') ?? '';
    return { body: await response.blob(), fileName: /filename="([^"]+)"/.exec(disposition)?.[1] };
  }

  /** Ends the service's cookie session, if any (a pasted token has none: forgetting it is enough). */
  async signOut(): Promise<void> {
    await fetch(`${API_BASE}/session/logout`, { method: 'POST', headers: { Accept: 'application/json' } });
  }

  private sawPosition(position: bigint): void {
    if (this.minPosition === undefined || position > this.minPosition) this.minPosition = position;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const headers = {
      ...(init.headers as Record<string, string> | undefined),
      ...authorizationOf(this.token),
      'Accept-Language': 'fr',
      Accept: 'application/json',
    };
    let response: Response;
    try {
      response = await fetch(`${API_BASE}${path}`, { ...init, headers });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw UNREACHABLE;
    }
    if (response.status === 401) this.onRefused();
    if (!response.ok) throw await problemOf(response);
    return response;
  }
}
