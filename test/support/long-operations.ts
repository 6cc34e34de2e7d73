// The long operations whose effect on a running service is measured (a rebuild, an export, a verification), each
// started over HTTP with a way to ask whether it still runs: for the responsiveness e2e and the bench alike.

/** Who may do what: the admin starts rebuilds, the auditor exports and verifies. */
export interface OperatorHeaders {
  readonly admin: Record<string, string>;
  readonly auditor: Record<string, string>;
}

/** A long operation under way: whether it still runs, and what it ended with. */
export interface RunningOperation<T> {
  readonly running: () => Promise<boolean>;
  readonly result: Promise<T>;
}

async function fetchBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${body.toString()}`);
  return body;
}

async function fetchJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  return JSON.parse((await fetchBody(url, headers)).toString()) as T;
}

interface ProjectionsStatus {
  readonly projectors: readonly { readonly lag: string; readonly head: string }[];
  readonly rebuild?: { readonly state: string; readonly position: string };
}

const projections = (url: string, who: OperatorHeaders) =>
  fetchJson<ProjectionsStatus>(`${url}/api/v1/admin/projections`, who.admin);

/** Resolves once the live projection has applied the whole log: what is measured next is the operation, not a catch-up. */
export async function projectionCaughtUp(url: string, who: OperatorHeaders): Promise<void> {
  while ((await projections(url, who)).projectors.some((projector) => projector.lag !== '0')) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Tracks a request: it runs until its answer has been read to the end. */
function tracked<T>(result: Promise<T>): RunningOperation<T> {
  let finished = false;
  const settled = result.finally(() => (finished = true));
  settled.catch(() => undefined);
  return { running: async () => !finished, result };
}

/** POST /admin/projections/rebuild; it runs until the status leaves running and switching. Ends with that status. */
export async function startRebuild(url: string, who: OperatorHeaders): Promise<RunningOperation<ProjectionsStatus>> {
  const started = await fetch(`${url}/api/v1/admin/projections/rebuild`, { method: 'POST', headers: who.admin });
  if (started.status !== 202) throw new Error(`POST /admin/projections/rebuild: ${started.status}`);
  let ended: (status: ProjectionsStatus) => void = () => undefined;
  const result = new Promise<ProjectionsStatus>((resolve) => (ended = resolve));
  const running = async (): Promise<boolean> => {
    const status = await projections(url, who);
    const state = status.rebuild?.state;
    if (state === 'running' || state === 'switching') return true;
    ended(status);
    return false;
  };
  return { running, result };
}

const NEWLINE = 0x0a;

/** The lines of a streamed answer, counted as its chunks arrive. */
async function countLines(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers });
  if (!response.ok || response.body === null)
    throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  let lines = 0;
  for await (const chunk of response.body) {
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines += 1;
  }
  return lines;
}

/**
 * GET /audit/export?format=ndjson, read to the end: how many lines it held. Counted as it streams, not buffered: a
 * 1M-event export is ~600 MB, and gathering it into one buffer held the measuring process's own event loop.
 */
export function exportTrail(url: string, who: OperatorHeaders): RunningOperation<number> {
  return tracked(countLines(`${url}/api/v1/audit/export?format=ndjson`, who.auditor));
}

/** GET /audit/verify: the service checks its own log. */
export function verifyTrail(
  url: string,
  who: OperatorHeaders,
): RunningOperation<{ ok: boolean; eventsChecked: number }> {
  return tracked(fetchJson(`${url}/api/v1/audit/verify`, who.auditor));
}
