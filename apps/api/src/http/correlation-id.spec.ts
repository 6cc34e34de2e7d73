import type { IncomingMessage } from 'node:http';
import { correlationIdOf } from './correlation-id';

const requestWith = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage;

describe('correlationIdOf', () => {
  it("keeps the caller's X-Correlation-Id", () => {
    expect(correlationIdOf(requestWith({ 'x-correlation-id': 'ticket-4242' }))).toBe('ticket-4242');
  });

  it.each([
    ['spaces', 'two words'],
    ['a line break', 'id\nforged log line'],
    ['over 128 characters', 'x'.repeat(129)],
    ['nothing', ''],
  ])('replaces an id with %s by a new UUID', (_what, given) => {
    expect(correlationIdOf(requestWith({ 'x-correlation-id': given }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives one request one id, however often it is asked', () => {
    const request = requestWith({});
    const id = correlationIdOf(request);
    expect(correlationIdOf(request)).toBe(id);
    expect(correlationIdOf(requestWith({}))).not.toBe(id);
  });
});
