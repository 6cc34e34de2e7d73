import { CHANGE_COLUMNS, PROJECT_COLUMNS, type CommitteePack, type PackColumn } from '@portfolio/read-models';
import { packCsv } from './pack-csv';
import type { PackFormat, PackPart } from './pack-query.dto';
import { packWorkbook, XLSX_MEDIA_TYPE } from './pack-workbook';

/** The pack as a file to download: its bytes, media type, name, and for a CSV where its TableSchema is. */
export interface PackDownload {
  readonly body: Buffer;
  readonly contentType: string;
  readonly fileName: string;
  /** The URL of the CSV's TableSchema (a Link with rel="describedby"); none for a workbook. */
  readonly describedBy: string | null;
}

export const PACK_TABLES: Readonly<
  Record<PackPart, { readonly columns: readonly PackColumn[]; readonly file: string }>
> = {
  projects: { columns: PROJECT_COLUMNS, file: 'projets' },
  changes: { columns: CHANGE_COLUMNS, file: 'changements' },
};

function packSchemaUrl(part: PackPart): string {
  return `/api/v1/review-cycles/pack/schema?part=${part}`;
}

export async function packDownload(pack: CommitteePack, format: PackFormat, part: PackPart): Promise<PackDownload> {
  if (format === 'xlsx') {
    return {
      body: await packWorkbook(pack),
      contentType: XLSX_MEDIA_TYPE,
      fileName: `pack-${pack.cycleId}.xlsx`,
      describedBy: null,
    };
  }
  return {
    body: Buffer.from(packCsv(pack[part]), 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    fileName: `pack-${pack.cycleId}-${PACK_TABLES[part].file}.csv`,
    describedBy: packSchemaUrl(part),
  };
}
