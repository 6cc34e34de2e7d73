import type { StoredEvent } from '@portfolio/event-store';
import { exportEventLine } from '../export/export-format';
import { parseEventLine, positionHint } from './event-line';

const event: StoredEvent = {
  position: 12345678901234567890n,
  streamId: 'project-franceconnect',
  revision: 3n,
  eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  type: 'IndicatorMeasured',
  schemaVersion: 1,
  data: { projectId: 'franceconnect', value: 1.5e21, label: 'Île-de-France 😀', nested: { '2': 'b', '1': 'a' } },
  metadata: { actor: { id: 'agent-1' } },
  recordedAt: '2021-07-01T10:00:00.000Z',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

const line = exportEventLine(event).slice(0, -1);
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('parseEventLine', () => {
  it('reads back exactly the event the exporter wrote, 64-bit position included', () => {
    expect(parseEventLine(bytes(line))).toEqual({ event });
  });

  it.each([
    ['an added space', line.replace('","', '", "')],
    ['an extra field', line.replace('{"position"', '{"note":"x","position"')],
    ['keys in another order', line.replace(/^\{("position":"\d+"),("streamId":"[^"]+")/, '{$2,$1')],
    ['a position with a leading zero', line.replace('"position":"', '"position":"0')],
    ['a numeric revision', line.replace('"revision":"3"', '"revision":3')],
    ['a carriage return', `${line}\r`],
    ['a byte-order mark', `\uFEFF${line}`],
    ['no data object', line.replace(/"data":\{.*?\},"metadata"/, '"data":[],"metadata"')],
    ['an empty line', ''],
    ['a cut line', line.slice(0, 50)],
  ])('refuses %s', (_, text) => {
    expect(parseEventLine(bytes(text))).toEqual({ reason: expect.any(String) });
  });

  it('refuses invalid UTF-8 instead of replacing it', () => {
    const broken = Buffer.concat([bytes(line.slice(0, 30)), Buffer.from([0xc3, 0x28]), bytes(line.slice(30))]);
    expect(parseEventLine(broken)).toEqual({ reason: 'the line is not valid UTF-8' });
  });
});

describe('positionHint', () => {
  it('finds the position a cut line starts with, and nothing in a line that does not', () => {
    expect(positionHint(bytes(line.slice(0, 40)))).toBe('12345678901234567890');
    expect(positionHint(bytes('{"position":"12'))).toBeUndefined();
    expect(positionHint(bytes('garbage'))).toBeUndefined();
  });
});
