/** Ends a switch over a union: compilation fails when a member is not handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
