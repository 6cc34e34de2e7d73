import { EXPORT_FILES, GAP_FREE_FILTERS } from '../export/export-format';
import { BundleZip } from './bundle-zip';
import { RunningDigest } from '../export/file-digest';
import { compareDigest, digestOf, fileChunks, tap } from './byte-sources';
import { checkSeals } from './check-seals';
import { walkEvents, MAX_LINE_BYTES } from './event-walk';
import { ExportChecker, type CheckPlan } from './export-checker';
import { ExportProblemFound, fail, type ExportProblem } from './export-problem';
import { exportVerdict, type ExportVerdict } from './export-verdict';
import { parseManifest, type ParsedManifest } from './parse-manifest';
import { prescanSeals } from './prescan-seals';
import { trustedKey, type KeySource } from './trusted-key';

/** What to verify: a bundle zip (manifest, events and digests), or a bare events.ndjson (chains and seals only). */
export type VerifyExportInput =
  { readonly kind: 'bundle'; readonly path: string } | { readonly kind: 'ndjson'; readonly path: string };

export interface VerifyExportOptions {
  /**
   * The auditor's own copy of the instance's public key (SPKI PEM). When given it is the only key trusted; without
   * it a bundle's seals are checked with the key the bundle carries, and a bare NDJSON file's not at all.
   */
  readonly publicKeyPem?: string;
  /** Called every `progressEvery` events (default 10,000) and at the end, with the bytes of events read so far. */
  readonly onProgress?: (eventsRead: number, bytesRead: number) => void;
  readonly progressEvery?: number;
}

export interface ExportVerification {
  /** No problem found; says nothing of whose key the seals were checked with (see `verdict`). */
  readonly ok: boolean;
  /** What the auditor may conclude, from the problem (if any) and whose key the seals were checked with. */
  readonly verdict: ExportVerdict;
  /** Events that passed every check (up to the problem, if any). */
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** Seals whose signature held (when a key is known) and whose root was recomputed or proven consistent. */
  readonly sealsChecked: number;
  /** Consistency proofs between seals plus inclusion proofs of events. */
  readonly proofsChecked: number;
  /** Events after the last seal: chained, but vouched for by no signature yet. Information, not a failure. */
  readonly unsealedEvents: number;
  /**
   * A filtered export holds part of the log: each event is proven, but nothing proves that none of the selected
   * events is missing beyond what the chains show.
   */
  readonly filtered: boolean;
  readonly keySource: KeySource;
  /** Holes inside streams accepted because the export's filters (type, actor) allow them. */
  readonly chainGaps: number;
  readonly problem?: ExportProblem;
}

const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies an audit export offline (ARCHITECTURE §8): every hash chain, every seal's signature and Merkle root (or
 * each event's inclusion proof, for a filtered export), the seals' mutual consistency, the manifest's counts and
 * the files' digests. Stops at the first problem. Reads the events once as a stream (twice for a bare NDJSON file),
 * so memory depends on the number of streams and seals, not of events.
 */
export async function verifyExport(
  input: VerifyExportInput,
  options: VerifyExportOptions = {},
): Promise<ExportVerification> {
  const run = new VerificationRun(options);
  try {
    if (input.kind === 'bundle') await run.bundle(input.path);
    else await run.ndjson(input.path);
    return run.report();
  } catch (error) {
    if (error instanceof ExportProblemFound) return run.report(error.problem);
    throw error;
  }
}

class VerificationRun {
  private checker: ExportChecker | undefined;
  private filtered = false;
  private keySource: KeySource = 'none';
  private sealsProven = 0;
  private consistencyProofs = 0;

  constructor(private readonly options: VerifyExportOptions) {}

  async ndjson(path: string): Promise<void> {
    const key = trustedKey(undefined, this.options.publicKeyPem);
    this.keySource = key.source;
    const seals = await prescanSeals(fileChunks(path), MAX_LINE_BYTES);
    checkSeals(seals, undefined, key.pem);
    const checker = this.start({
      seals,
      filtered: false,
      gapsAllowed: false,
      chainAnchors: new Map(),
      inclusionProofs: [],
    });
    await walkEvents(fileChunks(path), checker, this.walkOptions(undefined));
    checker.finish();
  }

