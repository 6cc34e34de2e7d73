import { startProgress } from './progress';

/** A stream that is not a terminal and keeps what is written to it. */
function pipe(): { stream: NodeJS.WriteStream; lines: () => string[] } {
  let written = '';
  const stream = { isTTY: false, write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
  return { stream, lines: () => written.split('\n').filter((line) => line !== '') };
}

describe('startProgress, away from a terminal', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-04T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('prints short work once, at the end', () => {
    const { stream, lines } = pipe();
    const progress = startProgress('verify', 'events', 0, stream);
    progress.update(600);
    progress.update(1157);
    jest.advanceTimersByTime(1000);
    progress.stop();
    expect(lines()).toEqual(['verify: 1157 events (1157 events/s)']);
  });

  it('prints a line every 5 s of long work, with the rate and what is left, and no final line that repeats the last', () => {
    const { stream, lines } = pipe();
    const progress = startProgress('export', 'events', 30_000, stream);
    jest.advanceTimersByTime(5000);
    progress.update(10_000);
    jest.advanceTimersByTime(1000);
    progress.update(12_000);
    jest.advanceTimersByTime(4000);
    progress.update(20_000);
    progress.stop();
    expect(lines()).toEqual([
      'export: 10000/30000 events (2000 events/s, ETA 10 s)',
      'export: 20000/30000 events (2000 events/s, ETA 5 s)',
    ]);
  });
});
