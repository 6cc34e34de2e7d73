import { createHash, type Hash } from 'node:crypto';
import type { ProjectedTable } from '../projector';
import { documentName } from './document-names';
import type { GenerationDocument } from './generation-documents';
import type { DocumentDifference } from './parity';

/** One generation's side of a table: a running digest of its documents in position order, and their count. */
class TableDigest {
  private readonly hash: Hash = createHash('sha256');
  documents = 0;

  add(document: GenerationDocument): void {
    this.hash.update(document.text).update('\n');
    this.documents++;
  }

  /** The digest of every document added; once only. */
  finish(): string {
    return this.hash.digest('hex');
  }
}

type Next = IteratorResult<GenerationDocument, void>;

/**
 * One table compared between the live and the rebuilt generation, range after range of positions in increasing order:
 * the two streams are merged by position, so a document missing from either side is found as surely as a changed one,
 * and each side's digest goes on from where the previous range left it.
 */
export class TableParity {
  readonly live = new TableDigest();
  readonly rebuilt = new TableDigest();
  differences = 0;
  /** The difference at the lowest position in this table, if any. */
  firstDifference: DocumentDifference | undefined;

  constructor(readonly table: ProjectedTable) {}

  async compare(live: AsyncIterator<GenerationDocument>, rebuilt: AsyncIterator<GenerationDocument>): Promise<void> {
    let fromLive: Next = await live.next();
    let fromRebuilt: Next = await rebuilt.next();
    while (!fromLive.done || !fromRebuilt.done) {
      const liveDocument = fromLive.done ? undefined : fromLive.value;
      const rebuiltDocument = fromRebuilt.done ? undefined : fromRebuilt.value;
      // The side at the lower position holds a document the other lacks; at the same position, both are compared.
      const takeLive =
        liveDocument !== undefined &&
        (rebuiltDocument === undefined || liveDocument.position <= rebuiltDocument.position);
      const takeRebuilt =
        rebuiltDocument !== undefined &&
        (liveDocument === undefined || rebuiltDocument.position <= liveDocument.position);
      const seenLive = takeLive ? liveDocument : undefined;
      const seenRebuilt = takeRebuilt ? rebuiltDocument : undefined;
      if (seenLive !== undefined) this.live.add(seenLive);
      if (seenRebuilt !== undefined) this.rebuilt.add(seenRebuilt);
      if (seenLive?.text !== seenRebuilt?.text) this.differ(seenLive, seenRebuilt);
      if (takeLive) fromLive = await live.next();
      if (takeRebuilt) fromRebuilt = await rebuilt.next();
    }
  }

  private differ(live: GenerationDocument | undefined, rebuilt: GenerationDocument | undefined): void {
    this.differences++;
    if (this.firstDifference !== undefined) return;
    // Named after what the log says it is, when the rebuild has it: the live row may be the damaged one.
    const named = (rebuilt ?? live) as GenerationDocument;
    this.firstDifference = {
      document: documentName(this.table, named.row()),
      table: this.table,
      position: named.position.toString(),
      live: live?.row() ?? null,
      rebuilt: rebuilt?.row() ?? null,
    };
  }
}
