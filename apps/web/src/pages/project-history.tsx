// A project's history: every event of its stream, oldest first, as a one-line French summary with its dates, and its
// step-by-step replay (the project as it stood after each event).
import { useState } from 'preact/hooks';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { useResource } from '../resource';
import type { TimeView } from '../time-view';
import { HistoryEntry, type HistoryEntryItem } from './history-entry';
import { ProjectReplay } from './project-replay';

interface ProjectHistory {
  readonly items: readonly HistoryEntryItem[];
}

interface HistoryProps {
  readonly projectId: string;
  readonly view: TimeView;
  /** Reads the history again when it changes (live updates). */
  readonly refresh: number;
}

function Timeline({ projectId, view, refresh }: HistoryProps) {
  const path = `/projects/${encodeURIComponent(projectId)}/history`;
  const history = useResource<ProjectHistory>(path, { ...view }, refresh);
  if (history.state === 'loading') return <Loading what="de l’historique" />;
  if (history.state === 'failed') {
    return <ProblemAlert problem={history.problem} context="L’historique n’a pas pu être lu" />;
  }
  return (
    <ol class="project-history">
      {history.value.items.map((item) => (
        <li key={item.position}>
          <HistoryEntry item={item} />
        </li>
      ))}
    </ol>
  );
}

export function ProjectHistoryList({ projectId, view, refresh }: HistoryProps) {
  const [replaying, setReplaying] = useState(false);
  return (
    <>
      <button
        type="button"
        class="fr-btn fr-btn--secondary fr-btn--sm fr-mb-2w"
        aria-pressed={replaying}
        onClick={() => setReplaying(!replaying)}
      >
        Rejouer pas à pas
      </button>
      {replaying ? (
        <ProjectReplay projectId={projectId} view={view} />
      ) : (
        <Timeline projectId={projectId} view={view} refresh={refresh} />
      )}
    </>
  );
}
