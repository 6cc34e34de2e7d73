/** Why an instance opens no new audit-log stream. */
export type EventStreamRefusal = 'too_many_event_streams' | 'shutting_down';

/** How long a refused client waits before trying again: a slot frees when any client leaves. */
const RETRY_AFTER_SECONDS = 5;

/** GET /events/stream refused: every slot of the instance is taken, or it is stopping (HTTP 503 with Retry-After). */
export class EventStreamsUnavailableError extends Error {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;

  constructor(
    readonly code: EventStreamRefusal,
    /** The instance's bound. */
    readonly max: number,
  ) {
    super(
      code === 'shutting_down'
        ? 'this instance is shutting down: reconnect, another instance may answer'
        : `this instance already serves ${max} event streams, its maximum: retry later`,
    );
    this.name = 'EventStreamsUnavailableError';
  }
}
