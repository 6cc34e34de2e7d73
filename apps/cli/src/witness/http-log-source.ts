import type { LogSource } from './witness-round';

// The log as the service serves it, read with an auditor's token, and where the witness hands its cosignatures back.

const at = (service: string, path: string) => new URL(path, service.endsWith('/') ? service : `${service}/`);

/** The instance's refusals are quoted in the witness's English lines: it asks for them in English. */
function headersOf(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, 'Accept-Language': 'en' };
}

async function get(url: URL, token: string): Promise<Response> {
  const response = await fetch(url, { headers: headersOf(token) });
  if (!response.ok)
    throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}: ${await response.text()}`);
  return response;
}

export function httpLogSource(service: string, token: string): LogSource {
  return {
    latestCheckpoint: async () => (await get(at(service, 'api/v1/audit/checkpoint'), token)).text(),
    consistencyProof: async (from, to) => {
      const response = await get(at(service, `api/v1/audit/proofs/consistency?from=${from}&to=${to}`), token);
      const { proof } = (await response.json()) as { proof: string[] };
      return proof.map((hash) => Buffer.from(hash, 'base64').toString('hex'));
    },
  };
}

/**
 * Posts the cosigned checkpoint note to the instance: undefined once stored, or the instance's refusal in words. A
 * server error is thrown: it says nothing of the cosignature.
 */
export async function submitCosignature(
  service: string,
  token: string,
  cosignedNote: string,
): Promise<string | undefined> {
  const url = at(service, 'api/v1/audit/checkpoint/cosignatures');
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headersOf(token), 'Content-Type': 'text/plain; charset=utf-8' },
    body: cosignedNote,
  });
  if (response.ok) return undefined;
  const text = await response.text();
  if (response.status >= 500) throw new Error(`POST ${url.pathname} answered ${response.status}: ${text}`);
  try {
    const { code, detail } = JSON.parse(text) as { code?: string; detail?: string };
    return `${response.status} ${code}: ${detail}`;
  } catch {
    return `${response.status}: ${text}`;
  }
}
