import type { WriteContext } from './write-context';
import { writeFingerprint } from './fingerprint';
import { isSettled, type WriteResult } from './outcomes';
import { ValidationError } from './write-errors';

/** Idempotency for every mutation: a key replays the first settled result instead of writing again. */
export async function once(mutation: string, input: Record<string, unknown>, key: string | null | undefined, context: WriteContext, write: () => Promise<WriteResult>): Promise<WriteResult> {
  if (key == null) return write();
  if (key.length === 0 || key.length > 255) throw new ValidationError('idempotencyKey must be 1 to 255 characters.', 'idempotencyKey');
  const { result, replayed } = await context.gateway.writeLedger.run(`${mutation}:${key}`, writeFingerprint(mutation, input), write, isSettled);
  return { ...result, replayed };
}
