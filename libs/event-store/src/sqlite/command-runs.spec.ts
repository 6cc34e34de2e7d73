import { commandRuns } from './command-runs';

const at = (commandKey: string | null, position: number) => ({ commandKey, position: BigInt(position) });

describe('commandRuns', () => {
  it('makes one run of an append whose events share one command', () => {
    expect(commandRuns([at('k', 7), at('k', 8), at('k', 9)])).toEqual([{ key: 'k', first: 7n, last: 9n }]);
  });

  it('splits where the key changes, skips events without a key and never spans a gap in the positions', () => {
    expect(commandRuns([at('a', 1), at(null, 2), at('a', 3), at('b', 4), at('b', 5), at('b', 7)])).toEqual([
      { key: 'a', first: 1n, last: 1n },
      { key: 'a', first: 3n, last: 3n },
      { key: 'b', first: 4n, last: 5n },
      { key: 'b', first: 7n, last: 7n },
    ]);
  });

  it('makes no run of events that name no command', () => {
    expect(commandRuns([at(null, 1), at(null, 2)])).toEqual([]);
  });
});
