import { givenTimeTravel } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import type { AuditLogCriteria } from './audit-log-criteria';
import { AUDIT_LOG_IDLE, followAuditLog } from './audit-log-follow';
import type { ReadContext } from './read-context';

describe.each(STORE_KINDS)('following the audit log on %s', (kind) => {
  const scenario = givenTimeTravel(kind);
  const pos = (ordinal: number) => scenario.position(ordinal);
  const positions = (...ordinals: number[]) => ordinals.map((n) => pos(n).toString());

  /** The scenario's read models as if they had applied the log up to `position`, and nothing came after. */
  const includedUpTo = (position: bigint): ReadContext => ({
    ...scenario.context,
    projections: {
      activeGenerationNumber: scenario.context.projections.activeGenerationNumber,
      position,
      waitFor: () => Promise.resolve(false),
    },
  });

  /** What the follower sends until it first falls idle (or ends), in its own words. */
  const followed = async (context: ReadContext, criteria: AuditLogCriteria, after: bigint, pageSize = 3) => {
    const stopping = new AbortController();
    const sent: string[] = [];
    const options = { language: 'en' as const, idleMs: 10, signal: stopping.signal, pageSize };
    for await (const item of followAuditLog(context, criteria, after, options)) {
      if (item === AUDIT_LOG_IDLE) {
        sent.push('idle');
        stopping.abort();
      } else sent.push(item.position);
    }
    return sent;
  };

  it('sends the events after `after` the criteria select, in order and page by page, then falls idle', async () => {
    const all = includedUpTo(pos(24));
    expect(await followed(all, { projectId: 'franceconnect' }, pos(8))).toEqual([
      ...positions(10, 13, 14, 15, 19, 22),
      'idle',
    ]);
    expect(await followed(all, { type: 'ReviewCycleHeld' }, 0n, 1)).toEqual([...positions(11, 18, 24), 'idle']);
  });

  it('sends nothing the read models do not include yet', async () => {
    expect(await followed(includedUpTo(pos(10)), { projectId: 'franceconnect' }, 0n)).toEqual([
      ...positions(3, 6, 7, 8, 10),
      'idle',
    ]);
  });

  it('starts at fromPosition when it comes after `after`, and ends once past toPosition', async () => {
    const all = includedUpTo(pos(24));
    expect(await followed(all, { fromPosition: pos(22) }, pos(3))).toEqual([...positions(22, 23, 24), 'idle']);
    expect(await followed(all, { toPosition: pos(3) }, 0n)).toEqual(positions(1, 2, 3));
    expect(await followed(all, { toPosition: pos(3) }, pos(3))).toEqual([]);
  });

  it('gives each event as /events does, its summary in the language asked', async () => {
    const stopping = new AbortController();
    const options = { language: 'fr' as const, idleMs: 10, signal: stopping.signal };
    const follower = followAuditLog(includedUpTo(pos(24)), { type: 'ReviewCycleHeld' }, 0n, options);
    const { value } = await follower.next();
    stopping.abort();
    expect(value).toMatchObject({
      position: pos(11).toString(),
      streamId: expect.any(String),
      hash: expect.any(String),
    });
    expect((value as { summary: string }).summary).toMatch(/^Revue/);
  });

  it('falls idle on a busy log whose events the criteria all leave out', async () => {
    let position = pos(24);
    const busy: ReadContext = {
      ...scenario.context,
      projections: {
        activeGenerationNumber: scenario.context.projections.activeGenerationNumber,
        get position() {
          return position;
        },
        // An event every 2 ms, none of them selected.
        waitFor: () =>
          new Promise((resolve) =>
            setTimeout(() => {
              position += 1n;
              resolve(true);
            }, 2),
          ),
      },
    };
    expect(await followed(busy, { type: 'NoSuchEvent' }, pos(24))).toEqual(['idle']);
  });

  it('waits for the read models, and stops at once when its signal aborts', async () => {
    const stopping = new AbortController();
    const waits: bigint[] = [];
    const context: ReadContext = {
      ...includedUpTo(pos(24)),
      projections: {
        ...includedUpTo(pos(24)).projections,
        waitFor: (position, _timeoutMs, signal) => {
          waits.push(position);
          return new Promise((resolve) => signal?.addEventListener('abort', () => resolve(false)));
        },
      },
    };
    const options = { language: 'en' as const, idleMs: 60_000, signal: stopping.signal };
    const next = followAuditLog(context, {}, pos(24), options).next();
    await new Promise((resolve) => setImmediate(resolve));
    stopping.abort();
    expect(await next).toEqual({ done: true, value: undefined });
    expect(waits).toEqual([pos(24) + 1n]);
  });
});
