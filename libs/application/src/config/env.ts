/** The process environment, or a fixture of it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's trimmed value; unset and blank are the same. */
export function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}
