import type { DomainCommand } from '@portfolio/domain';
import type { ImportSummary } from '../import-barometre';

/** The Baromètre releases shipped in demo-data/barometre/releases. */
export type BarometreRelease = '2021-07-23' | '2023-01-19';

/** One command of the demo. */
export interface CommandStep {
  /** Stable id (a slug), part of the command's idempotency key. */
  readonly id: string;
  readonly command: DomainCommand;
  /** Set when a date of the command is approximate or illustrative: what the sources actually say. */
  readonly approximate?: string;
}

/**
 * The import of one Baromètre release (national detail, synthesis and sectors), through `importBarometre`, then of its
 * territorial synthesis when one is shipped.
 */
export interface BarometreStep {
  readonly id: string;
  readonly barometreRelease: BarometreRelease;
}

export type SeedStep = CommandStep | BarometreStep;

export interface SeedOptions {
  /** The demo-data folder: the Baromètre files are read from `<dataDir>/barometre`. */
  readonly dataDir: string;
  /** Today's business date, YYYY-MM-DD (the seed reads no clock): no fact of the demo may come after it. */
  readonly today: string;
  /** Stops the seed between two steps (inside a Baromètre import, between two batches). */
  readonly signal?: AbortSignal;
  /** Called after each step. */
  readonly onProgress?: (stepsDone: number, stepsTotal: number) => void;
  /** The steps to play, in order; the Tech.gouv portfolio by default. */
  readonly steps?: readonly SeedStep[];
}

/** A step the domain refused (other than for being already done). */
export interface RefusedStep {
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export interface BarometreImport {
  readonly stepId: string;
  readonly release: BarometreRelease;
  /** False when an earlier seed had already got past this import (the import was not run again). */
  readonly imported: boolean;
  readonly summary?: ImportSummary;
  /** The import of the release's territorial synthesis (the regional one of 2023-01-19), after the national one. */
  readonly territorial?: ImportSummary;
}

export interface SeedSummary {
  /** Steps of the demo (commands and Baromètre imports). */
  readonly steps: number;
  /** Steps that appended events. */
  readonly applied: number;
  /** Steps the ledger already held: nothing appended. */
  readonly alreadyThere: number;
  /** Events appended by the command steps (those of the Baromètre imports are in their summaries). */
  readonly eventsAppended: number;
  readonly refused: readonly RefusedStep[];
  readonly barometre: readonly BarometreImport[];
  /** True when the signal stopped the seed before its end. */
  readonly aborted: boolean;
}
