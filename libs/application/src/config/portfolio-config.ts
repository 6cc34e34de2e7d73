/** Where the events live (ARCHITECTURE §9). */
export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly databaseUrl: string; readonly schema: string };

/** The validated configuration of one process, API or CLI alike. */
export interface PortfolioConfig {
  readonly port: number;
  /** SQLite file, signing key and generated development tokens live here. */
  readonly dataDir: string;
  readonly store: StoreConfig;
}
