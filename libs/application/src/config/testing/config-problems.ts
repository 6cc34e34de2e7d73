// What loading a configuration refuses, for the specs of each group of settings.
import { ConfigError, loadConfig } from '../load-config';

/** The problems `loadConfig` reports for `env`; fails when it accepts it. */
export function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, '/srv');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
