import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { PortfolioConfig } from '@portfolio/application';
import type { Response } from 'express';
import { EventStreams } from './event-streams';
import { EventStreamsUnavailableError } from './event-streams-unavailable.error';

/** A response as EventStreams sees it: it closes when its client leaves, and has begun or not. */
class FakeResponse extends EventEmitter {
  headersSent = false;
  ended = false;
  end(): void {
    this.ended = true;
  }
}

const response = () => new FakeResponse() as FakeResponse & Response;
const config = (eventStreamsMax: number) => ({ eventStreamsMax }) as PortfolioConfig;

/** A stream that runs until its signal aborts, and says when it has begun. */
function untilAborted() {
  const signals: AbortSignal[] = [];
  const write = (signal: AbortSignal) => {
    signals.push(signal);
    return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  };
  return { signals, write };
}

describe('EventStreams', () => {
  it('serves up to its bound, refuses past it, and frees a slot when a client leaves', async () => {
    const streams = new EventStreams(config(2));
    const { signals, write } = untilAborted();
    const [first, second, third] = [response(), response(), response()];
    const served = [streams.serve(first, write), streams.serve(second, write)];
    await expect(streams.serve(third, write)).rejects.toEqual(
      new EventStreamsUnavailableError('too_many_event_streams', 2),
    );
    first.emit('close');
    await served[0];
    expect([signals[0].aborted, signals[1].aborted, streams.count]).toEqual([true, false, 1]);
    const fourth = streams.serve(third, write);
    expect(streams.count).toBe(2);
    await streams.closeAll();
    await Promise.all([served[1], fourth]);
  });

  it('ends every stream on closeAll, resolving once they have ended, and refuses new ones', async () => {
    const streams = new EventStreams(config(10));
    const { signals, write } = untilAborted();
    const served = [streams.serve(response(), write), streams.serve(response(), write)];
    await streams.onModuleDestroy();
    expect([signals.every((signal) => signal.aborted), streams.count]).toEqual([true, 0]);
    await Promise.all(served);
    await expect(streams.serve(response(), write)).rejects.toEqual(
      new EventStreamsUnavailableError('shutting_down', 10),
    );
  });

  it('answers a failure before the stream began as a problem, and ends a stream that fails once begun', async () => {
    const streams = new EventStreams(config(10));
    const failure = new Error('database gone');
    await expect(streams.serve(response(), () => Promise.reject(failure))).rejects.toBe(failure);
    const begun = response();
    begun.headersSent = true;
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await streams.serve(begun, () => Promise.reject(failure));
    expect(begun.ended).toBe(true);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('database gone'));
    expect(streams.count).toBe(0);
    logged.mockRestore();
  });
});
