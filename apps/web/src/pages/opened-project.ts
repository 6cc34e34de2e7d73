// The project a Saisie form acts on, as read when it was opened: its state and the revision its commands send as
// If-Match, both of the same moment, so that a change by someone else in between is refused (412) and not overwritten.
import { useEffect, useState } from 'preact/hooks';
import type { ProjectDetail } from '../../../../libs/read-models/src/views/documents';
import { ApiProblem, type ApiClient } from '../api';
import { useSignedIn } from '../context';
import type { Resource } from '../resource';

/** An event of the project as GET /projects/{id}/history gives it. */
export interface HistoryItem {
  readonly position: string;
  readonly revision: string;
  readonly summary: string;
  readonly recordedAt: string;
}

export interface OpenedProject {
  readonly project: ProjectDetail;
  /** The stream's revision the state is of: the If-Match of the forms' commands. */
  readonly revision: string;
  /** The events recorded since the revision the person had opened, when they reloaded after a refusal. */
  readonly changes: readonly HistoryItem[];
}

interface HistoryPage {
  readonly items: readonly HistoryItem[];
  readonly nextCursor: string | null;
}

/** The project's whole history, page after page (the largest pages the API gives). */
async function historyOf(api: ApiClient, projectId: string): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let after: string | undefined;
  do {
    const page: HistoryPage = await api.get(`/projects/${encodeURIComponent(projectId)}/history`, {
      limit: '1000',
      after,
    });
    items.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return items;
}

/** The project as it stood after its last event: read as known at that event's position, to match its revision. */
async function open(api: ApiClient, projectId: string, since: string | undefined): Promise<OpenedProject> {
  const history = await historyOf(api, projectId);
  const last = history.at(-1);
  if (last === undefined) throw new ApiProblem(404, 'Projet introuvable', projectId, 'project_not_found');
  const project = await api.get<ProjectDetail>(`/projects/${encodeURIComponent(projectId)}`, {
    asOf: last.position,
  });
  const changes = since === undefined ? [] : history.filter((item) => BigInt(item.revision) > BigInt(since));
  return { project, revision: last.revision, changes };
}

export interface OpenedProjectResource {
  readonly opened: Resource<OpenedProject>;
  /**
   * Reads the project again, the state shown meanwhile; `since` (the revision the person had) lists what changed
   * after it.
   */
  reload(since?: string): void;
}

/** The project `projectId` names, opened: read once, then again on reload(). */
export function useOpenedProject(projectId: string): OpenedProjectResource {
  const { api } = useSignedIn();
  const [opened, setOpened] = useState<Resource<OpenedProject>>({ state: 'loading' });
  const [reading, setReading] = useState<{ readonly since?: string; readonly count: number }>({ count: 0 });
  useEffect(() => {
    let current = true;
    open(api, projectId, reading.since).then(
      (value) => current && setOpened({ state: 'loaded', value }),
      (error: unknown) => {
        const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'Erreur', String(error), 'unexpected');
        if (current) setOpened({ state: 'failed', problem });
      },
    );
    return () => {
      current = false;
    };
  }, [api, projectId, reading]);
  return { opened, reload: (since) => setReading((last) => ({ since, count: last.count + 1 })) };
}
