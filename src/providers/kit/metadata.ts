import type { JsonObject } from '../spec/provider';

/**
 * The gateway's metadata rule, for providers whose API replaces the whole map: start from the current map,
 * write each key given a value, remove each key given null, keep the rest. `null` for the whole patch clears it.
 */
export function mergeMetadata(current: JsonObject, patch: JsonObject | null): JsonObject {
  if (patch === null) return {};
  const merged: JsonObject = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
