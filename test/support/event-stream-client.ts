// A Server-Sent Events client for the suites, over raw http: it reads the stream as it arrives (supertest waits for
// the end of a response, which a stream never reaches) and keeps every field it is sent.
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

export interface StreamedMessage {
  readonly id: string;
  readonly data: unknown;
  /** The `event` field, when the message has one. */
  readonly event?: string;
}

/** One GET /events/stream: its answer's status and headers, then what it sent so far. */
export class EventStreamClient {
  readonly messages: StreamedMessage[] = [];
  /** The text of each comment line, `keep-alive` for a heartbeat. */
  readonly comments: string[] = [];
  /** The `retry` fields, in milliseconds. */
  readonly retries: number[] = [];
  /** Everything received, for a body that is not a stream (a problem) and for the failure messages. */
  text = '';
  /** Resolves when the server ends the response, or the connection closes. */
  readonly ended: Promise<void>;
  private pending = '';
  private readonly changed = new Set<() => void>();

  private constructor(private readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    this.ended = new Promise((resolve) => response.once('close', resolve));
  }

  /** Opens the stream at `url` and resolves once its status and headers have arrived. */
  static open(url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { headers: { Accept: 'text/event-stream', ...headers } });
      outgoing.on('response', (response) => resolve(new EventStreamClient(response)));
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  get headers(): IncomingHttpHeaders {
    return this.response.headers;
  }

  /** Resolves once `condition` holds of what was received; rejects after `timeoutMs`, saying what came. */
  until(condition: (client: this) => boolean, timeoutMs = 5_000): Promise<void> {
    if (condition(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition(this)) return;
        clearTimeout(timer);
        this.changed.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changed.delete(check);
        reject(new Error(`not received within ${timeoutMs} ms; the stream sent:\n${this.text}`));
      }, timeoutMs);
      this.changed.add(check);
    });
  }

  /** Leaves, as a browser closing its page does. */
  close(): Promise<void> {
    this.response.destroy();
    return this.ended;
  }

  private receive(chunk: string): void {
    this.text += chunk;
    this.pending += chunk;
    const blocks = this.pending.split('\n\n');
    this.pending = blocks.pop() ?? '';
    for (const block of blocks) this.parse(block.split('\n'));
    for (const check of [...this.changed]) check();
  }

  private parse(lines: readonly string[]): void {
    const fields = new Map<string, string>();
    for (const line of lines) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else {
        const colon = line.indexOf(':');
        fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''));
      }
    }
    if (fields.has('retry')) this.retries.push(Number(fields.get('retry')));
    const data = fields.get('data');
    if (data === undefined) return;
    const event = fields.get('event');
    this.messages.push({
      id: fields.get('id') ?? '',
      data: JSON.parse(data),
      ...(event === undefined ? {} : { event }),
    });
  }
}
