import { IdempotencyStore, requestFingerprint } from '../shared/idempotency';
import type { SandboxRequest, SandboxResponse } from '../shared/sandbox-http';
import { stiggError } from './stigg-errors';

const WINDOW_MS = 24 * 3600 * 1000;

/**
 * Stigg's `Idempotency-Key` on POST: responses are kept 24 hours, per API key. The shared store has no expiry,
 * so a key older than the window moves to a new generation and runs afresh (the old entry is simply never
 * read again). Reuse with another request is a 409 in Stigg's error shape.
 */
export class StiggIdempotency {
  private readonly store = new IdempotencyStore();
  private readonly generations = new Map<string, { generation: number; firstUsedMs: number }>();

  constructor(private readonly now: () => Date) {}

  run(apiKey: string, key: string, request: SandboxRequest, execute: () => SandboxResponse | Promise<SandboxResponse>): Promise<SandboxResponse> {
    const scoped = `${apiKey}\u0000${key}`;
    const nowMs = this.now().getTime();
    let entry = this.generations.get(scoped);
    if (entry === undefined || nowMs - entry.firstUsedMs >= WINDOW_MS) {
      entry = { generation: (entry?.generation ?? -1) + 1, firstUsedMs: nowMs };
      this.generations.set(scoped, entry);
    }
    return this.store.run(`${scoped}\u0000${entry.generation}`, requestFingerprint(request.method, request.path, request.body), execute, {
      mismatch: () => stiggError(409, 'ABORTED', `Idempotency-Key ${key} was already used with a different request`),
      concurrent: () => stiggError(409, 'ABORTED', `A request with Idempotency-Key ${key} is still being processed`),
    });
  }
}
