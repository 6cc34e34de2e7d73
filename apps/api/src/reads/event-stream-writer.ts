import { AUDIT_LOG_IDLE, type AuditLogItem } from '@portfolio/read-models';
import type { Response } from 'express';
import { EVENT_STREAM_CONTENT_TYPE, KEEP_ALIVE_FRAME, messageFrame, retryFrame } from './server-sent-events';

/** How long an EventSource waits before reconnecting after the stream is cut (a restart, a deploy). */
const RETRY_MS = 2_000;

/**
 * Writes the followed audit log to `response` as Server-Sent Events until the events end or the signal aborts, then
 * ends the response. One event at a time: when the client reads slower than the log grows, the next is not read
 * before the socket has drained, so a slow client costs a page of events, never the backlog.
 */
export async function writeEventStream(
  response: Response,
  events: AsyncIterable<AuditLogItem | typeof AUDIT_LOG_IDLE>,
  signal: AbortSignal,
): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', EVENT_STREAM_CONTENT_TYPE);
  // no-cache as Server-Sent Events expect it; no-store as every answer of the API (security-headers.ts).
  response.setHeader('Cache-Control', 'no-cache, no-store');
  // A reverse proxy (nginx and those that honour it) passes each event on at once instead of buffering the response.
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  try {
    if (!(await send(response, retryFrame(RETRY_MS), signal))) return;
    for await (const event of events) {
      const frame = event === AUDIT_LOG_IDLE ? KEEP_ALIVE_FRAME : messageFrame(event.position, event);
      if (!(await send(response, frame, signal))) return;
    }
  } finally {
    response.end();
  }
}

/** Writes a frame; resolves true once the socket can take more, false if the client left or the stream must end. */
function send(response: Response, frame: string, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted || response.destroyed) return Promise.resolve(false);
  if (response.write(frame)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (drained: boolean) => () => {
      response.off('drain', drain);
      response.off('close', stop);
      signal.removeEventListener('abort', stop);
      resolve(drained);
    };
    const drain = settle(true);
    const stop = settle(false);
    response.once('drain', drain);
    response.once('close', stop);
    signal.addEventListener('abort', stop, { once: true });
  });
}
