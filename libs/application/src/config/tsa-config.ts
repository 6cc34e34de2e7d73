import { parseTsaCertificate, type CheckpointTsa } from '@portfolio/audit';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { value, type Env } from './env';

// PORTFOLIO_TSA_URL and PORTFOLIO_TSA_CERTIFICATE_FILE: the RFC 3161 time-stamping authority of the checkpoints.

export interface TsaConfig {
  /** Absent: checkpoints are not time-stamped. */
  readonly tsa?: CheckpointTsa;
}

function readTsaCertificate(file: string, problems: string[]): string | undefined {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`PORTFOLIO_TSA_CERTIFICATE_FILE cannot be read: ${(error as Error).message}`);
    return undefined;
  }
  try {
    parseTsaCertificate(pem);
    return pem;
  } catch (error) {
    problems.push(`PORTFOLIO_TSA_CERTIFICATE_FILE (${file}): ${(error as Error).message}`);
    return undefined;
  }
}

const isHttpUrl = (url: string) => URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol);

/** Reads and checks the TSA's certificate now, so that a bad one stops the start rather than every time-stamp. */
export function parseTsaConfig(env: Env, cwd: string, problems: string[]): TsaConfig {
  const url = value(env, 'PORTFOLIO_TSA_URL');
  const file = value(env, 'PORTFOLIO_TSA_CERTIFICATE_FILE');
  if (url === undefined) {
    if (file !== undefined) problems.push('PORTFOLIO_TSA_CERTIFICATE_FILE is set without PORTFOLIO_TSA_URL');
    return {};
  }
  if (!isHttpUrl(url)) problems.push(`PORTFOLIO_TSA_URL must be an http or https URL (got "${url}")`);
  if (file === undefined) {
    problems.push("PORTFOLIO_TSA_CERTIFICATE_FILE is required with PORTFOLIO_TSA_URL: the TSA's certificate, PEM");
    return {};
  }
  const certificate = readTsaCertificate(resolve(cwd, file), problems);
  return certificate === undefined ? {} : { tsa: { url, certificate } };
}
