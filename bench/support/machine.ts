import { cpus, totalmem } from 'node:os';
import { Pool } from 'pg';
import { adminDatabaseUrl } from './bench-target';

export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGb: number;
  readonly node: string;
  readonly postgres: string;
}

export async function describeMachine(): Promise<MachineDescription> {
  const pool = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  try {
    const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
    return {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      ramGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: rows[0].server_version,
    };
  } finally {
    await pool.end();
  }
}
