import type { SandboxResponse } from './sandbox-http';

type Outcome = { kind: 'in-flight' } | { kind: 'done'; response: SandboxResponse };

interface Entry {
  fingerprint: string;
  outcome: Outcome;
}

export interface IdempotencyHandlers {
  /** The key was used before with another method, path or body. */
  mismatch(): SandboxResponse;
  /** The key is still being processed by an earlier request. */
  concurrent(): SandboxResponse;
  /** Extra headers a replayed response carries, e.g. Orb's `Idempotent-Replayed: true`. */
  replayHeaders?: Record<string, string>;
}

/**
 * Idempotency-Key semantics shared by the providers that honour it (IETF draft): the first response is stored
 * and replayed for the same key and request; the same key with another request is a conflict. 5xx and 429 are
 * not stored, so a retry runs again.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  async run(
    key: string,
    fingerprint: string,
    execute: () => SandboxResponse | Promise<SandboxResponse>,
    handlers: IdempotencyHandlers,
  ): Promise<SandboxResponse> {
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      if (existing.fingerprint !== fingerprint) return handlers.mismatch();
      if (existing.outcome.kind === 'in-flight') return handlers.concurrent();
      const stored = existing.outcome.response;
      return { ...stored, headers: { ...stored.headers, ...handlers.replayHeaders }, replayed: true };
    }
    const entry: Entry = { fingerprint, outcome: { kind: 'in-flight' } };
    this.entries.set(key, entry);
    try {
      const response = await execute();
      if (response.status >= 500 || response.status === 429) this.entries.delete(key);
      else entry.outcome = { kind: 'done', response };
      return response;
    } catch (error) {
      this.entries.delete(key);
      throw error;
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A fingerprint of what makes two requests "the same" for idempotency. */
export function requestFingerprint(method: string, path: string, body: string): string {
  let canonical = body;
  try {
    canonical = JSON.stringify(JSON.parse(body));
  } catch {
    // Not JSON: compare the raw text.
  }
  return `${method} ${path} ${canonical}`;
}
