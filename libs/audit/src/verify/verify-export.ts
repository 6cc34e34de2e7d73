import { availableParallelism } from 'node:os';
import { EXPORT_FILES, GAP_FREE_FILTERS, type ExportFileDigest } from '../export/export-format';
import { BundleCsvCheck } from './bundle-csv-check';
import { BundleZip } from './bundle-zip';
import { RunningDigest } from '../export/file-digest';
import { compareDigest, digestOf, fileChunks, tap } from './byte-sources';
import type { ExportTrailer } from '../export/export-trailer';
import type { RecordedSeal } from '../seal/seal';
import { checkSeals } from './check-seals';
import { checkCounts } from './check-counts';
import { checkTrailer } from './check-trailer';
import { AnchorRun, NO_ANCHORS } from './anchor-run';
import { prescanCsv, walkCsvEvents } from './csv-walk';
import { walkEvents, MAX_LINE_BYTES, type WalkOptions } from './event-walk';
import { ExportChecker, type CheckPlan } from './export-checker';
import { ExportProblemFound, fail, type ExportProblem } from './export-problem';
import { exportVerdict, type ExportVerdict } from './export-verdict';
import { openTrailer, type OpenedTrailer } from './open-trailer';
import { parseManifest, type ParsedManifest } from './parse-manifest';
import { prescanExport, type Prescan } from './prescan-export';
import { verdictWithAnchors, type TrustFinding } from './trust-finding';
import type { TrustAnchors } from './trust-options';
import { trustedKey, type KeySource } from './trusted-key';

/** What to verify: a bundle zip (manifest, events and digests), or a bare events.ndjson or events.csv (events and trailer). */
export interface VerifyExportInput {
  readonly kind: 'bundle' | 'ndjson' | 'csv';
  readonly path: string;
}

export interface VerifyExportOptions {
  /**
   * The auditor's own copy of the instance's public key (SPKI PEM). When given it is the only key trusted; without
   * it a bundle's seals are checked with the key the bundle carries, and a bare NDJSON file's not at all.
   */
  readonly publicKeyPem?: string;
  /** Called every `progressEvery` events (default 10,000) and at the end, with the bytes of events read so far. */
  readonly onProgress?: (eventsRead: number, bytesRead: number) => void;
  readonly progressEvery?: number;
  /** The auditor's own anchors (a pinned checkpoint, witnesses, a TSA), checked against the trailer last. */
  readonly anchors?: TrustAnchors;
  /**
   * Worker threads that read, hash and prove events.ndjson's lines ahead of the in-order checks (default: one when
   * a core is spare, as a second would take memory past 256 MB); 0 reads everything in this thread. The findings
   * are the same either way.
   */
  readonly workers?: number;
  /** How much of events.ndjson a worker is handed at a time, in bytes (default 64 kB: some hundred events). */
  readonly batchBytes?: number;
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
  /** Consistency proofs between seals and from each seal to the checkpoint, plus inclusion proofs of events. */
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
  /**
   * The export's trailer, once opened: its checkpoint, statement, time-stamp and witnessed checkpoint, for checks
   * the auditor adds (pinned checkpoints, witnesses, a TSA). Absent when the export has none, or it failed to open.
   */
  readonly trailer?: OpenedTrailer;
  /** What each of the auditor's anchors established; empty when none was given or the export failed first. */
  readonly anchors: readonly TrustFinding[];
  /** What this kind of export cannot show even when intact: the verdict is then at best unverified. */
  readonly limitations: readonly string[];
  readonly problem?: ExportProblem;
}

const FILTERED_CSV =
  'a filtered CSV export carries no inclusion proofs: its events are vouched for by the signed export statement, ' +
  'not proven to be in the log the checkpoint signs (verify events.ndjson or the bundle for that)';

// Each worker adds some 40 MB to the verifier's peak RSS: with two, an export of 100k events already passed the bound
// of 256 MB (measured at 259 MB). `portfolio verify` of 1M events peaks at 238-244 MB with one (302-306 MB while the
// event-store package still loaded the KurrentDB client into the process and into each worker).
const MAX_DEFAULT_WORKERS = 1;
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies an audit export offline (ARCHITECTURE §8, docs/audit-format.md §5): every hash chain, every seal's
 * signature and Merkle root, the seals' mutual consistency, the trailer (its checkpoint and statement signed, the
 * statement's count and digest of the events, the checkpoint's root recomputed from a full export or each event's
 * inclusion proof in a filtered one, each seal proven a prefix of the checkpoint), the manifest's counts, a
 * bundle's events.csv line for line against its events.ndjson, the auditor's own anchors (a pinned checkpoint,
 * witnesses, a TSA), then the files' digests. Stops at the first problem. Reads the events once as a stream (twice for
 * a bare NDJSON or CSV file or a filtered bundle, whose trailer is needed first; a bundle's events.csv in step with
 * them), so memory depends on the number of streams and seals, not of events.
 */
