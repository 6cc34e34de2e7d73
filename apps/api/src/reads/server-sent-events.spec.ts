import { KEEP_ALIVE_FRAME, messageFrame, retryFrame } from './server-sent-events';

describe('Server-Sent Events frames', () => {
  it('writes a message as its id and one line of JSON, ended by a blank line', () => {
    expect(messageFrame('42', { summary: 'line one\nline two' })).toBe(
      'id: 42\ndata: {"summary":"line one\\nline two"}\n\n',
    );
  });

  it('writes the keep-alive as a comment and the reconnection delay as a retry field', () => {
    expect(KEEP_ALIVE_FRAME).toBe(': keep-alive\n\n');
    expect(retryFrame(2000)).toBe('retry: 2000\n\n');
  });
});
