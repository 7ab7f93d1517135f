/**
 * Cached values are strings (the state port stores strings, in memory or Redis). Domain objects carry `Date`s,
 * which JSON turns into strings; they are tagged on the way in and revived on the way out.
 */
const DATE_TAG = '$date';

export function encodeCached(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    const original = this[key];
    return original instanceof Date ? { [DATE_TAG]: original.toISOString() } : encoded;
  });
}

export function decodeCached<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 1 && keys[0] === DATE_TAG && typeof record[DATE_TAG] === 'string') return new Date(record[DATE_TAG]);
    }
    return value;
  }) as T;
}
