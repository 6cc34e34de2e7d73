import type { LogSource } from './witness-round';

// The log as the service serves it, read with an auditor's token.

async function get(url: URL, token: string): Promise<Response> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok)
    throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}: ${await response.text()}`);
  return response;
}

export function httpLogSource(service: string, token: string): LogSource {
  const at = (path: string) => new URL(path, service.endsWith('/') ? service : `${service}/`);
  return {
    latestCheckpoint: async () => (await get(at('api/v1/audit/checkpoint'), token)).text(),
    consistencyProof: async (from, to) => {
      const response = await get(at(`api/v1/audit/proofs/consistency?from=${from}&to=${to}`), token);
      const { proof } = (await response.json()) as { proof: string[] };
      return proof.map((hash) => Buffer.from(hash, 'base64').toString('hex'));
    },
  };
}
