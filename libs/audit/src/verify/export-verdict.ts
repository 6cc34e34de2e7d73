import { EXPORT_FILES } from '../export/export-format';
import type { ExportProblem, ExportProblemCode } from './export-problem';
import type { KeySource } from './trusted-key';

/**
 * What an auditor may conclude: intact only when the seals held under a key the auditor trusts; a key carried by the
 * export proves only that the export is self-consistent, so without one of the auditor's the best is unverified.
 */
export type ExportVerdict = 'intact' | 'tampered' | 'unusable' | 'unverified';

/** Problems that say the input is not an export one can check, rather than an export that was changed. */
const UNUSABLE_CODES: ReadonlySet<ExportProblemCode> = new Set(['unreadable', 'bad_manifest', 'bad_csv_header']);

export function exportVerdict(problem: ExportProblem | undefined, keySource: KeySource): ExportVerdict {
  if (problem === undefined) return keySource === 'auditor' ? 'intact' : 'unverified';
  if (UNUSABLE_CODES.has(problem.code)) return 'unusable';
  // A zip without a manifest is not an export at all; one without a file its manifest lists was cut down.
  if (problem.code === 'missing_file' && problem.file === EXPORT_FILES.manifest) return 'unusable';
  return 'tampered';
}
