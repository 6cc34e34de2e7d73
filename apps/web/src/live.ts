// Following the audit log live: GET /events/stream read with fetch (an EventSource cannot send the bearer token), its
// Server-Sent Events parsed, and the stream resumed after a drop from the last event received, with a growing wait.
import { authorizationOf } from './api';

/** An event of the audit log as the stream sends it (the item a page of /events holds). */
export interface LiveEvent {
  readonly position: string;
  readonly revision: string;
  readonly streamId: string;
  readonly type: string;
  readonly summary: string;
  readonly recordedAt: string;
}

/** A message of the stream: its `id` (the event's position) and its data lines joined. */
export interface ServerSentMessage {
  readonly id: string | undefined;
  readonly data: string;
}

/**
 * Parses a Server-Sent Events stream fed in chunks as they arrive (a chunk may end anywhere, in a line or between
 * the CR and LF of one), as the HTML standard's event-stream interpretation does: comments skipped, `data` lines
 * joined, the last `id` kept, `retry` read.
 */
export class ServerSentEventParser {
  private pending = '';
  private data: string[] = [];
  private id: string | undefined;
  /** The wait before reconnecting the stream asked for, if it did. */
  retryMs: number | undefined;

  push(chunk: string): ServerSentMessage[] {
    this.pending += chunk;
    const messages: ServerSentMessage[] = [];
    // A CR at the very end may be the first half of a CRLF: kept until the next chunk says.
    const lines = this.pending.split(/\r\n|\r(?=.)|\n/s);
    this.pending = lines.pop() ?? '';
    for (const line of lines) {
      const message = this.line(line);
      if (message !== undefined) messages.push(message);
    }
    return messages;
  }

  private line(line: string): ServerSentMessage | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  private dispatch(): ServerSentMessage | undefined {
    if (this.data.length === 0) return undefined;
    const message = { id: this.id, data: this.data.join('\n') };
    this.data = [];
    return message;
  }
}

/** The wait before the `failures`-th reconnection in a row: the stream's `retry`, doubled each time, at most 30 s. */
export function reconnectionDelay(retryMs: number, failures: number): number {
  return Math.min(retryMs * 2 ** Math.max(0, failures - 1), MAX_DELAY_MS);
}

const MAX_DELAY_MS = 30_000;
/** The stream's own `retry` (README: 2 s) before it has said so. */
const DEFAULT_RETRY_MS = 2_000;

/** Where the stream stands, for a page to say it. */
export type LiveState = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface FollowOptions {
  /** The pasted API token; undefined: the session cookie of a ProConnect sign-in. */
  readonly token: string | undefined;
  /** The filters of /events (projectId, missionCode, type...). */
  readonly filters?: Readonly<Record<string, string>>;
  /** The position of the document the page read: the first connection starts after it (at the head otherwise). */
  readonly after?: string;
  readonly onEvent: (event: LiveEvent) => void;
  readonly onState?: (state: LiveState) => void;
  readonly signal: AbortSignal;
  /** For the specs; the browser's fetch otherwise. */
  readonly fetch?: typeof fetch;
  readonly base?: string;
}

/** A refusal that another try would get again (bad credentials, a filter refused): following stops. */
const isFinal = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * Follows the stream until `signal` aborts: after `after` (or from now on) at first, so that nothing recorded since
 * the page's read is missed, then, after each drop (the service restarting, the
 * network cut), from the last event received, so that none is lost or repeated.
 */
export async function followEvents(options: FollowOptions): Promise<void> {
  const { signal, onState = () => undefined } = options;
  let lastEventId: string | undefined;
  let retryMs = DEFAULT_RETRY_MS;
  let failures = 0;
  onState('connecting');
  while (!signal.aborted) {
    try {
      const response = await open(options, lastEventId);
      if (isFinal(response.status)) return onState('refused');
      if (response.ok && response.body !== null) {
        failures = 0;
        onState('connected');
        const parser = new ServerSentEventParser();
        await readMessages(response.body, parser, (message) => {
          lastEventId = message.id ?? lastEventId;
          options.onEvent(JSON.parse(message.data) as LiveEvent);
        });
        retryMs = parser.retryMs ?? retryMs;
      }
    } catch {
      // A drop: the next attempt resumes after the last event received.
    }
    if (signal.aborted) return;
    failures += 1;
    onState('reconnecting');
    await pause(reconnectionDelay(retryMs, failures), signal);
  }
}

function open(options: FollowOptions, lastEventId: string | undefined): Promise<Response> {
  // Once an event has come, Last-Event-ID says where to resume: `after` only names the first starting point.
  const start: Record<string, string> =
    lastEventId === undefined && options.after !== undefined ? { after: options.after } : {};
  const query = new URLSearchParams({ ...options.filters, ...start }).toString();
  const headers: Record<string, string> = {
    ...authorizationOf(options.token),
    Accept: 'text/event-stream',
    'Accept-Language': 'fr',
  };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const url = `${options.base ?? '/api/v1'}/events/stream${query === '' ? '' : `?${query}`}`;
  return (options.fetch ?? fetch)(url, { headers, signal: options.signal, cache: 'no-store' });
}

async function readMessages(
  body: ReadableStream<Uint8Array>,
  parser: ServerSentEventParser,
  onMessage: (message: ServerSentMessage) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    // `stream`: a character whose bytes two chunks share is decoded once both have come.
    for (const message of parser.push(decoder.decode(value, { stream: true }))) onMessage(message);
  }
}

/**
 * Calls `onBurst` once a burst of calls to `add` has ended: `quietMs` after the last of them (an import records
 * hundreds of events in a moment; a page reads again once).
 */
export function afterBursts(onBurst: () => void, quietMs: number): { add(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  return {
    add: () => {
      cancel();
      timer = setTimeout(onBurst, quietMs);
    },
    cancel,
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
