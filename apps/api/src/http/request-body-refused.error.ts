/** Why a request body was refused: each a status and a stable problem code (see to-problem.ts). */
export const BODY_REFUSALS = {
  malformed_json: 400,
  body_too_deep: 400,
  body_incomplete: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  unsupported_content_encoding: 415,
} as const;

export type BodyRefusal = keyof typeof BODY_REFUSALS;

/** The request body was refused before it reached validation: wrong type or encoding, too large, too deep, not JSON. */
export class RequestBodyRefusedError extends Error {
  constructor(
    readonly code: BodyRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'RequestBodyRefusedError';
  }

  get status(): number {
    return BODY_REFUSALS[this.code];
  }
}
