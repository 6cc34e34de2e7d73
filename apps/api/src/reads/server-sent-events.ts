// The Server-Sent Events wire format (HTML Living Standard, §9.2): fields of text lines, each message ended by a blank
// line. What GET /events/stream writes, and all it writes.

export const EVENT_STREAM_CONTENT_TYPE = 'text/event-stream';

/** A message: its id is what the client sends back as Last-Event-ID when it reconnects. */
export function messageFrame(id: string, data: unknown): string {
  // JSON.stringify escapes every line break inside strings: the data is one `data:` line.
  return `id: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment: ignored by EventSource, it keeps the connection (and any proxy on the way) from timing out. */
export const KEEP_ALIVE_FRAME = ': keep-alive\n\n';

/** How long a client waits before reconnecting once the stream is cut. */
export function retryFrame(retryMs: number): string {
  return `retry: ${retryMs}\n\n`;
}
