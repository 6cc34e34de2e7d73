// A file of the API downloaded with the bearer token (a plain link could not send it): fetched, then saved through an
// object URL, what happens said in words to screen readers.
import { useState } from 'preact/hooks';
import { asProblem, type ApiProblem } from '../api';
import { useSignedIn } from '../context';
import { ProblemAlert } from './problem-alert';

interface DownloadButtonProps {
  readonly label: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** The name to save under when the API names none. */
  readonly fallbackName: string;
}

type Progress = { readonly state: 'idle' | 'fetching' | 'saved' } | { readonly state: 'failed'; problem: ApiProblem };

/** Hands the browser a file to save, as a click on a link to it with `download` would. */
function save(body: Blob, fileName: string): void {
  const url = URL.createObjectURL(body);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the URL would otherwise hold the blob for the page's life.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function DownloadButton({ label, path, query = {}, fallbackName }: DownloadButtonProps) {
  const { api } = useSignedIn();
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const download = async () => {
    setProgress({ state: 'fetching' });
    try {
      const { body, fileName } = await api.file(path, query);
      save(body, fileName ?? fallbackName);
      setProgress({ state: 'saved' });
    } catch (error) {
      setProgress({ state: 'failed', problem: asProblem(error) });
    }
  };
  return (
    <div class="fr-mb-2w">
      <button
        type="button"
        class="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line"
        disabled={progress.state === 'fetching'}
        onClick={() => void download()}
      >
        {label}
      </button>
      <p class="fr-text--sm fr-mb-0" role="status">
        {progress.state === 'fetching' && 'Téléchargement en cours…'}
        {progress.state === 'saved' && 'Fichier téléchargé.'}
      </p>
      {progress.state === 'failed' && <ProblemAlert problem={progress.problem} context="Le téléchargement a échoué" />}
    </div>
  );
}
