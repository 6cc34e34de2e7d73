import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { servedOpenApiDocument } from './support/openapi-document';

// The served OpenAPI document linted as third-party tools read it: Redocly's recommended rules (redocly.yaml) and
// Spectral's spectral:oas (.spectral.yaml), with no error and no warning.

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
/** Neither tool phones home or prints notices from a test. */
const QUIET = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

/** What the tool printed: both exit non-zero when they find an error, and still report it. */
async function report(command: string, args: string[]): Promise<string> {
  try {
    return (await run(bin(command), args, { cwd: ROOT, env: QUIET, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { code, stdout } = error as { code?: unknown; stdout?: string };
    if (typeof code !== 'number' || stdout === undefined) throw error;
    return stdout;
  }
}

interface Problem {
  readonly code: string;
  readonly severity: number;
  readonly message: string;
  readonly path: string[];
}

let directory: string;
let file: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  file = join(directory, 'openapi.json');
  writeFileSync(file, JSON.stringify(await servedOpenApiDocument(), null, 2));
}, 30_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the OpenAPI document, linted', () => {
  it("passes Redocly's recommended rules", async () => {
    const output = await report('redocly', ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format=json']);
    const { problems } = JSON.parse(output) as { problems: { ruleId: string; severity: string; message: string }[] };
    expect(problems.map(({ ruleId, severity, message }) => `${severity} ${ruleId}: ${message}`)).toEqual([]);
  }, 60_000);

  it("passes Spectral's spectral:oas rules", async () => {
    // Spectral prints a line of its own after its JSON report on stdout: the report goes to a file.
    const output = join(directory, 'spectral.json');
    await report('spectral', ['lint', file, '--ruleset', join(ROOT, '.spectral.yaml'), '-f', 'json', '-o', output]);
    const results = JSON.parse(readFileSync(output, 'utf8')) as Problem[];
    const severities = ['error', 'warning', 'info', 'hint'];
    expect(
      results.map(
        ({ code, severity, message, path }) => `${severities[severity]} ${code} at ${path.join('.')}: ${message}`,
      ),
    ).toEqual([]);
  }, 60_000);
});
