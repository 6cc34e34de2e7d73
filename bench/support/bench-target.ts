import type { StoreConfig } from '@portfolio/application';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';

/** The stores benchmarked: both that run on these machines (no KurrentDB server does). */
export type StoreKind = 'sqlite' | 'postgres';

/** Where one benchmark run writes: a temporary directory, plus a PostgreSQL database of its own for that store. */
export interface BenchTarget {
  readonly kind: StoreKind;
  /** SQLite file, signing key: everything a run leaves on disk. */
  readonly dataDir: string;
  readonly store: StoreConfig;
  /** The run's own PostgreSQL database (also where the peer writes), when kind is postgres. */
  readonly databaseUrl?: string;
}

/** The server the PostgreSQL runs use; each run creates a database there and drops it afterwards. */
export function adminDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

function databaseNamed(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createTarget(kind: StoreKind): Promise<BenchTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portfolio-bench-'));
  if (kind === 'sqlite') return { kind, dataDir, store: { kind, file: join(dataDir, 'portfolio.sqlite') } };
  const name = `portfolio_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = databaseNamed(adminDatabaseUrl(), name);
  return { kind, dataDir, databaseUrl, store: { kind, databaseUrl, schema: 'ledger' } };
}

export async function dropTarget(target: BenchTarget): Promise<void> {
  rmSync(target.dataDir, { recursive: true, force: true });
  if (target.databaseUrl === undefined) return;
  const name = new URL(target.databaseUrl).pathname.slice(1);
  const admin = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** `work` on a fresh target of `kind`, dropped afterwards whatever happens. */
export async function withTarget<T>(kind: StoreKind, work: (target: BenchTarget) => Promise<T>): Promise<T> {
  const target = await createTarget(kind);
  try {
    return await work(target);
  } finally {
    await dropTarget(target);
  }
}
