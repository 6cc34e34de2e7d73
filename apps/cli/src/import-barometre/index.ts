export { describeImportSummary } from './describe-summary';
export { importBarometre } from './import-barometre';
export type { ImportOptions, ImportRequest, ImportSummary } from './types';
