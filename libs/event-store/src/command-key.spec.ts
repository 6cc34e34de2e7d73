import { commandKey, isRecordedBy, issuedCommandOf } from './command-key';
import { prepareAppend } from './prepare-append';
import { newEvent } from './testing/event-store-contract';

describe('command keys', () => {
  it('name the principal in hex of its UTF-8 bytes, then the command id', () => {
    expect(commandKey({ actorId: 'alice', commandId: 'may-2021' })).toBe('616c696365:may-2021');
    expect(commandKey({ actorId: 'é', commandId: 'k' })).toBe('c3a9:k');
  });

  it('never give two principals one key, whatever separators their ids hold', () => {
    const pairs = [
      { actorId: 'bob:key', commandId: 'x' },
      { actorId: 'bob', commandId: 'key:x' },
      { actorId: '', commandId: 'bob:key:x' },
      { actorId: 'bo', commandId: 'b:key:x' },
    ];
    expect(new Set(pairs.map(commandKey)).size).toBe(pairs.length);
  });

  it('are read from metadata that names both a string actor id and a string command id, and only then', () => {
    expect(issuedCommandOf({ actor: { id: 'alice', role: 'admin' }, commandId: 'k' })).toEqual({
      actorId: 'alice',
      commandId: 'k',
    });
    expect(issuedCommandOf({ commandId: 'k' })).toBeUndefined();
    expect(issuedCommandOf({ actor: 'alice', commandId: 'k' })).toBeUndefined();
    expect(issuedCommandOf({ actor: { id: 7 }, commandId: 'k' })).toBeUndefined();
    expect(issuedCommandOf({ actor: { id: 'alice' }, commandId: 7 })).toBeUndefined();
    expect(isRecordedBy({ actor: { id: 'alice' }, commandId: 'k' }, { actorId: 'alice', commandId: 'k' })).toBe(true);
    expect(isRecordedBy({ actor: { id: 'bob' }, commandId: 'k' }, { actorId: 'alice', commandId: 'k' })).toBe(false);
  });

  it('are what an append indexes, once per metadata object of the batch', () => {
    const metadata = { actor: { id: 'alice' }, commandId: 'k' };
    const prepared = prepareAppend('project-a', [
      newEvent('A', {}, metadata),
      newEvent('B', {}, metadata),
      newEvent('C', {}, { commandId: 'k' }),
    ]);
    expect(prepared.map((e) => e.commandKey)).toEqual(['616c696365:k', '616c696365:k', null]);
  });
});
