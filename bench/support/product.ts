import type * as Application from '@portfolio/application';
import type * as Audit from '@portfolio/audit';
import type * as EventStoreLib from '@portfolio/event-store';
import type * as ReadModels from '@portfolio/read-models';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

const load = createRequire(__filename);

/**
 * The product as `npm run build` compiles it. The benchmarks measure that build, and need it: tsx (esbuild) emits no
 * decorator metadata, without which Nest cannot inject the application's services. Types come from the sources.
 */
function built<T>(lib: string): T {
  return load(join(ROOT, 'dist', 'libs', lib, 'src', 'index.js')) as T;
}

export const builtApplication = (): typeof Application => built('application');
export const builtAudit = (): typeof Audit => built('audit');
export const builtEventStore = (): typeof EventStoreLib => built('event-store');
export const builtReadModels = (): typeof ReadModels => built('read-models');
