import type { ParsedCheckpoint } from '../transparency/checkpoint';
import { openCheckpoint } from '../transparency/checkpoint-note';
import { parseNote } from '../transparency/signed-note';
import { instanceNoteVerifier } from './instance-note-key';
import { proven, refuted, unproven, type TrustFinding } from './trust-finding';
import { TrustOptionError } from './trust-option-error';

// A checkpoint the auditor holds (--checkpoint) or a size they require (--min-size): the export must not show an
// older log than that, nor another one.

export interface CheckpointPin {
  readonly size: number;
  /** The pinned root (lowercase hex) and log: absent for a bare minimum size. */
  readonly root?: string;
  readonly origin?: string;
  /** How the auditor named it, for messages. */
  readonly label: string;
}

/** A tree the walk or the trailer proved to be the export's log up to `size`: recomputed, or proven consistent. */
export interface ProvenPrefix {
  readonly size: number;
  readonly root: string;
  /** What proves it, for messages: "the export's first 12 events", "the witnessed checkpoint". */
  readonly by: string;
}

const NATURAL = /^(?:0|[1-9][0-9]*)$/;

/** --min-size: a decimal number of events. */
export function minimumSizePin(text: string): CheckpointPin {
  const size = Number(text);
  if (!NATURAL.test(text) || !Number.isSafeInteger(size)) {
    throw new TrustOptionError(`--min-size must be a whole number of events, not ${JSON.stringify(text)}`);
  }
  return { size, label: `the minimum size ${size}` };
}

/** --checkpoint: a signed checkpoint note, which must open with the instance key (under its own origin). */
export function checkpointPin(note: string, publicKeyPem: string): CheckpointPin {
  try {
    const origin = parseNote(note).text.split('\n')[0];
    const { checkpoint } = openCheckpoint(note, instanceNoteVerifier(publicKeyPem, origin));
    return {
      size: checkpoint.size,
      root: checkpoint.root,
      origin: checkpoint.origin,
      label: `the pinned checkpoint (size ${checkpoint.size})`,
    };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new TrustOptionError(`the pinned checkpoint is not a checkpoint signed by the instance key: ${why}`);
  }
}

/**
 * Whether the export's checkpoint is the pinned one or extends it. A larger export is checked against a prefix the
 * walk or the trailer proved; without one of the pinned size (a filtered export whose witnessed checkpoint is of
 * another size) nothing shows that the log was not rewritten below the pin, and the finding says so.
 */
export function checkPin(
  pin: CheckpointPin,
  exported: ParsedCheckpoint,
  prefixes: readonly ProvenPrefix[],
): TrustFinding {
  if (pin.origin !== undefined && pin.origin !== exported.origin) {
    const message = `the export is of log ${exported.origin}, ${pin.label} of log ${pin.origin}`;
    return refuted('pin', { code: 'pin_mismatch', message });
  }
  if (exported.size < pin.size) {
    const message = `the export's checkpoint (size ${exported.size}) is older than ${pin.label}: it may hide events recorded since`;
    return refuted('pin', { code: 'older_than_pin', message });
  }
  if (pin.root === undefined) return proven('pin', `size ${exported.size}, at least ${pin.size}`);
  const prefix =
    exported.size === pin.size
      ? { size: exported.size, root: exported.root, by: "the export's checkpoint" }
      : prefixes.find((candidate) => candidate.size === pin.size);
  if (prefix === undefined) {
    return unproven(
      'pin',
      `nothing in this export proves that its checkpoint (size ${exported.size}) extends ${pin.label}: ` +
        'a filtered export cannot recompute the log up to the pin, and its witnessed checkpoint is not of that size',
    );
  }
  if (prefix.root !== pin.root) {
    const message = `${prefix.by} and ${pin.label} differ: the log was rewritten or forked below size ${pin.size}`;
    return refuted('pin', { code: 'pin_mismatch', message });
  }
  const how = prefix.size === exported.size ? 'the same checkpoint' : `extends it, by ${prefix.by}`;
  return proven('pin', `${pin.label}: ${how}`);
}
