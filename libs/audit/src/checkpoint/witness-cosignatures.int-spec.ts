import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { merkleRoot } from '../merkle/merkle-tree';
import { openCheckpoint, signCheckpoint } from '../transparency/checkpoint-note';
import { cosignatureSigner, cosignatureVerifier } from '../transparency/cosignature';
import { ed25519NoteSigner, ed25519NoteVerifier } from '../transparency/ed25519-note-key';
import { SignatureType } from '../transparency/note-key';
import { signText } from '../transparency/sign-note';
import { formatSignatureLine, MAX_NOTE_SIGNATURES, parseNote } from '../transparency/signed-note';
import { formatVerifierKey } from '../transparency/verifier-key';
import { openTestStore, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { CosignedCheckpoints } from './cosigned-checkpoints';
import { SqlCheckpointStore } from './sql-checkpoint-store';
import { SqlCosignatureStore } from './sql-cosignature-store';
import { WITNESS_CLOCK_SKEW_SECONDS, WitnessCosignatures } from './witness-cosignatures';

// Witnesses handing their cosignatures back, against both stores: what is kept and served, and every forgery refused.

const ORIGIN = 'ledger.example.gouv.fr/portfolio';
const NOW = new Date('2026-03-01T10:00:00Z');
const logKey = generateKeyPairSync('ed25519').privateKey;
const logVerifier = ed25519NoteVerifier(formatVerifierKey(ORIGIN, SignatureType.ed25519, logKey));
const leaves = Array.from({ length: 9 }, (_, i) => createHash('sha256').update(`event ${i}`).digest('hex'));

const textOf = (size: number, root = merkleRoot(leaves.slice(0, size))) => ({ origin: ORIGIN, size, root });
const logNote = (size: number) => signCheckpoint(textOf(size), [ed25519NoteSigner(ORIGIN, logKey)]);

interface Witness {
  readonly name: string;
  readonly key: KeyObject;
  readonly vkey: string;
}
function witness(name: string): Witness {
  const key = generateKeyPairSync('ed25519').privateKey;
  return { name, key, vkey: formatVerifierKey(name, SignatureType.cosignatureV1, key) };
}

/** The witness's line over the note's text, at a time of its own. */
function cosign(note: string, by: Witness, at = NOW): string {
  return formatSignatureLine(
    signText(
      parseNote(note).text,
      cosignatureSigner(by.name, by.key, () => at),
    ),
  );
}
const cosigned = (note: string, ...lines: string[]) => `${note}${lines.map((line) => `${line}\n`).join('')}`;

const refusal = (code: string, message: RegExp) =>
  expect.objectContaining({ name: 'CosignatureRefusedError', code, message: expect.stringMatching(message) });

const [alpha, beta, stranger] = [witness('alpha.example/w'), witness('beta.example/w'), witness('stranger.example')];

describe.each(TEST_STORE_KINDS)('witness cosignatures on %s', (kind) => {
  let test: TestStore;
  let served: CosignedCheckpoints;
  let intakeOf: (witnessKeys: readonly string[], now?: Date) => WitnessCosignatures;
  let intake: WitnessCosignatures;

  beforeEach(async () => {
    test = await openTestStore(kind);
    const checkpoints = await SqlCheckpointStore.open(test.database, kind);
    const cosignatures = await SqlCosignatureStore.open(test.database, kind);
    for (const size of [3, 5, 8]) {
      const { root } = textOf(size);
      await checkpoints.append({ treeSize: size, position: BigInt(size), root, note: logNote(size), signedAt: '' });
    }
    served = new CosignedCheckpoints(checkpoints, cosignatures);
    intakeOf = (witnessKeys, now = NOW) =>
      new WitnessCosignatures(checkpoints, cosignatures, { witnessKeys, now: () => now });
    intake = intakeOf([alpha.vkey, beta.vkey]);
  });
  afterEach(() => test.dispose());

  it('stores a configured witness’s cosignature and serves it with the checkpoint, which both keys open', async () => {
    const line = cosign(logNote(8), alpha);
    expect(await intake.accept(cosigned(logNote(8), line))).toEqual({ treeSize: 8, cosignatures: [line] });

    const note = await served.latestNote();
    expect(note).toBe(cosigned(logNote(8), line));
    const witnesses = [cosignatureVerifier(alpha.vkey, { now: () => NOW, maxSkewSeconds: 0 })];
    expect(openCheckpoint(note as string, logVerifier, witnesses).cosignatures.map((c) => c.name)).toEqual([
      alpha.name,
    ]);
    expect((await served.list(4, 10)).map((c) => [c.treeSize, c.cosignatures, c.note])).toEqual([
      [5, [], logNote(5)],
      [8, [line], logNote(8)],
    ]);
  });

  it('takes the checkpoint text with the witnesses’ lines alone, as a tlog-witness answer appended to it', async () => {
    const lines = [cosign(logNote(5), alpha), cosign(logNote(5), beta)];
    const body = `${parseNote(logNote(5)).text}\n${lines.map((line) => `${line}\n`).join('')}`;
    // Received at one instant: stored in the order of their key IDs, which the random keys make either way.
    const accepted = await intake.accept(body);
    expect(accepted.cosignatures).toHaveLength(2);
    expect(accepted).toEqual({ treeSize: 5, cosignatures: expect.arrayContaining(lines) });
  });

  it('keeps a witness’s first cosignature of a checkpoint when it cosigns it again', async () => {
    const first = cosign(logNote(5), alpha);
    await intake.accept(cosigned(logNote(5), first));
    const again = cosign(logNote(5), alpha, new Date(NOW.getTime() + 10_000));
    expect(await intake.accept(cosigned(logNote(5), again))).toEqual({ treeSize: 5, cosignatures: [first] });
  });

  it('gives the latest cosigned checkpoint, with its lines merged into the note, even when later ones are not', async () => {
    expect(await served.latestCosigned()).toBeUndefined();
    const lines = [cosign(logNote(3), alpha), cosign(logNote(5), beta), cosign(logNote(5), alpha)];
    await intake.accept(cosigned(logNote(3), lines[0]));
    await intake.accept(cosigned(logNote(5), lines[1]));
    // Later, so that beta's line comes first whatever the key IDs.
    const later = intakeOf([alpha.vkey], new Date(NOW.getTime() + 1000));
    await later.accept(cosigned(logNote(5), lines[2]));
    expect(await served.latestCosigned()).toEqual({ treeSize: 5, note: cosigned(logNote(5), lines[1], lines[2]) });
  });

  it('refuses a cosignature by a key not configured, and any when none is', async () => {
    const body = cosigned(logNote(5), cosign(logNote(5), stranger));
    await expect(intake.accept(body)).rejects.toEqual(refusal('unknown_witness', /stranger\.example/));
    await expect(intakeOf([]).accept(body)).rejects.toEqual(refusal('unknown_witness', /no witness key is configured/));
    expect(await served.latestCosigned()).toBeUndefined();
  });

  it('refuses a cosignature made over another size, or another root, or passed off under a configured witness’s name', async () => {
    const overFive = cosign(logNote(5), alpha);
    await expect(intake.accept(cosigned(logNote(8), overFive))).rejects.toEqual(
      refusal('invalid_cosignature', /alpha\.example\/w .* does not verify/),
    );
    const otherRoot = signCheckpoint(textOf(5, 'ab'.repeat(32)), [ed25519NoteSigner(ORIGIN, logKey)]);
    await expect(intake.accept(cosigned(logNote(5), cosign(otherRoot, alpha)))).rejects.toEqual(
      refusal('invalid_cosignature', /does not verify/),
    );
    await expect(intake.accept(cosigned(otherRoot, cosign(otherRoot, alpha)))).rejects.toEqual(
      refusal('checkpoint_mismatch', /not the one this instance signed at size 5/),
    );
    const impostor = { ...stranger, name: alpha.name, vkey: alpha.vkey };
    const forged = cosign(logNote(5), impostor).replace(/ \S+$/, (signature) => {
      // The configured witness's key ID before the impostor's signature bytes.
      const alphaId = Buffer.from(alpha.vkey.split('+')[1], 'hex');
      const bytes = Buffer.from(signature.slice(1), 'base64');
      return ` ${Buffer.concat([alphaId, bytes.subarray(4)]).toString('base64')}`;
    });
    await expect(intake.accept(cosigned(logNote(5), forged))).rejects.toEqual(
      refusal('invalid_cosignature', /does not verify/),
    );
    expect(await served.latestCosigned()).toBeUndefined();
  });

  it('refuses a cosignature dated later than its clock allows, a size never signed, and what is no note', async () => {
    const later = new Date(NOW.getTime() + (WITNESS_CLOCK_SKEW_SECONDS + 1) * 1000);
    await expect(intake.accept(cosigned(logNote(5), cosign(logNote(5), alpha, later)))).rejects.toEqual(
      refusal('invalid_cosignature', /in the future/),
    );
    const four = signCheckpoint(textOf(4), [ed25519NoteSigner(ORIGIN, logKey)]);
    await expect(intake.accept(cosigned(four, cosign(four, alpha)))).rejects.toEqual(
      refusal('unknown_checkpoint', /no checkpoint of size 4/),
    );
    await expect(intake.accept('hello\n')).rejects.toEqual(refusal('malformed_cosignature', /blank line/));
    await expect(intake.accept(`hello\n\n${cosign(logNote(5), alpha)}\n`)).rejects.toEqual(
      refusal('malformed_cosignature', /not a checkpoint/),
    );
  });

  it('refuses a cosignature beyond what a signed note can carry', async () => {
    const many = Array.from({ length: MAX_NOTE_SIGNATURES }, (_, i) => witness(`w${i}.example`));
    const everyone = intakeOf(many.map((w) => w.vkey));
    for (const w of many.slice(0, MAX_NOTE_SIGNATURES - 1))
      await everyone.accept(cosigned(logNote(5), cosign(logNote(5), w)));
    await expect(everyone.accept(cosigned(logNote(5), cosign(logNote(5), many[15])))).rejects.toEqual(
      refusal('too_many_cosignatures', /room for 15/),
    );
    const note = (await served.list(4, 1))[0];
    expect(note.cosignatures).toHaveLength(MAX_NOTE_SIGNATURES - 1);
    expect(parseNote((await served.latestNote()) as string).signatures).toHaveLength(1);
  });
});
