export {
  CsvEncodingError,
  CsvParser,
  headerOf,
  parseCsv,
  readCsvRecords,
  readCsvRows,
  type CsvRecord,
  type CsvRow,
} from './csv-reader';
export { describeImportSummary } from './describe-summary';
export { DEFAULT_BATCH_SIZE, importBarometre } from './import-barometre';
export { REJECTED_LISTED } from './findings';
export {
  LEAD_ORGANISATION,
  MISSIONS_DEFINED_ON,
  PROGRAMME,
  UNSECTORED_MISSION,
  missionCodeForSector,
  projectIdForMesure,
  slugify,
} from './mapping';
export { checkSynthesisProgress, type SynthesisComparison } from './synthesis-check';
export type { ImportOptions, ImportRequest, ImportSummary, RejectedIndicator, RejectedRow } from './types';
