import { randomFillSync } from 'node:crypto';

const COUNTER_LIMIT = 0x1000;
const random = Buffer.alloc(10);
let lastMs = 0;
let counter = 0;

/**
 * A new event id: an RFC 9562 version-7 UUID, time-ordered with a 12-bit counter for ids of the same millisecond
 * (method 1 of §6.2). The stores keep a unique index on event ids; ids that grow with time land at its right edge, so a
 * commit rewrites one or two index pages instead of one page per event, as random (version-4) ids make it.
 */
export function newEventId(nowMs = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    counter = 0;
  } else if (++counter === COUNTER_LIMIT) {
    // More than 4,096 ids in one millisecond (or a clock stepped back): borrow the next millisecond, stay ordered.
    lastMs += 1;
    counter = 0;
  }
  randomFillSync(random);
  const time = lastMs.toString(16).padStart(12, '0');
  const versionAndCounter = (0x7000 | counter).toString(16);
  const variant = ((random[0] & 0x3f) | 0x80).toString(16) + random.toString('hex', 1, 2);
  return `${time.slice(0, 8)}-${time.slice(8)}-${versionAndCounter}-${variant}-${random.toString('hex', 2, 8)}`;
}
