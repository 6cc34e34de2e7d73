// A Saisie form: its heading, its fields, its button, and what came of it — recorded (with a link to what changed),
// refused (the problem, its field errors also shown on the fields), or refused as stale, explained with a way to reload.
import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../api';
import type { Command, CommandAnswer } from '../command';
import { ProblemAlert } from './problem-alert';

interface CommandFormProps {
  readonly id: string;
  readonly title: string;
  readonly command: Command;
  readonly submitLabel: string;
  /** What the problem's title follows: « La mesure n’a pas été enregistrée ». */
  readonly refusedAs: string;
  /** What was recorded, and a link to see it. */
  readonly recorded: (answer: CommandAnswer) => ComponentChildren;
  readonly onSubmit: () => void;
  /** Reads the project again after a stale If-Match (forms that send one). */
  readonly onReload?: () => void;
  /** Why there is nothing to record (every milestone reached), shown instead of the fields. */
  readonly nothingToDo?: string;
  readonly children: ComponentChildren;
}

/** A 412: the form read the project before someone else changed it. */
function StaleAlert({ problem, onReload }: { problem: ApiProblem; onReload: () => void }) {
  return (
    <div class="fr-alert fr-alert--warning fr-mb-3w" role="alert">
      <h3 class="fr-alert__title">Quelqu’un a modifié ce projet depuis que vous l’avez ouvert</h3>
      <p>
        Rien n’a été enregistré, pour ne pas passer outre un changement que vous n’avez pas vu ({problem.detail}). Vos
        saisies sont conservées : rechargez le projet, regardez ce qui a changé, puis enregistrez à nouveau si votre
        saisie vaut toujours.
      </p>
      <button class="fr-btn fr-btn--secondary fr-btn--sm fr-mt-2w" type="button" onClick={onReload}>
        Recharger le projet
      </button>
    </div>
  );
}

function Outcome({ command, refusedAs, recorded, onReload }: CommandFormProps) {
  const { outcome } = command;
  if (outcome.state === 'done')
    return (
      <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
        {recorded(outcome.answer)}
      </div>
    );
  if (outcome.state !== 'refused') return null;
  if (command.stale && onReload !== undefined) return <StaleAlert problem={outcome.problem} onReload={onReload} />;
  return <ProblemAlert problem={outcome.problem} context={refusedAs} />;
}

export function CommandForm(props: CommandFormProps) {
  const { id, title, command, submitLabel, onSubmit, nothingToDo, children } = props;
  const submit = (event: Event) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section class="fr-mb-6w" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="fr-h4">
        {title}
      </h2>
      <Outcome {...props} />
      {nothingToDo !== undefined && <p>{nothingToDo}</p>}
      {nothingToDo === undefined && (
        <form id={id} onSubmit={submit} noValidate>
          {children}
          <button class="fr-btn" type="submit" disabled={command.outcome.state === 'sending'}>
            {command.outcome.state === 'sending' ? 'Enregistrement…' : submitLabel}
          </button>
        </form>
      )}
    </section>
  );
}
