/** A row of command_runs: the positions first..last (inclusive) all carry the command key `key`. */
export interface CommandRun {
  readonly key: string;
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * The runs of consecutive positions that share a command key, from events in position order (an append's events,
 * each with its command key or null): the idempotency index holds one row per run instead of one entry per event.
 */
export function commandRuns(events: readonly { readonly commandKey: string | null; readonly position: bigint }[]) {
  const runs: CommandRun[] = [];
  let open: { key: string; first: bigint; last: bigint } | undefined;
  for (const { commandKey, position } of events) {
    if (open !== undefined && (open.key !== commandKey || position !== open.last + 1n)) {
      runs.push(open);
      open = undefined;
    }
    if (commandKey === null) continue;
    if (open === undefined) open = { key: commandKey, first: position, last: position };
    else open.last = position;
  }
  if (open !== undefined) runs.push(open);
  return runs;
}
