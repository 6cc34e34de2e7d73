import type { StoredEvent } from '@portfolio/event-store';
import { parseNote } from '../transparency/signed-note';
import { fail } from './export-problem';
import { instanceNoteVerifier } from './instance-note-key';
import type { OpenedTrailer } from './open-trailer';
import { PrefixRootRecorder } from './prefix-root';
import { firstRefutation, type TrustFinding } from './trust-finding';
import { checkTrust, type TrustAnchors } from './trust-options';
import { anchorsNotCheckable } from './untrailed-anchors';

// The auditor's anchors during one verification: the roots the pins need, recorded as a full export is walked, then
// every anchor checked against the opened trailer.

export const NO_ANCHORS: TrustAnchors = { pins: [], witnesses: [] };

const NO_KEY =
  'no key of the instance was given (--public-key): nothing says the trailer’s checkpoint is the instance’s';

export class AnchorRun {
  private readonly recorders: PrefixRootRecorder[] = [];
  private checked: readonly TrustFinding[] = [];

  constructor(private readonly anchors: TrustAnchors) {}

  /** Every anchor's finding, once checked; none before (the export failed first, or no anchor was given). */
  get findings(): readonly TrustFinding[] {
    return this.checked;
  }

  /**
   * What to show each event of a full export as it is walked: the events are then the log's first leaves, so the
   * root of the first `pin size` of them is the log's at that size. A filtered export has no use for them.
   */
  walker(filtered: boolean): ((event: Pick<StoredEvent, 'hash'>) => void) | undefined {
    if (filtered) return undefined;
    for (const pin of this.anchors.pins)
      if (pin.root !== undefined) this.recorders.push(new PrefixRootRecorder(pin.size));
    if (this.recorders.length === 0) return undefined;
    return (event) => this.recorders.forEach((recorder) => recorder.see(event.hash));
  }

  /** Checks the anchors once the trailer was checked against the events; ends the run at a refuted one. */
  async check(opened: OpenedTrailer, publicKeyPem: string | undefined): Promise<void> {
    const { trailer, checkpoint } = opened;
    if (publicKeyPem === undefined) {
      this.checked = anchorsNotCheckable(this.anchors, NO_KEY);
      return;
    }
    const prefixes = this.recorders.flatMap((recorder) => {
      const root = recorder.root();
      return root === undefined
        ? []
        : [{ size: recorder.size, root, by: `the export's first ${recorder.size} events` }];
    });
    this.checked = await checkTrust(
      {
        trailer,
        checkpoint,
        checkpointText: parseNote(trailer.checkpoint).text,
        log: instanceNoteVerifier(publicKeyPem, checkpoint.origin),
        prefixes,
      },
      this.anchors,
    );
    const refutation = firstRefutation(this.checked);
    if (refutation !== undefined) fail(refutation);
  }
}
