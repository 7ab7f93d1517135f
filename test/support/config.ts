import { expect } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

/** The `ConfigError` `loadConfig` throws for `env`. Fails the test when the configuration loads, or fails otherwise. */
export function configError(env: NodeJS.ProcessEnv): ConfigError {
  let caught: unknown = null;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  return caught as ConfigError;
}

/** The problems `loadConfig` reports for `env`: none when it loads. Any other failure fails the test. */
export function configProblems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
