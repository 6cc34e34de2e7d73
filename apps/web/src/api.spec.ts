import { ApiClient, ApiProblem } from './api';

// The workspace's API client against a fetch that records the requests and answers as the API would.

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
}

let sent: Sent[];
let answers: Response[];
const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

beforeEach(() => {
  sent = [];
  answers = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
    sent.push({ url: String(url), init: init ?? {} });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('no answer prepared');
    return answer;
  });
});
afterEach(() => jest.restoreAllMocks());

describe('the API client', () => {
  it('sends the bearer token and asks for French, the query without empty parameters', async () => {
    answers.push(json(200, { missions: [] }));
    await new ApiClient('t0k3n').get('/portfolio', { at: '2021-02-05', asOf: undefined });
    expect(sent[0].url).toBe('/api/v1/portfolio?at=2021-02-05');
    expect(sent[0].init.headers).toMatchObject({ Authorization: 'Bearer t0k3n', 'Accept-Language': 'fr' });
  });

  it('reads its own writes: after a command, reads wait for the position it wrote, the highest seen', async () => {
    const api = new ApiClient('t0k3n');
    answers.push(json(201, { position: '42' }), json(201, { position: '7' }), json(200, {}));
    await api.post('/projects/x/milestones/y/reach', { reachedOn: '2021-06-30' });
    await api.post('/missions', {});
    await api.get('/portfolio');
    expect(sent[2].url).toBe('/api/v1/portfolio?minPosition=42');
  });

  it('turns a problem into an ApiProblem with its French title, detail and fields', async () => {
    const errors = [{ path: 'query.at', message: 'at doit être une date réelle du calendrier écrite AAAA-MM-JJ' }];
    const body = { title: 'Requête incorrecte', status: 400, detail: errors[0].message, code: 'invalid_query', errors };
    answers.push(json(400, body, 'application/problem+json'));
    const refusal = await new ApiClient('t0k3n')
      .get('/portfolio', { at: '2021-13-01' })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiProblem);
    expect(refusal).toMatchObject({ status: 400, title: 'Requête incorrecte', code: 'invalid_query' });
    expect((refusal as ApiProblem).fieldMessage('query.at')).toBe(errors[0].message);
  });

  it('tells its owner when the API no longer accepts the token', async () => {
    const refused = jest.fn();
    answers.push(json(401, { title: 'Non authentifié', status: 401, detail: 'jeton inconnu', code: 'unauthorized' }));
    await expect(new ApiClient('old', refused).get('/portfolio')).rejects.toMatchObject({ status: 401 });
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('says the service is unreachable when fetch gets no answer', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    await expect(new ApiClient('t0k3n').get('/portfolio')).rejects.toMatchObject({ code: 'unreachable' });
  });
});
