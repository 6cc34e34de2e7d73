import { EventEmitter } from 'node:events';
import { AUDIT_LOG_IDLE, type AuditLogItem } from '@portfolio/read-models';
import type { Response } from 'express';
import { writeEventStream } from './event-stream-writer';

/** A response whose socket takes nothing more until `drain()`: a client that reads slowly, or not at all. */
class SlowResponse extends EventEmitter {
  readonly written: string[] = [];
  readonly headers: Record<string, string> = {};
  statusCode = 0;
  destroyed = false;
  ended = false;
  private full = false;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  flushHeaders(): void {}
  write(frame: string): boolean {
    this.written.push(frame);
    return !this.full;
  }
  end(): void {
    this.ended = true;
  }
  fillUp(): void {
    this.full = true;
  }
  drain(): void {
    this.full = false;
    this.emit('drain');
  }
}

const item = (position: number) => ({ position: String(position), type: 'MissionDefined' }) as AuditLogItem;

/** Events as followAuditLog yields them, counting how many were pulled. */
function counted(events: readonly (AuditLogItem | typeof AUDIT_LOG_IDLE)[]) {
  const pulled = { count: 0 };
  async function* generate() {
    for (const event of events) {
      pulled.count += 1;
      yield event;
    }
  }
  return { pulled, events: generate() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('writeEventStream', () => {
  it('writes the headers of a stream, the retry hint, each event and the keep-alives, then ends', async () => {
    const response = new SlowResponse();
    const { events } = counted([item(3), AUDIT_LOG_IDLE, item(5)]);
    await writeEventStream(response as unknown as Response, events, new AbortController().signal);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-store',
      'X-Accel-Buffering': 'no',
    });
    expect(response.written).toEqual([
      'retry: 2000\n\n',
      'id: 3\ndata: {"position":"3","type":"MissionDefined"}\n\n',
      ': keep-alive\n\n',
      'id: 5\ndata: {"position":"5","type":"MissionDefined"}\n\n',
    ]);
    expect(response.ended).toBe(true);
  });

  it('reads no further event while the socket has not drained', async () => {
    const response = new SlowResponse();
    response.fillUp();
    const { pulled, events } = counted([item(1), item(2), item(3)]);
    const writing = writeEventStream(response as unknown as Response, events, new AbortController().signal);
    await settle();
    expect([pulled.count, response.written.length]).toEqual([0, 1]);
    response.drain();
    response.fillUp();
    await settle();
    expect([pulled.count, response.written.length]).toEqual([1, 2]);
    response.drain();
    await writing;
    expect(pulled.count).toBe(3);
  });

  it('stops, without reading on, when the client leaves or the signal aborts while the socket is full', async () => {
    for (const leave of ['close', 'abort'] as const) {
      const response = new SlowResponse();
      const stopping = new AbortController();
      const { pulled, events } = counted([item(1), item(2)]);
      response.fillUp();
      const writing = writeEventStream(response as unknown as Response, events, stopping.signal);
      await settle();
      response.drain();
      response.fillUp();
      await settle();
      if (leave === 'close') response.emit('close');
      else stopping.abort();
      await writing;
      expect([pulled.count, response.ended]).toEqual([1, true]);
    }
  });
});
