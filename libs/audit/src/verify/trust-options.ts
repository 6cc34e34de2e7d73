import type { ExportTrailer } from '../export/export-trailer';
import { cosignatureTime, cosignatureVerifier } from '../transparency/cosignature';
import type { ParsedCheckpoint } from '../transparency/checkpoint';
import { keyIdHex } from '../transparency/note-key';
import type { NoteVerifier } from '../transparency/open-note';
import { checkPin, checkpointPin, minimumSizePin, type CheckpointPin, type ProvenPrefix } from './checkpoint-pin';
import { checkTimestamp, trustedTsa, type TrustedTsa } from './trailer-timestamp';
import { proven, refuted, unproven, type TrustFinding } from './trust-finding';
import { TrustOptionError } from './trust-option-error';
import { openWitnessed, type ProvenWitnessedCheckpoint } from './witnessed-checkpoint';

// The auditor's own anchors, beyond the instance key: a checkpoint or size they hold, witnesses, a TSA. Each is read
// once from what the auditor gave, then checked against an export's opened trailer.

/** The options as the auditor gave them (file contents already read). */
export interface TrustOptionsInput {
  /** --checkpoint: a signed checkpoint note, e.g. from GET /api/v1/audit/checkpoint. */
  readonly checkpointNote?: string;
  /** --min-size: a number of events, in decimal. */
  readonly minSize?: string;
  /** --witness-key: witness verifier keys (cosignature/v1). */
  readonly witnessKeys?: readonly string[];
  /** --tsa-certificate: the TSA's certificate, PEM. */
  readonly tsaCertificatePem?: string;
  /** The instance key (SPKI PEM) the auditor gave, which a pinned checkpoint must be signed by. */
  readonly publicKeyPem?: string;
  /** The clock that bounds witnesses' cosignature times; now by default. */
  readonly now?: () => Date;
}

export interface TrustAnchors {
  readonly pins: readonly CheckpointPin[];
  readonly witnesses: readonly NoteVerifier[];
  readonly tsa?: TrustedTsa;
}

/** The export's side: its trailer, with the checkpoint already opened by the instance key `log`. */
export interface AnchoredExport {
  readonly trailer: ExportTrailer;
  readonly checkpoint: ParsedCheckpoint;
  /** The checkpoint's note text, without signature lines: what its time-stamp token covers. */
  readonly checkpointText: string;
  readonly log: NoteVerifier;
  /** Trees the walk proved part of the export's log, e.g. the root of a full export's first `pin.size` events. */
  readonly prefixes: readonly ProvenPrefix[];
}

/** How far in the future a witness's clock may be before its cosignature is refused as absurd. */
const COSIGNATURE_SKEW_SECONDS = 600;

function witnessVerifier(vkey: string, now: () => Date): NoteVerifier {
  try {
    return cosignatureVerifier(vkey.trim(), { now, maxSkewSeconds: COSIGNATURE_SKEW_SECONDS });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new TrustOptionError(`the witness key ${JSON.stringify(vkey)} cannot be used: ${why}`);
  }
}

/** Reads the anchors, or throws a TrustOptionError saying which one cannot be used and why. */
export function readTrustAnchors(input: TrustOptionsInput): TrustAnchors {
  const pins: CheckpointPin[] = [];
  if (input.checkpointNote !== undefined) {
    if (input.publicKeyPem === undefined) {
      throw new TrustOptionError(
        'a pinned checkpoint (--checkpoint) is checked with the instance key: give --public-key',
      );
    }
    pins.push(checkpointPin(input.checkpointNote, input.publicKeyPem));
  }
  if (input.minSize !== undefined) pins.push(minimumSizePin(input.minSize));
  const vkeys = [...new Set((input.witnessKeys ?? []).map((vkey) => vkey.trim()))];
  const witnesses = vkeys.map((vkey) => witnessVerifier(vkey, input.now ?? (() => new Date())));
  const tsa = input.tsaCertificatePem === undefined ? undefined : trustedTsa(input.tsaCertificatePem);
  return { pins, witnesses, ...(tsa === undefined ? {} : { tsa }) };
}

function witnessFinding(witness: NoteVerifier, witnessed: ProvenWitnessedCheckpoint | undefined): TrustFinding {
  const who = `witness ${witness.name} (key ID ${keyIdHex(witness.keyId)})`;
  if (witnessed === undefined) {
    return unproven('witness', `the export carries no witnessed checkpoint: ${who} cannot have vouched for it`);
  }
  const cosignature = witnessed.cosignatures.find((c) => c.name === witness.name && c.keyId === witness.keyId);
  const { size } = witnessed.checkpoint;
  if (cosignature === undefined) {
    return unproven('witness', `${who} did not cosign the export's witnessed checkpoint (size ${size})`);
  }
  return proven('witness', `${who} cosigned size ${size} at ${cosignatureTime(cosignature).toISOString()}`);
}

/**
 * Every anchor's finding, in a fixed order: the witnessed checkpoint (checked whenever the trailer has one, since
 * a bad one is a changed trailer), the pins, each witness, the time-stamp.
 */
export async function checkTrust(subject: AnchoredExport, anchors: TrustAnchors): Promise<TrustFinding[]> {
  const exported = subject.checkpoint;
  const witnessed =
    subject.trailer.witnessed === undefined
      ? undefined
      : openWitnessed(subject.trailer.witnessed, exported, subject.log, anchors.witnesses);
  const findings: TrustFinding[] = [];
  const prefixes = [...subject.prefixes];
  if (witnessed !== undefined && 'problem' in witnessed) {
    // Reported once, here, rather than once per witness.
    findings.push(refuted('witness', witnessed.problem));
  } else if (witnessed !== undefined) {
    const { size, root } = witnessed.checkpoint;
    prefixes.push({ size, root, by: 'the witnessed checkpoint' });
  }
  findings.push(...anchors.pins.map((pin) => checkPin(pin, exported, prefixes)));
  if (witnessed === undefined || !('problem' in witnessed)) {
    findings.push(...anchors.witnesses.map((witness) => witnessFinding(witness, witnessed)));
  }
  if (anchors.tsa !== undefined) {
    findings.push(await checkTimestamp(subject.trailer.timestamp, subject.checkpointText, anchors.tsa));
  }
  return findings;
}
