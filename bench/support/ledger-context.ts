import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { BenchTarget } from './bench-target';
import { builtApplication, builtReadModels } from './product';

/** The application's store, command handlers and read models on a benchmark target, without HTTP (as the CLI runs). */
export async function openLedgerContext(target: BenchTarget): Promise<INestApplicationContext> {
  const { ApplicationModule, EventStoreModule } = builtApplication();
  class BenchLedgerModule {}
  Module({})(BenchLedgerModule);
  const config = {
    port: 0,
    dataDir: target.dataDir,
    store: target.store,
    auth: { kind: 'credentials' as const, apiTokens: [] },
  };
  return NestFactory.createApplicationContext(
    {
      module: BenchLedgerModule,
      // Projections run only where a scenario starts them, so that each path is measured on its own.
      imports: [EventStoreModule.forRoot(config), ApplicationModule.forRoot({ followTheLog: false })],
    },
    { logger: ['error', 'warn'] },
  );
}

/** The read models brought up to the head of the log, as `portfolio export` does before a filtered export. */
export async function freshReadModels(
  context: INestApplicationContext,
): Promise<InstanceType<ReturnType<typeof builtReadModels>['ProjectionRuntime']>> {
  const runtime = context.get(builtReadModels().ProjectionRuntime);
  const head = await context.get<{ head(): Promise<bigint> }>(builtApplication().EVENT_STORE).head();
  await runtime.start();
  while (!(await runtime.waitFor(head, 60_000))) process.stderr.write(`projected ${runtime.position} of ${head}\n`);
  return runtime;
}
