import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The deployment files, checked without a Docker engine (none runs on the development and CI machines): the
 * Dockerfile statically, docker-compose.yml as `docker-compose config` resolves it.
 */
const root = join(__dirname, '..');

// ---------------------------------------------------------------------------------------------------------------
// Dockerfile

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

interface Stage {
  readonly from: string;
  readonly name: string | undefined;
  readonly instructions: Instruction[];
}

/** Instructions with their continuation lines joined, comments dropped, grouped into stages. */
function parseDockerfile(text: string): { stages: Stage[] } {
  const logical: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (pending === '' && /^\s*(#|$)/.test(line)) continue;
    if (/^\s*#/.test(line)) continue;
    pending += line.replace(/\\\s*$/, ' ');
    if (!/\\\s*$/.test(line)) {
      logical.push(pending.trim());
      pending = '';
    }
  }
  const stages: Stage[] = [];
  for (const entry of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(entry) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ from, name, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { stages };
}

/** A COPY's options, sources and destination (shell form). */
function parseCopy(args: string): { from: string | undefined; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const options = words.filter((word) => word.startsWith('--'));
  const paths = words.filter((word) => !word.startsWith('--'));
  const from = options.find((option) => option.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
}

/** The exec-form arguments of CMD or HEALTHCHECK ... CMD. */
function execForm(args: string): string[] {
  return JSON.parse(args.slice(args.indexOf('['))) as string[];
}

const stripSlash = (path: string) => path.replace(/^\.\//, '').replace(/\/$/, '');

describe('Dockerfile', () => {
  const { stages } = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
  const build = stages[0];
  const runtime = stages[stages.length - 1];
  const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
  const last = (stage: Stage, keyword: string) => all(stage, keyword).at(-1);

  it('builds in one stage and runs from a slim one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.from).toMatch(/^node:.*-slim$/);
    expect(all(build, 'RUN').map((i) => i.args)).toEqual(
      expect.arrayContaining([expect.stringContaining('npm ci'), expect.stringContaining('npm run build')]),
    );
    expect(all(build, 'RUN').some((i) => /npm prune --omit=dev/.test(i.args))).toBe(true);
  });

  it('runs the service as a user other than root, in production mode, with its data on /data', () => {
    const user = last(runtime, 'USER')?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const env = all(runtime, 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(env).toMatch(/\bPORTFOLIO_DATA_DIR=\/data\b/);
    expect(env).toMatch(/\bPORT=3000\b/);
    expect(last(runtime, 'VOLUME')?.args).toContain('/data');
    expect(all(runtime, 'RUN').some((i) => /chown node:node \/data/.test(i.args))).toBe(true);
    expect(last(runtime, 'EXPOSE')?.args).toBe('3000');
  });

  it('starts the compiled API, the entry file nest-cli.json builds', () => {
    const nest = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8')) as {
      projects: { api: { entryFile: string } };
    };
    expect(execForm(last(runtime, 'CMD')!.args)).toEqual(['node', `dist/${nest.projects.api.entryFile}.js`]);
    expect(readFileSync(join(root, 'bin', 'portfolio.js'), 'utf8')).toContain(
      "'dist', 'apps', 'cli', 'src', 'main.js'",
    );
  });

  it('is healthy when GET /health/ready answers 2xx, asked with Node (the slim image has no curl)', () => {
    const healthcheck = last(runtime, 'HEALTHCHECK');
    expect(healthcheck).toBeDefined();
    const [command, flag, script] = execForm(healthcheck!.args);
    expect([command, flag]).toEqual(['node', '-e']);
    expect(script).toContain('/health/ready');
    expect(script).toContain('process.env.PORT');
    expect(script).toMatch(/r\.ok \? 0 : 1/);
  });

  it('copies from the build context only files of the repository, and the .dockerignore allow-list lets them in', () => {
    const allowed = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => stripSlash(line.slice(1)));
    const sources = stages.flatMap((stage) =>
      all(stage, 'COPY')
        .map((i) => parseCopy(i.args))
        .filter((copy) => copy.from === undefined)
        .flatMap((copy) => copy.sources.map(stripSlash)),
    );
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'bin', 'apps', 'libs']));
    for (const source of sources) {
      expect({ source, exists: existsSync(join(root, source)) }).toEqual({ source, exists: true });
      expect({ source, allowed: allowed.includes(source) }).toEqual({ source, allowed: true });
    }
  });

  it('copies from the build stage only what it copied in or `npm ci` and `npm run build` produce', () => {
    const workdir = stripSlash(last(build, 'WORKDIR')!.args);
    const copiedIn = all(build, 'COPY').flatMap((i) => parseCopy(i.args).sources.map(stripSlash));
    // npm ci makes node_modules; `nest build` writes dist (apps/api/tsconfig.app.json: outDir ../../dist).
    const produced = ['node_modules', 'dist'];
    const tsconfig = readFileSync(join(root, 'apps', 'api', 'tsconfig.app.json'), 'utf8');
    expect(tsconfig).toContain('"outDir": "../../dist"');
    const fromBuild = all(runtime, 'COPY')
      .map((i) => parseCopy(i.args))
      .filter((copy) => copy.from === build.name);
    expect(fromBuild.length).toBeGreaterThan(0);
    for (const copy of fromBuild) {
      for (const source of copy.sources) {
        const path = relative(workdir, stripSlash(source));
        expect({ path, known: copiedIn.includes(path) || produced.includes(path) }).toEqual({ path, known: true });
      }
    }
    expect(fromBuild.flatMap((copy) => copy.sources.map((source) => relative(workdir, stripSlash(source))))).toEqual(
      expect.arrayContaining(['package.json', 'node_modules', 'dist', 'bin']),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// docker-compose.yml

/** The docker-compose executable, or undefined when it is not installed. */
function findDockerCompose(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const dockerCompose = findDockerCompose();

interface ComposeService {
  image?: string;
  build?: { context: string };
  profiles?: string[];
  environment?: Record<string, string | null>;
  healthcheck?: { test: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  ports?: (string | { target: number; published?: string; host_ip?: string })[];
  volumes?: (string | { type: string; source: string; target: string })[];
  secrets?: ({ source: string } | string)[];
}

interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file: string }>;
}

/**
 * Runs docker-compose on the repository's file with exactly the given variables (the CI environment might set
 * KURRENTDB_URL for the contract tests, which must not leak into what is checked here).
 */
function compose(args: string[], variables: Record<string, string> = {}): string {
  return execFileSync(dockerCompose!, ['--project-directory', root, '-f', join(root, 'docker-compose.yml'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? root, ...variables },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

let composeVersion: string | undefined;

/**
 * The resolved configuration as an object. Compose v2 prints JSON itself; docker-compose 1.x prints YAML only, and
 * is a Python program that always has PyYAML, so its own interpreter turns that into JSON.
 */
function resolvedConfig(variables: Record<string, string> = {}, options: string[] = []): ComposeConfig {
  composeVersion ??= compose(['version', '--short']).trim();
  if (!composeVersion.startsWith('1.')) {
    return JSON.parse(compose([...options, 'config', '--format', 'json'], variables)) as ComposeConfig;
  }
  const shebang = readFileSync(dockerCompose!, 'utf8').split('\n')[0];
  const python = /^#!\s*(\S+)/.exec(shebang)?.[1];
  if (python === undefined) throw new Error(`cannot tell the Python interpreter of ${dockerCompose}`);
  const json = execFileSync(
    python,
    ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'],
    { input: compose([...options, 'config'], variables), encoding: 'utf8' },
  );
  return JSON.parse(json) as ComposeConfig;
}

const environmentOf = (service: ComposeService) => service.environment ?? {};
const namedVolumes = (service: ComposeService) =>
  (service.volumes ?? []).map((volume) => {
    if (typeof volume !== 'string') return { source: volume.source, target: volume.target };
    const [source, target] = volume.split(':');
    return { source, target };
  });
const secretNames = (service: ComposeService) =>
  (service.secrets ?? []).map((secret) => (typeof secret === 'string' ? secret : secret.source));

const NODES = ['kurrentdb-node1', 'kurrentdb-node2', 'kurrentdb-node3'];
const TOKENS = 'admin:QoPwV3Jf7KV0WELql_BTKpYtOzzBzJCBknq6hkwwD3I,reviewer:gHSuklIFKwgi16PuveJnGDUrJfLu3c2IzcziOS1inHM';

const describeCompose = dockerCompose === undefined ? describe.skip : describe;
if (dockerCompose === undefined) {
  console.warn(
    'test/deployment: docker-compose is not installed, so docker-compose.yml is not checked (.ci/run installs it)',
  );
}

describeCompose('docker-compose.yml, as docker-compose config resolves it', () => {
  let config: ComposeConfig;
  beforeAll(() => {
    config = resolvedConfig({ PORTFOLIO_API_TOKENS: TOKENS });
  });

  it('declares the app, its stores, the cluster nodes and the PostgreSQL-only variant', () => {
    expect(Object.keys(config.services).sort()).toEqual(
      ['app', 'app-postgres', 'kurrentdb', ...NODES, 'postgres'].sort(),
    );
    expect(compose(['config', '--profiles']).split('\n').filter(Boolean).sort()).toEqual(['cluster', 'postgres']);
  });

  it('runs the app from the Dockerfile in production mode: events in KurrentDB, read models in PostgreSQL', () => {
    const app = config.services.app;
    expect(app.build?.context).toBe(root);
    expect(app.profiles ?? []).toEqual([]);
    expect(environmentOf(app)).toMatchObject({
      PORT: '3000',
      PORTFOLIO_DATA_DIR: '/data',
      PORTFOLIO_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      PORTFOLIO_PG_SCHEMA: 'public',
      PORTFOLIO_API_TOKENS: TOKENS,
      PORTFOLIO_SIGNING_KEY_FILE: '/run/secrets/seal-signing-key',
    });
    expect(environmentOf(app).DATABASE_URL).toMatch(/^postgres:\/\/portfolio:[^@]+@postgres:5432\/portfolio$/);
    // The image's HEALTHCHECK (GET /health/ready, checked above) applies: compose neither replaces nor disables it.
    expect(app.healthcheck).toBeUndefined();
  });

  it('starts the app once its stores are healthy, and the stores have health checks', () => {
    expect(config.services.app.depends_on).toEqual({
      kurrentdb: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
    });
    expect(config.services['app-postgres'].depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(config.services.kurrentdb.healthcheck?.test.join(' ')).toContain('http://localhost:2113/health/live');
    expect(config.services.postgres.healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready']));
  });

  it('gives every app instance the one signing key, mounted read-only as a secret', () => {
    for (const name of ['app', 'app-postgres']) {
      expect(secretNames(config.services[name])).toEqual(['seal-signing-key']);
    }
    expect(config.secrets?.['seal-signing-key'].file).toBe(join(root, 'deploy', 'secrets', 'seal-signing-key.pem'));
  });

  it('leaves the credentials blank when none are given, so that the service refuses to start', () => {
    const unset = resolvedConfig();
    expect(environmentOf(unset.services.app).PORTFOLIO_API_TOKENS ?? '').toBe('');
    expect(environmentOf(unset.services.app).PORTFOLIO_OIDC_ISSUER ?? '').toBe('');
  });

  it('publishes the app on a loopback port range, so that several instances can run', () => {
    const [port] = config.services.app.ports ?? [];
    // docker-compose 1.x prints the short syntax, Compose v2 the long one.
    const published =
      typeof port === 'string' ? port : `${port.host_ip}:${port.published}:${port.target}/tcp`.replace(/^:/, '');
    expect(published).toMatch(/^127\.0\.0\.1:3000-30\d\d:3000(\/tcp)?$/);
  });

  it('keeps each store on a named volume, and declares exactly the volumes in use', () => {
    const used = Object.values(config.services).flatMap((service) =>
      namedVolumes(service).filter(({ source }) => !source.startsWith('/') && !source.startsWith('.')),
    );
    expect(used.map(({ source }) => source).sort()).toEqual(Object.keys(config.volumes ?? {}).sort());
    expect(namedVolumes(config.services.app)).toEqual([{ source: 'app-data', target: '/data' }]);
    expect(namedVolumes(config.services.postgres)).toEqual([
      { source: 'postgres-data', target: '/var/lib/postgresql/data' },
    ]);
    for (const name of ['kurrentdb', ...NODES]) {
      expect(namedVolumes(config.services[name]).map(({ target }) => target)).toEqual([
        '/var/lib/kurrentdb',
        '/var/log/kurrentdb',
      ]);
    }
  });

  it('runs a single insecure KurrentDB node by default', () => {
    const node = config.services.kurrentdb;
    expect(node.profiles ?? []).toEqual([]);
    expect(environmentOf(node)).toMatchObject({ KURRENTDB_CLUSTER_SIZE: '1', KURRENTDB_INSECURE: 'true' });
  });

  it('has a `cluster` profile of three nodes that find each other by gossip seeds', () => {
    for (const name of NODES) {
      const node = config.services[name];
      expect(node.profiles).toEqual(['cluster']);
      expect(node.image).toBe(config.services.kurrentdb.image);
      expect(environmentOf(node)).toMatchObject({
        KURRENTDB_CLUSTER_SIZE: '3',
        KURRENTDB_INSECURE: 'true',
        KURRENTDB_DISCOVER_VIA_DNS: 'false',
        KURRENTDB_NODE_HOST_ADVERTISE_AS: name,
        KURRENTDB_REPLICATION_HOST_ADVERTISE_AS: name,
      });
      const seeds = String(environmentOf(node).KURRENTDB_GOSSIP_SEED).split(',').sort();
      expect(seeds).toEqual(
        NODES.filter((other) => other !== name)
          .map((other) => `${other}:2113`)
          .sort(),
      );
      expect(node.ports ?? []).toEqual([]);
    }
    const dataVolumes = NODES.map((name) => namedVolumes(config.services[name])[0].source);
    expect(new Set(dataVolumes).size).toBe(NODES.length);
  });

  it('points the app at the cluster when KURRENTDB_URL names the nodes', () => {
    const url = 'kurrentdb://kurrentdb-node1:2113,kurrentdb-node2:2113,kurrentdb-node3:2113?tls=false';
    const clustered = resolvedConfig({ PORTFOLIO_API_TOKENS: TOKENS, KURRENTDB_URL: url }, ['--profile', 'cluster']);
    expect(environmentOf(clustered.services.app).KURRENTDB_URL).toBe(url);
    const example = readFileSync(join(root, 'deploy', 'portfolio.env.example'), 'utf8');
    expect(example).toContain(`#KURRENTDB_URL=${url}`);
  });

  it('has a `postgres` profile whose app keeps events and read models in a schema of its own', () => {
    const variant = config.services['app-postgres'];
    expect(variant.profiles).toEqual(['postgres']);
    expect(environmentOf(variant)).toMatchObject({ PORTFOLIO_STORE: 'postgres', PORTFOLIO_PG_SCHEMA: 'ledger' });
    expect(environmentOf(variant).KURRENTDB_URL).toBeUndefined();
    expect(environmentOf(config.services.postgres)).toMatchObject({ POSTGRES_DB: 'portfolio' });
  });
});
