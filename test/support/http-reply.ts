// A raw HTTP answer read whole: for the suites that send requests supertest cannot (bodies cut, trickled or
// compressed by hand, one agent reused across thousands of requests).
import type { ClientRequest, IncomingHttpHeaders } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** The answer to `outgoing`, once its body has arrived; rejects when the request or the answer fails. */
export function replyTo(outgoing: ClientRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
  });
}
