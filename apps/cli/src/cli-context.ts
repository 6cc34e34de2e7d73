import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ApplicationModule,
  EventStoreModule,
  loadConfig,
  type Actor,
  type PortfolioConfig,
  EVENT_STORE,
} from '@portfolio/application';
import type { EventStore } from '@portfolio/event-store';
import { ProjectionRuntime } from '@portfolio/read-models';
import { userInfo } from 'node:os';

@Module({})
class CliModule {
  static forRoot(config: PortfolioConfig): DynamicModule {
    return {
      module: CliModule,
      // The CLI projects only when a command needs fresh read models; the API process follows the log itself.
      imports: [EventStoreModule.forRoot(config), ApplicationModule.forRoot({ followTheLog: false })],
    };
  }
}

/** The same configuration, store and command handlers as the API, without HTTP. */
export async function openCliContext(): Promise<INestApplicationContext> {
  const config = loadConfig(process.env, process.cwd());
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  context.enableShutdownHooks();
  return context;
}

/** The actor recorded on events the command line writes: the operating-system user, acting as admin. */
export function cliActor(): Actor {
  const user = userInfo().username;
  return { id: `cli:${user}`, name: `portfolio CLI (${user})`, role: 'admin' };
}

/** Brings the read models up to the head of the log, for commands that read them. */
export async function freshReadModels(context: INestApplicationContext): Promise<ProjectionRuntime> {
  const runtime = context.get(ProjectionRuntime);
  const store = context.get<EventStore>(EVENT_STORE);
  await runtime.start();
  const head = await store.head();
  while (!(await runtime.waitFor(head, 60_000))) {
    process.stderr.write(`projecting: position ${runtime.position} of ${head}\n`);
  }
  return runtime;
}

/** Runs a command body with the context open, closing it (and the store) whatever happens. */
export async function withCliContext<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  const context = await openCliContext();
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
