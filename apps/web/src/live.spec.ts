import {
  afterBursts,
  followEvents,
  reconnectionDelay,
  ServerSentEventParser,
  type LiveEvent,
  type LiveState,
} from './live';

// Following the audit log live: the stream's messages however its chunks fall, and the resumption after a drop from
// the last event received, after a wait that grows.

const event = (position: string): LiveEvent => ({
  position,
  revision: '1',
  streamId: 'project-franceconnect',
  type: 'IndicatorMeasured',
  summary: '…',
  recordedAt: '2026-01-01T00:00:00Z',
});

const message = (position: string) => `id: ${position}\ndata: ${JSON.stringify(event(position))}\n\n`;

/** A response streaming `text`, then ending (the stream dropped). */
function streamOf(text: string): Response {
  const bytes = new TextEncoder().encode(text);
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  );
}

describe('the parser of Server-Sent Events', () => {
  it('gives each message once complete, wherever the chunks end, and skips comments', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('retry: 2000\r\n\r\n: keep-alive\r\nid: 4')).toEqual([]);
    expect(parser.push('2\r')).toEqual([]);
    expect(parser.push('\ndata: {"a":')).toEqual([]);
    expect(parser.push('1}\r\ndata:second line\r\n\r\nid: 43\n\n')).toEqual([
      { id: '42', data: '{"a":1}\nsecond line' },
    ]);
    expect(parser.retryMs).toBe(2000);
  });

  it('keeps the last id for the messages that name none', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('id: 7\ndata: a\n\ndata: b\n\n')).toEqual([
      { id: '7', data: 'a' },
      { id: '7', data: 'b' },
    ]);
  });
});

describe('following the stream', () => {
  it('waits the stream’s retry, doubled at each failure in a row, at most 30 s', () => {
    expect([1, 2, 3, 10].map((failures) => reconnectionDelay(2000, failures))).toEqual([2000, 4000, 8000, 30_000]);
  });

  it('resumes after a drop with Last-Event-ID, the last event received, and delivers each event once', async () => {
    const controller = new AbortController();
    const sent: (string | null)[] = [];
    const received: string[] = [];
    const answers = [streamOf(`retry: 1\n\n${message('41')}${message('42')}`), streamOf(message('43'))];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get('Last-Event-ID'));
      const answer = answers.shift();
      if (answer === undefined) controller.abort();
      return answer ?? streamOf('');
    }) as typeof fetch;

    await followEvents({
      token: 't',
      onEvent: (live) => received.push(live.position),
      signal: controller.signal,
      fetch: fakeFetch,
    });

    expect(received).toEqual(['41', '42', '43']);
    expect(sent).toEqual([null, '42', '43']);
  });

  it('starts after the position of the document read, then resumes with Last-Event-ID alone', async () => {
    const controller = new AbortController();
    const sent: { url: string; lastEventId: string | null }[] = [];
    const answers = [streamOf(`retry: 1\n\n${message('58')}`), streamOf('')];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      sent.push({ url, lastEventId: new Headers(init.headers).get('Last-Event-ID') });
      const answer = answers.shift();
      if (answer === undefined) controller.abort();
      return answer ?? streamOf('');
    }) as typeof fetch;

    await followEvents({
      token: 't',
      after: '57',
      onEvent: () => undefined,
      signal: controller.signal,
      fetch: fakeFetch,
    });

    expect(sent[0]).toEqual({ url: '/api/v1/events/stream?after=57', lastEventId: null });
    expect(sent[1]).toEqual({ url: '/api/v1/events/stream', lastEventId: '58' });
  });

  it('stops on a refusal another try would get again, saying so', async () => {
    const states: LiveState[] = [];
    let calls = 0;
    const refusing = (async () => (calls++, new Response('{}', { status: 401 }))) as unknown as typeof fetch;
    await followEvents({
      token: 'revoked',
      onEvent: () => undefined,
      onState: (state) => states.push(state),
      signal: new AbortController().signal,
      fetch: refusing,
    });
    expect(calls).toBe(1);
    expect(states).toEqual(['connecting', 'refused']);
  });

  it('tries again after the service could not be reached, and sends the filters', async () => {
    const controller = new AbortController();
    const urls: string[] = [];
    let calls = 0;
    const flaky = (async (url: string) => {
      urls.push(url);
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      controller.abort();
      return streamOf('');
    }) as typeof fetch;
    const started = Date.now();
    await followEvents({
      token: 't',
      filters: { projectId: 'franceconnect' },
      onEvent: () => undefined,
      signal: controller.signal,
      fetch: flaky,
    });
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(urls[0]).toBe('/api/v1/events/stream?projectId=franceconnect');
  });
});

describe('bursts of events', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('call back once a burst has ended, once per burst, and no more once cancelled', () => {
    const onBurst = jest.fn();
    const bursts = afterBursts(onBurst, 300);
    for (let event = 0; event < 100; event++) {
      bursts.add();
      jest.advanceTimersByTime(10);
    }
    expect(onBurst).not.toHaveBeenCalled();
    jest.advanceTimersByTime(300);
    expect(onBurst).toHaveBeenCalledTimes(1);

    bursts.add();
    bursts.cancel();
    jest.advanceTimersByTime(1000);
    expect(onBurst).toHaveBeenCalledTimes(1);
  });
});
