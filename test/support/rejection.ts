import { expect } from 'vitest';
import { ProviderError } from '../../src/providers/spec/errors';

/**
 * The `ProviderError` a call fails with. Fails the test when the call succeeds or fails with anything else.
 * Accepts `undefined` so an optional method can be called as `provider.x?.(…)`: a missing method fails too.
 */
export async function rejection(promise: Promise<unknown> | undefined): Promise<ProviderError> {
  const error = await Promise.resolve(promise).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
