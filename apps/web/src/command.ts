// Sending a command from a form: sending, then what the API answered (the log position and the stream's new revision)
// or its refusal, whose field errors the form shows on its fields.
import { useState } from 'preact/hooks';
import { ApiProblem } from './api';
import { useSignedIn } from './context';

/** What every command answers (README, "Commands"). */
export interface CommandAnswer {
  readonly revision: string;
  readonly position: string;
  readonly eventsAppended: number;
}

export type Outcome =
  | { readonly state: 'idle' }
  | { readonly state: 'sending' }
  | { readonly state: 'done'; readonly answer: CommandAnswer }
  | { readonly state: 'refused'; readonly problem: ApiProblem };

export interface Command {
  readonly outcome: Outcome;
  /** POST `body` to `path`; `revision` (the project's, as read when the form was opened) goes as If-Match. */
  send(path: string, body: unknown, revision?: string): Promise<Outcome>;
  /** The API's message for the field at `path` of the body, if it refused it. */
  fieldError(path: string): string | undefined;
  /** Whether the API refused because the project changed since the form read it (412, If-Match stale). */
  readonly stale: boolean;
  reset(): void;
}

/** A 412: the If-Match sent named a revision the project has left. */
export const isStale = (problem: ApiProblem) => problem.status === 412;

export function useCommand(): Command {
  const { api } = useSignedIn();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const send = async (path: string, body: unknown, revision?: string) => {
    setOutcome({ state: 'sending' });
    let next: Outcome;
    try {
      const headers: Record<string, string> = revision === undefined ? {} : { 'If-Match': `"${revision}"` };
      next = { state: 'done', answer: await api.post<CommandAnswer>(path, body, headers) };
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'Erreur', String(error), 'unexpected');
      next = { state: 'refused', problem };
    }
    setOutcome(next);
    return next;
  };
  return {
    outcome,
    send,
    fieldError: (path) => (outcome.state === 'refused' ? outcome.problem.fieldMessage(path) : undefined),
    stale: outcome.state === 'refused' && isStale(outcome.problem),
    reset: () => setOutcome({ state: 'idle' }),
  };
}
