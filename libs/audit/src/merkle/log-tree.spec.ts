import { createHash } from 'node:crypto';
import { LogTreeBuilder } from './log-tree';
import { merkleRoot } from './merkle-tree';

// Positions need not be contiguous (KurrentDB's commit positions are not): every third position here.
const events = Array.from({ length: 3000 }, (_, i) => ({
  position: BigInt(3 * i + 5),
  hash: createHash('sha256').update(`event ${i}`).digest('hex'),
}));

const log = (() => {
  const builder = new LogTreeBuilder();
  for (const event of events) builder.append(event);
  return builder.build();
})();

describe('LogTree', () => {
  it('holds every event appended, past its initial capacity, in order', () => {
    expect(log.tree.size).toBe(3000);
    expect(log.tree.root()).toBe(merkleRoot(events.map((event) => event.hash)));
  });

  it('counts the leaves at or before a position, whether or not an event sits there', () => {
    expect(log.leafCountUpTo(4n)).toBe(0);
    expect(log.leafCountUpTo(5n)).toBe(1);
    expect(log.leafCountUpTo(7n)).toBe(1);
    expect(log.leafCountUpTo(8n)).toBe(2);
    expect(log.leafCountUpTo(10_000n)).toBe(3000);
  });

  it('finds the leaf of an event by its position, and none where no event sits', () => {
    expect(log.leafIndex(5n)).toBe(0);
    expect(log.leafIndex(events[2999].position)).toBe(2999);
    expect(log.leafIndex(6n)).toBeUndefined();
    expect(log.leafIndex(1n)).toBeUndefined();
  });
});