export async function verifyExport(
  input: VerifyExportInput,
  options: VerifyExportOptions = {},
): Promise<ExportVerification> {
  const run = new VerificationRun(options);
  try {
    await run[input.kind](input.path);
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
  private consistencyProofs = 0;
  private sealProofs = 0;
  private opened: OpenedTrailer | undefined;
  private readonly anchorRun: AnchorRun;
  private readonly limitations: string[] = [];

  constructor(private readonly options: VerifyExportOptions) {
    this.anchorRun = new AnchorRun(options.anchors ?? NO_ANCHORS);
  }

  ndjson(path: string): Promise<void> {
    return this.bareFile(
      () => prescanExport(fileChunks(path), MAX_LINE_BYTES),
      (checker, options) => walkEvents(fileChunks(path), checker, options),
      'ndjson',
    );
  }

  csv(path: string): Promise<void> {
    return this.bareFile(
      () => prescanCsv(fileChunks(path)),
      (checker, options) => walkCsvEvents(fileChunks(path), checker, options),
      'csv',
    );
  }

  /** A bare events file: a first pass finds its seals and trailer, the second checks everything. */
  private async bareFile(
    prescanFile: () => Promise<Prescan>,
    walk: (checker: ExportChecker, options: WalkOptions) => Promise<ExportTrailer>,
    format: 'ndjson' | 'csv',
  ): Promise<void> {
    const key = trustedKey(undefined, this.options.publicKeyPem);
    this.keySource = key.source;
    const prescan = await prescanFile();
    checkSeals(prescan.seals, undefined, key.pem);
    // Only the trailer's statement says whether the export was filtered, which the walk must know from the start.
    const opened = this.open(requireTrailer(prescan.trailer, undefined), key.pem, undefined);
    const filters = Object.keys(opened.statement.filters);
    this.filtered = filters.length > 0;
    const withoutInclusionProofs = format === 'csv' && this.filtered;
    if (withoutInclusionProofs) this.limitations.push(FILTERED_CSV);
    const checker = this.start({
      seals: prescan.seals,
      filtered: this.filtered,
      gapsAllowed: filters.some((name) => !GAP_FREE_FILTERS.has(name)),
      checkpoint: opened.checkpoint,
      withoutInclusionProofs,
    });
    const trailer = await walk(checker, this.walkOptions(undefined));
    // A filtered export holds only the seals it selected: the others are counted, not checked.
    const checked = this.finish(
      checker,
      trailer,
      key.pem,
      { seals: prescan.seals, allSeals: !this.filtered },
      undefined,
    );
    await this.anchorRun.check(checked, key.pem);
  }

  async bundle(path: string): Promise<void> {
    const zip = await BundleZip.open(path);
    try {
      const manifest = await readManifest(zip);
      this.filtered = manifest.filtered;
      const key = trustedKey(manifest.publicKey, this.options.publicKeyPem);
      this.keySource = key.source;
      this.consistencyProofs = checkSeals(manifest.seals, manifest.consistencyProofs, key.pem);
      const file = EXPORT_FILES.events;
      // A filtered export's inclusion proofs lead to the trailer's checkpoint: it is read first.
      if (manifest.filtered) {
        const { trailer } = await prescanExport(zip.read(file), MAX_LINE_BYTES);
        this.open(requireTrailer(trailer, file), key.pem, file);
      }
      const checker = this.start({
        seals: manifest.seals,
        filtered: manifest.filtered,
        gapsAllowed: manifest.filtered && [...manifest.filters.keys()].some((name) => !GAP_FREE_FILTERS.has(name)),
        chainAnchors: manifest.chainAnchors,
        ...(this.opened === undefined ? {} : { checkpoint: this.opened.checkpoint }),
        file,
      });
      const { opened, digests } = await this.walkBundle(zip, checker, manifest, key.pem);
      await this.anchorRun.check(opened, key.pem);
      // Digests come last: a changed event is better reported at its position than as a changed file.
      for (const [name, expected] of manifest.files) {
        compareDigest(name, expected, digests.get(name) ?? (await digestOf(zip.read(name))));
      }
    } finally {
      zip.close();
    }
  }

  /** events.ndjson walked and checked, events.csv read in step and held against it; both digested on the way. */
  private async walkBundle(
    zip: BundleZip,
    checker: ExportChecker,
    manifest: ParsedManifest,
    pem: string | undefined,
  ): Promise<{ opened: OpenedTrailer; digests: ReadonlyMap<string, ExportFileDigest> }> {
    const file = EXPORT_FILES.events;
    const events = new RunningDigest();
    const csv = new BundleCsvCheck(zip.read(EXPORT_FILES.csv));
    try {
      await csv.start();
      const walk = { ...this.walkOptions(file), inStep: csv.event };
      const trailer = await walkEvents(tap(zip.read(file), events.see), checker, walk);
      const opened = this.finish(checker, trailer, pem, { seals: manifest.seals, allSeals: true }, file);
      checkCounts(manifest, checker, opened);
      // Only now, events.ndjson verified, is it worth holding events.csv against.
      const csvDigest = await csv.finish(trailer);
      return {
        opened,
        digests: new Map([
          [file, events.result()],
          [EXPORT_FILES.csv, csvDigest],
        ]),
      };
    } finally {
      await csv.close();
    }
  }

  report(problem?: ExportProblem): ExportVerification {
    const checker = this.checker;
    return {
      ok: problem === undefined,
      verdict: atBestUnverified(
        verdictWithAnchors(exportVerdict(problem, this.keySource), this.anchorRun.findings),
        this.limitations,
      ),
      eventsChecked: checker?.eventsChecked ?? 0,
      streamsChecked: checker?.streamsChecked ?? 0,
      // A filtered export cannot recompute roots: its seals count as checked once proven prefixes of the checkpoint.
      sealsChecked: this.filtered ? this.sealProofs : (checker?.sealRootsChecked ?? 0),
      proofsChecked: this.consistencyProofs + this.sealProofs + (checker?.inclusionProofsChecked ?? 0),
      unsealedEvents: checker?.unsealedEvents ?? 0,
      filtered: this.filtered,
      keySource: this.keySource,
      chainGaps: checker?.chainGaps ?? 0,
      ...(this.opened === undefined ? {} : { trailer: this.opened }),
      anchors: this.anchorRun.findings,
      limitations: this.limitations,
      ...(problem === undefined ? {} : { problem }),
    };
  }

  private open(trailer: ExportTrailer, pem: string | undefined, file: string | undefined): OpenedTrailer {
    this.opened = openTrailer(trailer, pem, file);
    return this.opened;
  }

  /** Ends the walk: the trailer read at its end, opened unless it was before, checked against what was read. */
  private finish(
    checker: ExportChecker,
    trailer: ExportTrailer,
    pem: string | undefined,
    seals: { readonly seals: readonly RecordedSeal[]; readonly allSeals: boolean },
    file: string | undefined,
  ): OpenedTrailer {
    const contents = checker.finish();
    const before = this.opened;
    if (before !== undefined && JSON.stringify(before.trailer) !== JSON.stringify(trailer)) {
      fail({ code: 'bad_trailer', file, message: 'the export’s trailer changed between two reads of the file' });
    }
    const opened = before ?? this.open(trailer, pem, file);
    this.sealProofs = checkTrailer(opened, { ...contents, ...seals }, file);
    return opened;
  }

  private start(plan: CheckPlan): ExportChecker {
    this.checker = new ExportChecker(plan);
    return this.checker;
  }

  private walkOptions(file: string | undefined): WalkOptions {
    const seeEvent = this.anchorRun.walker(this.filtered);
    const checkpoint = this.opened?.checkpoint;
    return {
      file,
      onProgress: this.options.onProgress,
      progressEvery: this.options.progressEvery ?? 10_000,
      workers: this.options.workers ?? Math.min(MAX_DEFAULT_WORKERS, availableParallelism() - 1),
      ...(this.options.batchBytes === undefined ? {} : { batchBytes: this.options.batchBytes }),
      ...(seeEvent === undefined ? {} : { seeEvent }),
      ...(this.filtered && checkpoint !== undefined ? { checkpoint } : {}),
    };
  }
}

/** An intact export of a kind that cannot show everything is unverified: the auditor must not read it as more. */
function atBestUnverified(verdict: ExportVerdict, limitations: readonly string[]): ExportVerdict {
  return verdict === 'intact' && limitations.length > 0 ? 'unverified' : verdict;
}

/** The trailer a first pass found, which a file cut anywhere at its end lacks. */
function requireTrailer(trailer: ExportTrailer | undefined, file: string | undefined): ExportTrailer {
  if (trailer !== undefined) return trailer;
  return fail({
    code: 'truncated',
    file,
    message: 'the export does not end with its trailer: it was cut (or is not a v2 export)',
  });
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