  async bundle(path: string): Promise<void> {
    const zip = await BundleZip.open(path);
    try {
      const manifest = await readManifest(zip);
      this.filtered = manifest.filtered;
      const key = trustedKey(manifest.publicKey, this.options.publicKeyPem);
      this.keySource = key.source;
      this.consistencyProofs = checkSeals(manifest.seals, manifest.consistencyProofs, key.pem);
      // A filtered export cannot recompute roots: its seals count as checked once signed and consistent.
      if (manifest.filtered) this.sealsProven = manifest.seals.length;
      const checker = this.start({
        seals: manifest.seals,
        filtered: manifest.filtered,
        gapsAllowed: manifest.filtered && [...manifest.filters.keys()].some((name) => !GAP_FREE_FILTERS.has(name)),
        chainAnchors: manifest.chainAnchors,
        inclusionProofs: manifest.inclusionProofs,
      });
      const events = new RunningDigest();
      await walkEvents(tap(zip.read(EXPORT_FILES.events), events.see), checker, this.walkOptions(EXPORT_FILES.events));
      checker.finish();
      checkCounts(manifest, checker);
      // Digests come last: a changed event is better reported at its position than as a changed file.
      for (const [file, expected] of manifest.files) {
        compareDigest(file, expected, file === EXPORT_FILES.events ? events.result() : await digestOf(zip.read(file)));
      }
    } finally {
      zip.close();
    }
  }

  report(problem?: ExportProblem): ExportVerification {
    const checker = this.checker;
    return {
      ok: problem === undefined,
      verdict: exportVerdict(problem, this.keySource),
      eventsChecked: checker?.eventsChecked ?? 0,
      streamsChecked: checker?.streamsChecked ?? 0,
      sealsChecked: this.sealsProven + (checker?.sealRootsChecked ?? 0),
      proofsChecked: this.consistencyProofs + (checker?.inclusionProofsChecked ?? 0),
      unsealedEvents: checker?.unsealedEvents ?? 0,
      filtered: this.filtered,
      keySource: this.keySource,
      chainGaps: checker?.chainGaps ?? 0,
      ...(problem === undefined ? {} : { problem }),
    };
  }

  private start(plan: CheckPlan): ExportChecker {
    this.checker = new ExportChecker(plan);
    return this.checker;
  }

  private walkOptions(file: string | undefined) {
    return { file, onProgress: this.options.onProgress, progressEvery: this.options.progressEvery ?? 10_000 };
  }
}

async function readManifest(zip: BundleZip): Promise<ParsedManifest> {
  const file = EXPORT_FILES.manifest;
  if (!zip.has(file)) fail({ code: 'missing_file', file, message: `the bundle has no ${file}` });
  if (zip.size(file) > MAX_MANIFEST_BYTES)
    fail({ code: 'bad_manifest', file, message: `${file} is implausibly large` });
  const chunks: Buffer[] = [];
  for await (const chunk of zip.read(file)) chunks.push(chunk);
  let text: string;
  try {
    text = utf8.decode(Buffer.concat(chunks));
  } catch {
    return fail({ code: 'bad_manifest', file, message: `${file} is not valid UTF-8` });
  }
  const parsed = parseManifest(text);
  if ('reason' in parsed) fail({ code: 'bad_manifest', file, message: parsed.reason });
  return parsed.manifest;
}

function checkCounts(manifest: ParsedManifest, checker: ExportChecker): void {
  const file = EXPORT_FILES.manifest;
  if (manifest.eventCount !== checker.eventsChecked) {
    fail({
      code: 'count_mismatch',
      file,
      message: `the manifest counts ${manifest.eventCount} events, the export holds ${checker.eventsChecked}`,
    });
  }
  const first = checker.first?.toString() ?? null;
  const last = checker.last?.toString() ?? null;
  if (manifest.firstPosition !== first || manifest.lastPosition !== last) {
    fail({
      code: 'count_mismatch',
      file,
      position: (manifest.firstPosition !== first ? manifest.firstPosition : manifest.lastPosition) ?? undefined,
      message: `the manifest spans positions ${manifest.firstPosition} to ${manifest.lastPosition}, the export ${first} to ${last}`,
    });
  }
}
