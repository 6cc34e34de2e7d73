import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A real time-stamping authority for tests: OpenSSL's `openssl ts -reply` behind a tiny HTTP server on 127.0.0.1,
// with its own CA and TSA certificates made in a temporary directory.

const run = promisify(execFile);

/** Certificates from the local CA, PEM: the TSA's, and others a token must not be accepted with. */
export interface LocalTsaCertificates {
  /** The TSA's own (RSA key, extendedKeyUsage critical timeStamping). */
  readonly tsa: string;
  /** Another TSA's, with a key of its own. */
  readonly otherTsa: string;
  /** The CA's, which has no extended key usage. */
  readonly ca: string;
  /** The TSA's key certified for time-stamping by a non-critical extension. */
  readonly nonCriticalUsage: string;
  /** The TSA's key certified for TLS servers only. */
  readonly serverAuthUsage: string;
}

export interface LocalTsa {
  /** Where to POST time-stamp queries; any other path answers 404. */
  readonly url: string;
  readonly certificates: LocalTsaCertificates;
  /** A policy the TSA refuses, answering with a rejection status. */
  readonly unsupportedPolicy: string;
  close(): Promise<void>;
}

const DEFAULT_POLICY = '1.3.6.1.4.1.99999.1.1';
const UNSUPPORTED_POLICY = '1.3.6.1.4.1.99999.1.9';

/** Why the local TSA cannot run here, or undefined when `openssl` is on the PATH. */
export function opensslUnavailableReason(): string | undefined {
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'the `openssl` command is not installed (Debian: apt-get install openssl)';
}

/** Runs `openssl` in `dir` with the space-separated `words`, then the `more` arguments as they are. */
async function openssl(dir: string, words: string, ...more: string[]): Promise<void> {
  await run('openssl', [...words.split(' '), ...more], { cwd: dir });
}

const EXTENSIONS = [
  '[time_stamping]',
  'basicConstraints = critical,CA:FALSE',
  'extendedKeyUsage = critical,timeStamping',
  '[time_stamping_not_critical]',
  'extendedKeyUsage = timeStamping',
  '[server_auth]',
  'extendedKeyUsage = critical,serverAuth',
  '',
].join('\n');
const EC_KEY = '-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes';

async function makeCertificates(dir: string): Promise<LocalTsaCertificates> {
  await writeFile(join(dir, 'extensions.cnf'), EXTENSIONS);
  await openssl(dir, `req -x509 ${EC_KEY} -keyout ca.key -out ca.pem -days 2 -subj`, '/CN=Local test CA');
  // RSA for the TSA itself, as most public TSAs sign with; EC elsewhere, which is quicker to generate.
  await openssl(dir, 'req -new -newkey rsa:2048 -nodes -keyout tsa.key -out tsa.csr -subj', '/CN=Local test TSA');
  await openssl(dir, `req -new ${EC_KEY} -keyout other.key -out other.csr -subj`, '/CN=Local test other TSA');
  const certify = async (csr: string, serial: number, extensions: string): Promise<string> => {
    const options = `-CA ca.pem -CAkey ca.key -set_serial ${serial} -days 1 -extfile extensions.cnf`;
    await openssl(dir, `x509 -req -in ${csr} ${options} -extensions ${extensions} -out ${serial}.pem`);
    return readFile(join(dir, `${serial}.pem`), 'utf8');
  };
  const tsa = await certify('tsa.csr', 2, 'time_stamping');
  return {
    tsa,
    otherTsa: await certify('other.csr', 3, 'time_stamping'),
    ca: await readFile(join(dir, 'ca.pem'), 'utf8'),
    nonCriticalUsage: await certify('tsa.csr', 4, 'time_stamping_not_critical'),
    serverAuthUsage: await certify('tsa.csr', 5, 'server_auth'),
  };
}

async function writeTsaConfig(dir: string): Promise<void> {
  await writeFile(join(dir, 'serial'), '01\n');
  await writeFile(
    join(dir, 'tsa.cnf'),
    [
      '[tsa]',
      'default_tsa = tsa_config',
      '[tsa_config]',
      `serial = ${join(dir, 'serial')}`,
      'crypto_device = builtin',
      'signer_digest = sha256',
      `default_policy = ${DEFAULT_POLICY}`,
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = await mkdtemp(join(tmpdir(), 'local-tsa-'));
  const certificates = await makeCertificates(dir);
  await writeTsaConfig(dir);
  let queries = 0;
  const answer = async (query: Buffer): Promise<Buffer> => {
    queries += 1;
    await writeFile(join(dir, `${queries}.tsq`), query);
    const signer = '-config tsa.cnf -inkey tsa.key -signer 2.pem';
    await openssl(dir, `ts -reply -queryfile ${queries}.tsq ${signer} -out ${queries}.tsr`);
    return readFile(join(dir, `${queries}.tsr`));
  };
  // One query at a time: `openssl ts -reply` reads and rewrites the serial file.
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = (query: Buffer): Promise<Buffer> => {
    const next = previous.then(() => answer(query));
    previous = next.catch(() => undefined);
    return next;
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    readBody(request)
      .then(inTurn)
      .then(
        (der) => response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(der),
        (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    certificates,
    unsupportedPolicy: UNSUPPORTED_POLICY,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
