import type { GraphContext } from '../context';
import { writeFingerprint } from './fingerprint';
import { isSettled, type WriteResult } from './outcomes';
import { hasUnsafeCharacters } from '../routing/identifier-rules';
import { ValidationError } from './write-errors';

/** Idempotency for every mutation: a key replays the first settled result instead of writing again. */
export async function once(mutation: string, input: Record<string, unknown>, key: string | null | undefined, context: GraphContext, write: () => Promise<WriteResult>): Promise<WriteResult> {
  if (key == null) return write();
  if (key.length === 0 || key.length > 255) throw new ValidationError('idempotencyKey must be 1 to 255 characters.', 'idempotencyKey');
  // The key travels as an Idempotency-Key header: a control character or broken Unicode cannot be sent.
  if (hasUnsafeCharacters(key)) throw new ValidationError('idempotencyKey must be printable text without control characters.', 'idempotencyKey');
  const { result, replayed } = await context.gateway.writeLedger.run(`${mutation}:${key}`, writeFingerprint(mutation, input), write, isSettled);
  return { ...result, replayed };
}
