import { SlugField } from '../http/fields';

export class SeriesParams {
  /** The series values name as their release's: `barometre` for the Baromètre des résultats de l'action publique. */
  @SlugField({ example: 'barometre' }) series!: string;
}
