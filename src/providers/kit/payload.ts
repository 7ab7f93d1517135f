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
