import { freePort } from '../../../event-store/src/testing/free-port';
import { generateSigningKey } from '../seal/signing';
import { appendSealedLedger } from '../testing/sealed-ledger';
import { openTestStore, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { openCheckpoint } from '../transparency/checkpoint-note';
import { ed25519NoteVerifier } from '../transparency/ed25519-note-key';
import { SignatureType } from '../transparency/note-key';
import { opensslUnavailableReason, startLocalTsa, type LocalTsa } from '../transparency/testing/local-tsa';
import { timestampError } from '../transparency/testing/refusals';
import { verifyTimestampToken } from '../transparency/timestamp-token';
import { formatVerifierKey } from '../transparency/verifier-key';
import { Checkpointer } from './checkpointer';
import type { CheckpointTsa } from './checkpoint-timestamp';
import { SqlCheckpointStore } from './sql-checkpoint-store';

// Checkpoints time-stamped by a real TSA: OpenSSL's, on 127.0.0.1.

const key = generateSigningKey();
const origin = 'portfolio-ledger.test/checkpoints';
const now = () => new Date('2022-04-01T08:00:00.000Z');
const logKey = ed25519NoteVerifier(formatVerifierKey(origin, SignatureType.ed25519, key));
const unavailable = opensslUnavailableReason();

if (unavailable !== undefined) {
  describe('Checkpointer with a TSA', () => {
    it.skip(`is skipped: ${unavailable}`, () => undefined);
  });
  console.warn(`checkpoint time-stamp tests skipped: ${unavailable}`);
} else {
  describe.each(TEST_STORE_KINDS)('Checkpointer with a TSA on %s', (kind) => {
    let tsa: LocalTsa;
    let test: TestStore;
    let checkpoints: SqlCheckpointStore;
    const messages: string[] = [];
    const signedCheckpoint = async (checkpointTsa: CheckpointTsa) => {
      const options = { origin, key, now, log: (m: string) => messages.push(m), tsa: checkpointTsa };
      const checkpointer = new Checkpointer(test.store, checkpoints, options);
      await checkpointer.start();
      return checkpointer.checkpoint();
    };

    beforeAll(async () => {
      tsa = await startLocalTsa();
    }, 60_000);
    afterAll(() => tsa?.close());
    beforeEach(async () => {
      test = await openTestStore(kind);
      await appendSealedLedger(test.store, key);
      checkpoints = await SqlCheckpointStore.open(test.database, kind);
      messages.length = 0;
    });
    afterEach(() => test.dispose());

    it('stores with each checkpoint a token over its note text that verifies with the TSA certificate', async () => {
      const stored = await signedCheckpoint({ url: tsa.url, certificate: tsa.certificates.tsa });
      const { text } = openCheckpoint(stored!.note, logKey);
      const { timestamp } = (await checkpoints.latest())!;
      const verified = await verifyTimestampToken(timestamp!.token, {
        bytes: Buffer.from(text),
        tsaCertificate: tsa.certificates.tsa,
      });
      expect(timestamp!.genTime).toBe(verified.genTime.toISOString());
      expect(messages).toEqual([]);
      const other = Buffer.from(text.replace('\n13\n', '\n14\n'));
      await expect(
        verifyTimestampToken(timestamp!.token, { bytes: other, tsaCertificate: tsa.certificates.tsa }),
      ).rejects.toEqual(timestampError('wrong_imprint', /other bytes/));
    });

    it('stores the checkpoint signed, without a time-stamp, when the TSA is down', async () => {
      const url = `http://127.0.0.1:${await freePort()}/`;
      const stored = await signedCheckpoint({ url, certificate: tsa.certificates.tsa, timeoutMs: 5_000 });
      expect(openCheckpoint(stored!.note, logKey).checkpoint.size).toBe(13);
      expect(await checkpoints.latest()).toEqual(stored);
      expect(stored!.timestamp).toBeUndefined();
      expect(messages).toEqual([
        expect.stringMatching(/^checkpoint of size 13 stored without a time-stamp: the TSA at .* did not answer/),
      ]);
    });

    it('stores no token that does not verify with the TSA certificate', async () => {
      const stored = await signedCheckpoint({ url: tsa.url, certificate: tsa.certificates.otherTsa });
      expect(stored).toMatchObject({ treeSize: 13 });
      expect(stored!.timestamp).toBeUndefined();
      expect(messages).toEqual([expect.stringContaining("stored without a time-stamp: the token's signature")]);
    });
  });
}
