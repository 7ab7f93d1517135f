import { ProviderError } from '../spec/errors';
import type { JsonObject } from '../spec/provider';

/** Small readers that adapters share when they pick apart a provider payload they do not fully trust. */

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or null for anything else. */
export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A date from an ISO string, or null when absent or unreadable. */
export function optionalDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/**
 * A 2xx answer the adapter cannot read (no id, no list, no envelope, unparseable JSON). One rule for every
 * provider: retryable. Such an answer says nothing about the next one (a proxy's truncated body, a deploy in
 * progress, the sandbox's malformed fault), a retried read is harmless, and a provider that keeps answering so
 * is a provider failure the breaker counts (`breaker.ts`), so nothing loops. A write's answer that cannot be read
 * may still have been applied: `outcomeUnknown` says so (set for any method but GET).
 */
export function malformed(provider: string, message: string, options: { status?: number; outcomeUnknown?: boolean } = {}): ProviderError {
  return new ProviderError({ provider, code: 'MALFORMED_RESPONSE', message, status: options.status ?? null, retryable: true, outcomeUnknown: options.outcomeUnknown ?? false });
}
