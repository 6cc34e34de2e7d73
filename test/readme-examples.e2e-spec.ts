import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readmeExamples, type ExampleState } from './support/readme-examples';
import { buildServiceOnce, fetchService, freePort, startService, type ServiceProcess } from './support/service-process';

// The README's shell examples, run as a reader runs them (README, "Tests"): with bash, in the folder of an instance
// of the built service on a data directory of its own, empty or seeded with the demo as each example's marker says.

const ROOT = join(__dirname, '..');
const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const BLOCK_TIMEOUT_MS = 60_000;
const SETTING = /^PORTFOLIO_/;

interface BlockRun {
  readonly code: number | null;
  readonly stderr: string;
  /** The end of what it printed: enough to see where it stopped, not a whole portfolio. */
  readonly stdoutTail: string;
}

/** A started service and the folder a reader would run the examples in: its `./data` is the service's. */
class Instance {
  private constructor(
    readonly folder: string,
    private readonly service: ServiceProcess,
    private readonly metricsToken: string,
  ) {}

  static async start(): Promise<Instance> {
    const folder = mkdtempSync(join(tmpdir(), 'portfolio-readme-'));
    linkCommands(folder);
    const metricsToken = randomBytes(32).toString('base64url');
    const service = await startService(await freePort(), {
      ...unsetSettings(),
      PORTFOLIO_STORE: 'sqlite',
      PORTFOLIO_DATA_DIR: join(folder, 'data'),
      PORTFOLIO_METRICS_TOKEN: metricsToken,
    });
    return new Instance(folder, service, metricsToken);
  }

  /** Runs a script as the README's reader does: after the setup, with the service's address for localhost:3000. */
  run(script: string): Promise<BlockRun> {
    const port = new URL(this.service.url).port;
    const child = spawn(
      'bash',
      ['-euo', 'pipefail', '-c', `${examples.setup}\n${script}`.replaceAll('localhost:3000', `localhost:${port}`)],
      {
        cwd: this.folder,
        env: readerEnvironment({ PORTFOLIO_METRICS_TOKEN: this.metricsToken }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-2000)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BLOCK_TIMEOUT_MS);
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr, stdoutTail: stdout });
      });
    });
  }

  /** Until the read models have caught up with what another process (the command line) appended. */
  async projected(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const ready = (await (await fetchService(`${this.service.url}/health/ready`)).json()) as {
        info?: { eventStore?: { head?: string }; projections?: { position?: string } };
      };
      const head = ready.info?.eventStore?.head;
      if (head !== undefined && ready.info?.projections?.position === head) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the read models did not catch up with the seeded demo within 20 s');
  }

  async stop(): Promise<void> {
    await this.service.kill();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** `npx portfolio` in the instance's folder runs the checkout's commands, as it does in the checkout itself. */
function linkCommands(folder: string): void {
  const bin = join(folder, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  const commands = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> })
    .bin;
  for (const [name, path] of Object.entries(commands)) symlinkSync(join(ROOT, path), join(bin, name));
}

/** The service's settings in the test's environment, unset (an empty value is none), as on a reader's machine. */
function unsetSettings(): Record<string, string> {
  return Object.fromEntries(Object.keys(process.env).flatMap((name) => (SETTING.test(name) ? [[name, '']] : [])));
}

/** The test's environment without what a reader's terminal lacks: npm's run variables and the service's settings. */
function readerEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !SETTING.test(name) && !/^npm_/i.test(name));
  // npx would otherwise ask the registry whether npm itself is current.
  return { ...Object.fromEntries(inherited), npm_config_update_notifier: 'false', ...settings };
}

/** The examples of a state, each named by its line and first line, so that a failure points into the README. */
const examplesOn = (state: ExampleState) =>
  examples.runnable
    .filter((example) => example.state === state)
    .map((example) => ({ name: `README.md:${example.line}: ${example.script.split('\n')[0]}`, example }));
/** How a block ended: `exit 0`, or its exit status with what it wrote, for the failure to say where and why. */
const outcome = (run: BlockRun) =>
  run.code === 0 ? 'exit 0' : `exit ${run.code}\n--- stderr:\n${run.stderr}\n--- end of stdout:\n${run.stdoutTail}`;

/** The examples are shell: without these tools, their failures would be read as the README's. */
function requireReaderTools(): void {
  const missing = ['curl', 'node', 'npx'].filter(
    (tool) => spawnSync('bash', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0,
  );
  if (missing.length > 0) throw new Error(`the README's examples need bash and ${missing.join(', ')} on the PATH`);
}

beforeAll(async () => {
  requireReaderTools();
  await buildServiceOnce();
}, 180_000);

describe("the README's examples that need an empty instance, each on one of its own", () => {
  it.each(examplesOn('fresh'))(
    '$name',
    async ({ example }) => {
      const instance = await Instance.start();
      try {
        expect(outcome(await instance.run(example.script))).toBe('exit 0');
      } finally {
        await instance.stop();
      }
    },
    BLOCK_TIMEOUT_MS + 30_000,
  );
});

describe("the README's examples on the demo, in their order on one instance", () => {
  let demo: Instance;
  beforeAll(async () => {
    demo = await Instance.start();
    expect(outcome(await demo.run('npx portfolio seed demo'))).toBe('exit 0');
    await demo.projected();
  }, BLOCK_TIMEOUT_MS + 30_000);
  afterAll(() => demo?.stop());

  it.each(examplesOn('demo'))(
    '$name',
    async ({ example }) => expect(outcome(await demo.run(example.script))).toBe('exit 0'),
    BLOCK_TIMEOUT_MS + 5_000,
  );
});

describe("the README's examples not run, each with the reason its marker gives", () => {
  // Skipped on purpose: the README marks these blocks skip=<why> (an install, a server that runs until stopped, a key
  // of the reader's own); listing each as a skipped test names it and its reason in every run's report.
  it.skip.each(
    examples.skipped.map((example) => [`README.md:${example.line} (${example.reason}): ${example.firstLine}`]),
  )('%s', () => undefined);
});
