import { parseExportStatement, hexHashes, type ExportStatement, type ExportTrailer } from '../export/export-trailer';
import { verifyConsistency } from '../merkle/merkle-proofs';
import { parseCheckpoint, rootToBase64, type ParsedCheckpoint } from '../transparency/checkpoint';
import { NoteError } from '../transparency/note-error';
import { isKeyName } from '../transparency/note-text';
import { openNote, type NoteVerifier } from '../transparency/open-note';
import { parseNote } from '../transparency/signed-note';
import { fail } from './export-problem';
import { instanceNoteVerifier } from './instance-note-key';

/** A trailer whose notes were opened: signatures checked when a key is known, texts parsed, checked together. */
export interface OpenedTrailer {
  /** As read from the export. */
  readonly trailer: ExportTrailer;
  /** The checkpoint the export is proven against; its root in lowercase hex. */
  readonly checkpoint: ParsedCheckpoint;
  readonly statement: ExportStatement;
  /** The checkpoint witnesses cosigned, proven to be a prefix of `checkpoint` (its cosignatures not checked here). */
  readonly witnessed?: ParsedCheckpoint;
  /** Whether the signatures were checked: false without a key (the verdict is then at best unverified). */
  readonly signaturesChecked: boolean;
}

function badTrailer(file: string | undefined, message: string): never {
  return fail({ code: 'bad_trailer', file, message: `the export's trailer ${message}` });
}

/** The log key as a note verifier: the checkpoints' origin names it, the trusted PEM gives it. */
function logVerifier(checkpointNote: string, pem: string, file: string | undefined): NoteVerifier {
  let origin: string;
  try {
    origin = parseNote(checkpointNote).text.split('\n')[0];
  } catch (error) {
    return badTrailer(file, `checkpoint is not a signed note: ${(error as Error).message}`);
  }
  if (!isKeyName(origin)) badTrailer(file, `checkpoint's origin ${JSON.stringify(origin)} cannot name a key`);
  return instanceNoteVerifier(pem, origin);
}

/** The text of a note, opened with the log key when there is one, read unchecked otherwise. */
function noteText(note: string, what: string, verifier: NoteVerifier | undefined, file: string | undefined): string {
  try {
    if (verifier === undefined) return parseNote(note).text;
    // It throws unless the log key signed the note.
    return openNote(note, [verifier]).text;
  } catch (error) {
    if (!(error instanceof NoteError)) throw error;
    if (error.reason === 'malformed') return badTrailer(file, `${what} is not a signed note: ${error.message}`);
    return fail({
      code: 'bad_signature',
      file,
      message: `the ${what} of the export's trailer is not signed by the trusted key: ${error.message}`,
    });
  }
}

function parsed<T>(parse: () => T, what: string, file: string | undefined): T {
  try {
    return parse();
  } catch (error) {
    return badTrailer(file, `${what} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * Opens the trailer: the checkpoint and the statement must be signed by the trusted key (`pem`; unchecked without
 * one), the statement must name the checkpoint, and a witnessed checkpoint must be a prefix of it.
 */
export function openTrailer(trailer: ExportTrailer, pem: string | undefined, file: string | undefined): OpenedTrailer {
  const verifier = pem === undefined ? undefined : logVerifier(trailer.checkpoint, pem, file);
  const checkpointText = noteText(trailer.checkpoint, 'checkpoint', verifier, file);
  const checkpoint = parsed(() => parseCheckpoint(checkpointText), 'checkpoint', file);
  const statementText = noteText(trailer.statement, 'export statement', verifier, file);
  const statement = parsed(() => parseExportStatement(statementText), 'export statement', file);
  if (statement.treeSize !== checkpoint.size || statement.root !== rootToBase64(checkpoint.root)) {
    badTrailer(
      file,
      `statement names the checkpoint of size ${statement.treeSize} and root ${statement.root}, not the trailer's (size ${checkpoint.size})`,
    );
  }
  const witnessed = trailer.witnessed === undefined ? undefined : openWitnessed(trailer, checkpoint, verifier, file);
  return {
    trailer,
    checkpoint,
    statement,
    signaturesChecked: verifier !== undefined,
    ...(witnessed === undefined ? {} : { witnessed }),
  };
}

function openWitnessed(
  trailer: ExportTrailer,
  checkpoint: ParsedCheckpoint,
  verifier: NoteVerifier | undefined,
  file: string | undefined,
): ParsedCheckpoint {
  const { checkpoint: note, proof } = trailer.witnessed as NonNullable<ExportTrailer['witnessed']>;
  const witnessed = parsed(
    () => parseCheckpoint(noteText(note, 'witnessed checkpoint', verifier, file)),
    'witnessed checkpoint',
    file,
  );
  if (
    witnessed.origin !== checkpoint.origin ||
    !verifyConsistency(witnessed.size, checkpoint.size, witnessed.root, checkpoint.root, hexHashes(proof))
  ) {
    badTrailer(file, `checkpoint does not extend the witnessed checkpoint of size ${witnessed.size}`);
  }
  return witnessed;
}
