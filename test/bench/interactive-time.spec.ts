import { interactiveMs, settledInteractiveMs } from '../../bench/support/interactive-time';

describe('the moment a page is interactive', () => {
  it('is not known before the page marks its data rendered, however quiet it is', () => {
    expect(interactiveMs({ renderedMs: undefined, longTasks: [], nowMs: 9000 })).toBeUndefined();
    expect(settledInteractiveMs({ renderedMs: undefined, longTasks: [], nowMs: 9000 }, 500)).toBeUndefined();
  });

  it('is the data rendered when no long task ran after it', () => {
    const longTasks = [{ startMs: 100, durationMs: 80 }];
    expect(interactiveMs({ renderedMs: 400, longTasks, nowMs: 1000 })).toBe(400);
  });

  it('is the end of the last long task when the main thread was still busy after the data rendered', () => {
    const longTasks = [
      { startMs: 300, durationMs: 150 },
      { startMs: 600, durationMs: 70 },
      { startMs: 100, durationMs: 60 },
    ];
    expect(interactiveMs({ renderedMs: 400, longTasks, nowMs: 1000 })).toBe(670);
  });

  it('is settled only once the page has been quiet for the whole window after it', () => {
    const longTasks = [{ startMs: 600, durationMs: 70 }];
    expect(settledInteractiveMs({ renderedMs: 400, longTasks, nowMs: 1169 }, 500)).toBeUndefined();
    expect(settledInteractiveMs({ renderedMs: 400, longTasks, nowMs: 1170 }, 500)).toBe(670);
  });
});
