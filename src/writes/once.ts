import type { WriteContext } from './write-context';
import { writeFingerprint } from './fingerprint';
import { hasUnsafeCharacters } from '../routing/identifier-rules';
import { hasEffect, isSettled, type WriteResult } from './outcomes';
import type { Attempt } from './write-ledger';
import { writeResultCodec } from './write-result-codec';
import { StateUnavailableWriteError, ValidationError } from './write-errors';
import { StateUnavailableError } from '../state/state-errors';

/**
 * Idempotency for every mutation: a key replays the first settled result instead of writing again, on every
 * instance that shares the state store. `write` learns whether an earlier attempt's outcome is unknown.
 */
export async function once(
  mutation: string,
  input: Record<string, unknown>,
  key: string | null | undefined,
  context: WriteContext,
  write: (attempt: Attempt<WriteResult>) => Promise<WriteResult>,
): Promise<WriteResult> {
  try {
    if (key == null) return await write({ previous: 'none', previousResult: null });
    if (key.length === 0 || key.length > 255) throw new ValidationError('idempotencyKey must be 1 to 255 characters.', 'idempotencyKey');
    // The key travels as an Idempotency-Key header: a control character or broken Unicode cannot be sent.
    if (hasUnsafeCharacters(key)) throw new ValidationError('idempotencyKey must be printable text without control characters.', 'idempotencyKey');
    const { result, replayed } = await context.gateway.writeLedger.run(`${mutation}:${key}`, writeFingerprint(mutation, input), write, isSettled, {
      codec: writeResultCodec,
      hasEffect,
      signal: context.calls.signal,
    });
    // A write that reconciled an earlier unknown outcome answers with what that attempt made: replayed too.
    return { ...result, replayed: replayed || result.replayed };
  } catch (error) {
    // The ledger (or an index lookup) could not reach the state store: a typed refusal, not a masked failure.
    if (error instanceof StateUnavailableError) {
      throw new StateUnavailableWriteError(key == null ? error.message : `${error.message}. Nothing was written; retry with the same idempotencyKey "${key}".`);
    }
    throw error;
  }
}
