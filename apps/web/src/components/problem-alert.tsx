// A refusal or failure of the API, shown as a DSFR error alert in French: its title, its detail, the fields at fault.
import type { ApiProblem } from '../api';

export function ProblemAlert({ problem, context }: { problem: ApiProblem; context: string }) {
  return (
    <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <h2 class="fr-alert__title">
        {context} : {problem.title}
      </h2>
      {problem.detail !== '' && <p>{problem.detail}</p>}
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((error) => (
            <li key={error.path}>{error.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** While a document loads: said to screen readers too. */
export function Loading({ what }: { what: string }) {
  return (
    <p class="fr-text--sm" role="status">
      Chargement {what}…
    </p>
  );
}
