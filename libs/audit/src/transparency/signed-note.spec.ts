import { formatNote, MAX_NOTE_SIGNATURES, parseNote, parseSignatureLine, formatSignatureLine } from './signed-note';
import { GO_VECTOR, GO_VECTOR_NOTE } from './testing/go-note-vector';
import { noteError } from './testing/refusals';

// The C2SP signed-note example: its text holds a blank line of its own, before the one that ends it.
const QUASIMODO =
  'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n' +
  '— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';

const SIGNATURE = { name: 'example.com/log', keyId: 0x01020304, signature: Buffer.alloc(64, 7) };
const LINE = formatSignatureLine(SIGNATURE);

describe('signed note format', () => {
  it('reads the Go vector into its text and one signature, and writes it back byte for byte', () => {
    const note = parseNote(GO_VECTOR_NOTE);
    expect(note.text).toBe(GO_VECTOR.text);
    expect(note.signatures).toHaveLength(1);
    expect(note.signatures[0]).toMatchObject({ name: GO_VECTOR.name, keyId: GO_VECTOR.keyId });
    expect(note.signatures[0].signature).toHaveLength(64);
    expect(formatNote(note)).toBe(GO_VECTOR_NOTE);
  });

  it('reads bytes as UTF-8 exactly as it reads the string', () => {
    expect(parseNote(Buffer.from(QUASIMODO, 'utf8'))).toEqual(parseNote(QUASIMODO));
  });

  it('separates the text from the signatures at the last blank line', () => {
    const note = parseNote(QUASIMODO);
    expect(note.text).toBe(
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n',
    );
    expect(note.signatures.map((s) => s.name)).toEqual(['quasimodo.example/salvatore']);
  });

  it(`accepts ${MAX_NOTE_SIGNATURES} signatures and refuses one more`, () => {
    const lines = (count: number) => `${LINE}\n`.repeat(count);
    expect(parseNote(`text\n\n${lines(MAX_NOTE_SIGNATURES)}`).signatures).toHaveLength(MAX_NOTE_SIGNATURES);
    expect(() => parseNote(`text\n\n${lines(MAX_NOTE_SIGNATURES + 1)}`)).toThrow(noteError('malformed', /at most 16/));
  });

  it.each([
    ['no blank line before the signatures', `text\n${LINE}\n`, /blank line/],
    ['no signature', 'text\n\n', /signature lines/],
    ['a last line without its newline', `text\n\n${LINE}`, /signature lines/],
    ['a tab', `te\txt\n\n${LINE}\n`, /control characters/],
    ['a carriage return', `text\r\n\n${LINE}\n`, /control characters/],
    ['a NUL', `text\u0000\n\n${LINE}\n`, /control characters/],
    ['a lone surrogate', `text\ud800\n\n${LINE}\n`, /UTF-8/],
    ['a line not starting with an em dash', `text\n\n${LINE.replace('—', '-')}\n`, /does not start with/],
    ['an empty key name', `text\n\n${LINE.replace('example.com/log', '')}\n`, /key name/],
    ['a key name with a plus', `text\n\n${LINE.replace('example.com/log', 'a+b')}\n`, /key name/],
    ['a key name with a non-breaking space', `text\n\n${LINE.replace('example.com/log', 'a\u00a0b')}\n`, /key name/],
    ['no signature after the name', 'text\n\n\u2014 example.com/log\n', /base64/],
    ['base64 without its padding', `text\n\n${LINE.replace(/=+$/, '')}\n`, /base64/],
    ['base64 with a foreign character', `text\n\n${LINE.replace(/.$/, '!')}\n`, /base64/],
    ['base64 with stray low bits', `text\n\n\u2014 k AAAAAAB=\n`, /base64/],
    ['a key ID and no signature', `text\n\n\u2014 k AAAAAA==\n`, /base64/],
  ])('refuses a note with %s', (_case, note, message) => {
    expect(() => parseNote(note)).toThrow(noteError('malformed', message));
  });

  it('refuses bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('text'), Buffer.from([0xff]), Buffer.from(`\n\n${LINE}\n`)]);
    expect(() => parseNote(bytes)).toThrow(noteError('malformed', /UTF-8/));
  });

  it('writes only notes it could read back', () => {
    expect(() => formatNote({ text: 'no newline', signatures: [SIGNATURE] })).toThrow(
      noteError('malformed', /newline/),
    );
    expect(() => formatNote({ text: 'bell\u0007\n', signatures: [SIGNATURE] })).toThrow(
      noteError('malformed', /control/),
    );
    expect(() => formatNote({ text: 'text\n', signatures: [] })).toThrow(noteError('malformed', /at least one/));
    expect(() => formatNote({ text: 'text\n', signatures: [{ ...SIGNATURE, name: 'a b' }] })).toThrow(
      noteError('malformed', /key name/),
    );
    expect(() => formatSignatureLine({ ...SIGNATURE, keyId: 2 ** 32 })).toThrow(noteError('malformed', /32-bit/));
  });

  it('reads a signature line back as it was written', () => {
    expect(parseSignatureLine(LINE)).toEqual(SIGNATURE);
  });
});
