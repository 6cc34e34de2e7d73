import { EXPORT_FILES } from '../export/export-format';
import type { ExportChecker } from './export-checker';
import { fail } from './export-problem';
import type { OpenedTrailer } from './open-trailer';
import type { ParsedManifest } from './parse-manifest';

/** The manifest against what the events hold and what the (signed) statement says. */
export function checkCounts(manifest: ParsedManifest, checker: ExportChecker, opened: OpenedTrailer): void {
  const file = EXPORT_FILES.manifest;
  const { statement } = opened;
  const filters = Object.entries(statement.filters);
  const sameFilters =
    filters.length === manifest.filters.size && filters.every(([name, value]) => manifest.filters.get(name) === value);
  if (!sameFilters || manifest.filtered !== filters.length > 0 || manifest.exportedAt !== statement.exportedAt) {
    fail({
      code: 'statement_mismatch',
      file,
      message: 'the manifest’s filters or export time are not those of the signed export statement',
    });
  }
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
