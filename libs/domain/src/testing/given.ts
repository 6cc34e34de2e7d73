// Test support only: not exported from the library's index.
import { routeOf, type DomainCommand, type OutsideFacts } from '../command-routes';
import type { DomainEvent } from '../domain-event';
import type { DecisionContext } from '../shared/decision-context';
import { DomainError, type DomainErrorCode, type DomainErrorKind } from '../shared/domain-error';
import { streamIdOf } from '../stream-names';
import { deepFreeze } from './deep-freeze';

export interface ExpectedRefusal {
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;
  readonly path?: string;
  /** Matched against the human message, e.g. to check that it names the offending value. */
  readonly message?: RegExp;
}

/**
 * `given(...history).when(command, { today }).then(...events)` or `.thenThrows({ code, kind })`. The history, the
 * states folded from it and the command are deep-frozen, so a decision that mutates its inputs fails too.
 */
export function given(...history: readonly DomainEvent[]) {
  deepFreeze(history);
  return {
    when(command: DomainCommand, context: DecisionContext & Partial<OutsideFacts>) {
      deepFreeze(command);
      const decide = () => decideAgainst(history, command, context);
      return {
        then(...expected: readonly DomainEvent[]): void {
          expect(decide()).toStrictEqual(expected);
        },
        thenThrows({ message, ...expected }: ExpectedRefusal): void {
          let refusal: unknown;
          try {
            const events = decide();
            throw new Error(`expected a ${expected.code} refusal, but decided ${JSON.stringify(events)}`);
          } catch (error) {
            refusal = error;
          }
          expect(refusal).toBeInstanceOf(DomainError);
          expect(refusal).toMatchObject(expected);
          if (message !== undefined) expect((refusal as DomainError).message).toMatch(message);
        },
      };
    },
  };
}

/** Decides as the ledger does, through the command's own route, on states folded from the history's streams. */
export function decideAgainst(
  history: readonly DomainEvent[],
  command: DomainCommand,
  context: DecisionContext & Partial<OutsideFacts>,
): readonly DomainEvent[] {
  const route = routeOf(command);
  // States are frozen too: a decision must not write to the state it is given.
  const stateOf = ({ streamId, fold }: { streamId: string; fold: (events: readonly DomainEvent[]) => unknown }) =>
    deepFreeze(fold(history.filter((event) => streamIdOf(event) === streamId)));
  const read = Object.fromEntries(
    Object.entries(route.reads(command)).map(([name, stream]) => [name, stateOf(stream)]),
  );
  for (const fact of route.needs) {
    if (context[fact] === undefined)
      throw new Error(`${command.type} is decided on the ${fact}: give it in the context`);
  }
  return route.decide(command, stateOf(route.writes(command)), read, context);
}
